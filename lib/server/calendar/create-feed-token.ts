import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { feedUrls, hashFeedToken, newFeedToken } from "./feed-token";

export const createFeedTokenInput = z.object({}).strict();

/**
 * A new private calendar link for the signed-in person. One live link per person: making a new
 * one revokes the old in the same transaction (the user row is locked, so two clicks at once still
 * leave one). The link is returned this once; only its hash is kept.
 */
export async function createFeedToken(
  user: { id: string },
  input: z.infer<typeof createFeedTokenInput>,
  now: Date,
): Promise<{ url: string; webcalUrl: string; createdAt: string }> {
  createFeedTokenInput.parse(input);
  const token = newFeedToken();
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "User" where id = ${user.id} for update`;
    const revoked = await tx.calendarFeedToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.calendarFeedToken.create({ data: { userId: user.id, tokenHash: hashFeedToken(token), createdAt: now }, select: { id: true } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "calendar_feed.created",
      entityType: "CalendarFeedToken",
      entityId: created.id,
      before: { revokedLinks: revoked.count },
      after: { live: true },
    });
  });
  return { ...feedUrls(token, getEnv().APP_URL), createdAt: now.toISOString() };
}
