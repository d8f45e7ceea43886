import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { bookingCalendarAttachment } from "@/lib/calendar-files/booking-calendar";
import { bookingRelation, holdsSeat, mayCancel, SESSION_CANCELLED_REASON } from "@/lib/domain/enrollment";
import { dateColumnToLocalDate, formatLocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { endBooking } from "@/lib/server/enrollment/end-booking";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { idField, optionalText } from "@/lib/validation/fields";

export const cancelBookingInput = z.object({
  bookingId: idField,
  // The organiser's own reason for a cancelled session gives everything back (cancelledLate): a
  // person cancelling cannot give it.
  reason: optionalText(500).refine((reason) => reason?.trim().toLowerCase() !== SESSION_CANCELLED_REASON, { error: "invalid" }),
});
export type CancelBookingInput = z.infer<typeof cancelBookingInput>;

export type CancelBookingResult = { bookingId: string; offeredTo: number };

/**
 * Cancels a booking that holds a seat (unpaid or confirmed). Its participant or the orderer who
 * booked it may, up to and including the workshop's cancellation day (Europe/Stockholm); after it
 * only coordinators and admins (TOO_LATE, with the date, otherwise). Anyone else's booking is
 * NOT_FOUND, before anything is written.
 *
 * The seat is released and offered to the next in line in the same transaction; the participant
 * gets "booking-cancelled" with a CANCEL calendar. An unpaid order with nothing left becomes
 * CANCELLED; a paid one stays as it is for billing, which credits it (credit notes, never edits)
 * or records the card refund, all or the workshop's late share (creditCancelledBooking).
 *
 * Lock order as everywhere in enrollment: the order row, the booking, then the seat rows.
 */
export async function cancelBooking(user: SessionUser, input: CancelBookingInput, now: Date): Promise<CancelBookingResult> {
  return runBookingTransaction((tx) => cancel(tx, user, input, now));
}

async function cancel(tx: Prisma.TransactionClient, user: SessionUser, input: CancelBookingInput, now: Date): Promise<CancelBookingResult> {
  const booking = await tx.booking.findUnique({
    where: { id: input.bookingId },
    select: {
      id: true, kind: true, workshopId: true, lectureId: true, participantId: true, bookedById: true, orderId: true, status: true,
      order: { select: { placedById: true } },
      participant: { select: { email: true, locale: true, erasedAt: true } },
      workshop: { select: { cancellationDeadline: true } },
    },
  });
  const relation = booking ? bookingRelation({ ...booking, orderPlacedById: booking.order?.placedById ?? null }, user) : null;
  if (!booking || !relation) throw new AppError("NOT_FOUND");
  if (!holdsSeat(booking.status)) throw new AppError("CONFLICT", "Booking is not active", { _form: ["bookingNotActive"] });
  const deadline = dateColumnToLocalDate(booking.workshop.cancellationDeadline);
  if (!mayCancel(relation, deadline, now)) {
    throw new AppError("TOO_LATE", `Cancellation day ${deadline} has passed`, undefined, { date: formatLocalDate(deadline, user.locale) });
  }

  if (booking.orderId) await tx.$queryRaw`select "id" from "Order" where "id" = ${booking.orderId} for update`;
  const [current] = await tx.$queryRaw<{ status: typeof booking.status }[]>`
    select "status"::text as "status" from "Booking" where "id" = ${booking.id} for update`;
  if (!current || !holdsSeat(current.status)) throw new AppError("CONFLICT", "Booking is not active", { _form: ["bookingNotActive"] });
  const offered = await endBooking(
    tx,
    { ...booking, status: current.status, cancellationDeadline: booking.workshop.cancellationDeadline },
    { actorId: user.id, reason: input.reason, now, audit: { by: relation } },
  );

  if (!booking.participant.erasedAt) {
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: booking.workshopId }, select: { title: true } });
    await enqueueEmail(tx, {
      to: booking.participant.email,
      locale: booking.participant.locale,
      template: "booking-cancelled",
      params: { workshop: workshop.title },
      calendar: await bookingCalendarAttachment(tx, [booking.id], { method: "CANCEL" }),
    });
  }
  return { bookingId: booking.id, offeredTo: offered.length };
}
