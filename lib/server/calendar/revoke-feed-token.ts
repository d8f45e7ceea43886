import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export const revokeFeedTokenInput = z.object({}).strict();

/**
 * "Sluta dela": the signed-in person's calendar link stops working at once (the feed answers 404,
 * as for a link that never existed). Only their own: there is nothing to name but themselves.
 */
export async function revokeFeedToken(user: { id: string }, input: z.infer<typeof revokeFeedTokenInput>, now: Date): Promise<{ revoked: number }> {
  revokeFeedTokenInput.parse(input);
  return db.$transaction(async (tx) => {
    const live = await tx.calendarFeedToken.findMany({ where: { userId: user.id, revokedAt: null }, select: { id: true } });
    if (live.length === 0) return { revoked: 0 };
    await tx.calendarFeedToken.updateMany({ where: { id: { in: live.map((l) => l.id) }, revokedAt: null }, data: { revokedAt: now } });
    for (const { id } of live) {
      await recordAuditEvent(tx, { actorId: user.id, action: "calendar_feed.revoked", entityType: "CalendarFeedToken", entityId: id, before: { live: true }, after: { live: false } });
    }
    return { revoked: live.length };
  });
}
