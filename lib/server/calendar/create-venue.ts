import "server-only";
import { assertCan } from "@/lib/domain/roles";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { venueFields, venueSelect } from "./venue-input";

export const createVenueInput = venueFields;
export type CreateVenueInput = z.infer<typeof createVenueInput>;

/** An admin adds a venue (name, address, accessibility notes, https map link). Audited. */
export async function createVenue(user: SessionUser, input: CreateVenueInput, now: Date, context: { requestId?: string } = {}): Promise<{ venueId: string }> {
  assertCan(user, "calendar.edit");
  return db.$transaction(async (tx) => {
    const venue = await tx.venue.create({ data: { ...input, createdAt: now }, select: venueSelect });
    const { id, ...after } = venue;
    await recordAuditEvent(tx, { actorId: user.id, action: "venue.created", entityType: "Venue", entityId: id, after, requestId: context.requestId });
    return { venueId: id };
  });
}
