/**
 * The steps every cancellation of a seat-holding booking takes, in the caller's transaction, with
 * the order row and the booking row already locked (lock order as everywhere in enrollment): the
 * booking becomes CANCELLED, the change is audited, billing gives back what it cost (credit note or
 * card refund; after the cancellation day only the workshop's late share), the seat goes back and is
 * offered to the next in line, and an unpaid order left empty is settled. E-mails are the caller's:
 * a participant's cancellation and a seat released for a missing PM say different things.
 *
 * No `server-only` here: the no-PM job (scripts/worker.ts) releases seats through it too.
 */
import { bookingMachine, cancelledLate, sessionKeyOf, sessionRefOf, type BookingStatus } from "@/lib/domain/enrollment";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { creditCancelledBooking } from "@/lib/server/billing/credit-cancelled-booking";
import { releaseAndOffer } from "@/lib/server/enrollment/offer-freed-seats";
import { settleOrder } from "@/lib/server/enrollment/settle-order";

export type EndingBooking = {
  id: string;
  kind: "LECTURE" | "PACKAGE";
  workshopId: string;
  lectureId: string | null;
  orderId: string | null;
  /** The status read under the row lock. */
  status: BookingStatus;
  /** The workshop's cancellation day (a date column). */
  cancellationDeadline: Date;
};

/** Returns the waiting-list entries the freed seat was offered to. */
export async function endBooking(
  tx: Prisma.TransactionClient,
  booking: EndingBooking,
  change: {
    actorId: string | null;
    reason: string | null;
    now: Date;
    audit: Record<string, string | null>;
  },
): Promise<string[]> {
  const { actorId, reason, now } = change;
  bookingMachine.transition(booking.status, "CANCELLED");
  await tx.booking.update({
    where: { id: booking.id },
    data: { status: "CANCELLED", activeSessionKey: null, cancelledAt: now, cancelledById: actorId, cancellationReason: reason },
  });
  await recordAuditEvent(tx, {
    actorId,
    action: "booking.cancelled",
    entityType: "Booking",
    entityId: booking.id,
    before: { status: booking.status, session: sessionKeyOf(booking) },
    after: { status: "CANCELLED", reason, ...change.audit },
  });
  // After the cancellation day only the late share, unless the organiser cancelled the session.
  const late = cancelledLate(dateColumnToLocalDate(booking.cancellationDeadline), now, reason);
  await creditCancelledBooking(tx, { bookingId: booking.id, now, actorId, reason, late });
  const offered = await releaseAndOffer(tx, sessionRefOf(booking), now);
  await settleOrder(tx, booking.orderId, actorId);
  return offered;
}
