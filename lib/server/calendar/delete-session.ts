import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditValues, conflict, entityTypeOf, lockSession, sessionRefInput, type SessionKind, type SessionRefInput } from "@/lib/server/calendar/session-editing";
import { parseOrInvalid } from "@/lib/server/calendar/session-form-input";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";

export const deleteSessionInput = sessionRefInput;
export type DeleteSessionInput = SessionRefInput;

/**
 * Whether anything ever happened in a session that must stay on record: bookings (also cancelled
 * ones), order lines, waiting-list entries, attendance, notes or evaluations; for a session that was
 * ever public also the workshop's package bookings and package waiting list (a package holds a seat
 * in every published session). Counts rows, so history is included.
 */
export async function sessionHistory(tx: Prisma.TransactionClient, kind: SessionKind, id: string, workshopId: string, wasPublic: boolean): Promise<number> {
  const packages = wasPublic
    ? (await tx.booking.count({ where: { workshopId, kind: "PACKAGE" } })) + (await tx.waitlistEntry.count({ where: { workshopId, kind: "PACKAGE" } }))
    : 0;
  if (kind === "lecture") {
    const counts = await Promise.all([
      tx.booking.count({ where: { lectureId: id } }),
      tx.orderLine.count({ where: { lectureId: id } }),
      tx.waitlistEntry.count({ where: { lectureId: id } }),
      tx.attendance.count({ where: { lectureId: id } }),
      tx.evaluation.count({ where: { lectureId: id } }),
    ]);
    return packages + counts.reduce((a, b) => a + b, 0);
  }
  const counts = await Promise.all([tx.attendance.count({ where: { gatheringId: id } }), tx.seminarNote.count({ where: { gatheringId: id } })]);
  return packages + counts.reduce((a, b) => a + b, 0);
}

/**
 * Deletes a lecture or gathering that nobody ever booked, queued for or attended (see
 * sessionHistory); otherwise CONFLICT, telling the admin to cancel it instead (cancelling tells the
 * people concerned and keeps the history). ADMIN only. Its change notices go with it (there was
 * nobody to tell). Audited with what was deleted.
 */
export async function deleteSession(user: SessionUser, rawInput: DeleteSessionInput, now: Date): Promise<{ deleted: true }> {
  void now;
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(deleteSessionInput, rawInput);
  return runBookingTransaction(async (tx) => {
    const session = await lockSession(tx, input.kind, input.sessionId, input.workshopId);
    const history = await sessionHistory(tx, input.kind, session.id, input.workshopId, session.status !== "DRAFT");
    if (history > 0 || session.seatsTaken > 0) throw conflict("sessionHasBookings", "The session has bookings: cancel it instead");
    if (input.kind === "lecture") {
      await tx.sessionChange.deleteMany({ where: { lectureId: session.id } });
      await tx.lecture.delete({ where: { id: session.id } });
    } else {
      await tx.sessionChange.deleteMany({ where: { gatheringId: session.id } });
      await tx.gathering.delete({ where: { id: session.id } });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: `${input.kind}.deleted`,
      entityType: entityTypeOf(input.kind),
      entityId: session.id,
      before: auditValues({
        workshop: session.workshopId,
        title: session.title,
        status: session.status,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        venueId: session.venueId,
        capacity: session.capacity,
      }),
    });
    return { deleted: true as const };
  });
}
