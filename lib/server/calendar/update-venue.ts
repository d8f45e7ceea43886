import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { venueFields, venueSelect } from "./venue-input";

export const updateVenueInput = venueFields.extend({ venueId: idField });
export type UpdateVenueInput = z.infer<typeof updateVenueInput>;

/**
 * An admin changes a venue's name, address, accessibility notes or map link. Sessions refer to
 * the venue, so the change shows on every page that names it; moving a session to another venue
 * is the session's own edit (and tells the people booked). Audited with before and after.
 */
export async function updateVenue(
  user: SessionUser,
  input: UpdateVenueInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ venueId: string; changed: boolean }> {
  assertCan(user, "calendar.edit");
  const { venueId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.venue.findUnique({ where: { id: venueId }, select: venueSelect });
    if (!current) throw new AppError("NOT_FOUND");
    const { id, ...before } = current;
    const after = { ...before, ...fields };
    if (JSON.stringify(before) === JSON.stringify(after)) return { venueId: id, changed: false };
    await tx.venue.update({ where: { id }, data: { ...fields, updatedAt: now } });
    await recordAuditEvent(tx, { actorId: user.id, action: "venue.updated", entityType: "Venue", entityId: id, before, after, requestId: context.requestId });
    return { venueId: id, changed: true };
  });
}
