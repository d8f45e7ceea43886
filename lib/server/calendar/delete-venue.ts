import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { venueSelect } from "./venue-input";

export const deleteVenueInput = z.object({ venueId: idField });
export type DeleteVenueInput = z.infer<typeof deleteVenueInput>;

/**
 * Deletes a venue that no gathering or lecture uses (any workshop, any status); otherwise
 * CONFLICT, naming how many sessions use it. The row is locked, so a session saved with this venue
 * at the same moment either comes first (and is counted) or fails on the missing venue.
 */
export async function deleteVenue(user: SessionUser, input: DeleteVenueInput, now: Date, context: { requestId?: string } = {}): Promise<{ deleted: true }> {
  assertCan(user, "calendar.edit");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Venue" where id = ${input.venueId} for update`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const venue = await tx.venue.findUniqueOrThrow({ where: { id: input.venueId }, select: venueSelect });
    const [gatherings, lectures] = await Promise.all([
      tx.gathering.count({ where: { venueId: venue.id } }),
      tx.lecture.count({ where: { venueId: venue.id } }),
    ]);
    if (gatherings + lectures > 0) {
      throw new AppError("CONFLICT", `Venue used by ${gatherings + lectures} sessions`, { _form: [{ key: "venueInUse", params: { count: gatherings + lectures } }] });
    }
    await tx.venue.delete({ where: { id: venue.id } });
    const { id, ...before } = venue;
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "venue.deleted",
      entityType: "Venue",
      entityId: id,
      before,
      after: { deletedAt: now.toISOString() },
      requestId: context.requestId,
    });
    return { deleted: true };
  });
}
