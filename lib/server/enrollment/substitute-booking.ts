import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { bookingCalendarAttachment } from "@/lib/calendar-files/booking-calendar";
import { bookingMachine, bookingRelation, holdsSeat, sessionKeyOf } from "@/lib/domain/enrollment";
import { keysSharingSeats } from "@/lib/server/enrollment/keys-sharing-seats";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withdrawFromWaitlists } from "@/lib/server/enrollment/offer-freed-seats";
import { findOrInviteColleagues } from "@/lib/server/enrollment/people";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { emailField, idField } from "@/lib/validation/fields";

export const substituteBookingInput = z.object({
  bookingId: idField,
  /** The colleague who takes over the place. */
  email: emailField,
});
export type SubstituteBookingInput = z.infer<typeof substituteBookingInput>;

export type SubstituteBookingResult = { bookingId: string; substitutedFromId: string; participantId: string; invited: boolean };

/**
 * Passes a booking to a colleague of the same organisation without losing the seat: the booking
 * becomes CANCELLED ("substituted") and a new one for the colleague takes over its status, order,
 * hold and session key, with `substitutedFromId` pointing back, in one transaction. Seat counters
 * do not move. The order line follows the place (it points at the new booking).
 *
 * The colleague is found by e-mail in the participant's organisation (an unknown address gets an
 * invited account, as when booking); someone of another organisation is refused, as is a colleague
 * who already holds a place. A colleague waiting for the session leaves the queue (an offer they
 * held goes to the next in line). The participant, the orderer who booked it, coordinators and
 * admins may substitute; anyone else gets NOT_FOUND.
 */
export async function substituteBooking(user: SessionUser, input: SubstituteBookingInput, now: Date): Promise<SubstituteBookingResult> {
  try {
    return await runBookingTransaction((tx) => substitute(tx, user, input, now));
  } catch (error) {
    // The colleague booked the same session at the same moment: the unique key refused this.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("ALREADY_BOOKED", "Colleague already holds a place", undefined, { person: input.email, session: "" });
    }
    throw error;
  }
}

async function substitute(tx: Prisma.TransactionClient, user: SessionUser, input: SubstituteBookingInput, now: Date): Promise<SubstituteBookingResult> {
  const booking = await tx.booking.findUnique({
    where: { id: input.bookingId },
    select: {
      id: true, kind: true, workshopId: true, lectureId: true, participantId: true, bookedById: true, orderId: true, status: true,
      ownProject: true, holdExpiresAt: true, confirmedAt: true,
      order: { select: { placedById: true, organisationId: true } },
      participant: { select: { email: true, name: true, locale: true, organisationId: true, erasedAt: true } },
      workshop: { select: { title: true } },
      lecture: { select: { title: true } },
    },
  });
  const relation = booking ? bookingRelation({ ...booking, orderPlacedById: booking.order?.placedById ?? null }, user) : null;
  if (!booking || !relation) throw new AppError("NOT_FOUND");
  if (!holdsSeat(booking.status)) throw new AppError("CONFLICT", "Booking is not active", { _form: ["bookingNotActive"] });
  if (input.email === booking.participant.email) throw new AppError("INVALID_INPUT", "Same person", { email: ["sameParticipant"] });
  const organisationId = booking.participant.organisationId ?? booking.order?.organisationId ?? null;
  if (!organisationId) throw new AppError("INVALID_INPUT", "No organisation to find colleagues in", { email: ["substituteNeedsOrganisation"] });

  const [colleague] = await findOrInviteColleagues(tx, {
    emails: [input.email],
    organisationId,
    invitedBy: { id: user.id, locale: booking.participant.locale },
    field: "email",
  });
  const key = sessionKeyOf(booking);
  const session = booking.lecture?.title ?? booking.workshop.title;
  // As when booking: a lecture and the package that includes it would take the lecture's seat twice.
  const overlapping = await keysSharingSeats(tx, booking.workshopId, [
    booking.kind === "PACKAGE"
      ? { kind: "PACKAGE", workshopId: booking.workshopId }
      : { kind: "LECTURE", lectureId: booking.lectureId!, workshopId: booking.workshopId },
  ]);
  const clash = await tx.booking.findFirst({ where: { participantId: colleague!.id, activeSessionKey: { in: overlapping } }, select: { id: true } });
  if (clash) throw new AppError("ALREADY_BOOKED", "Colleague already holds a place", undefined, { person: colleague!.name ?? colleague!.email, session });

  if (booking.orderId) await tx.$queryRaw`select "id" from "Order" where "id" = ${booking.orderId} for update`;
  const [current] = await tx.$queryRaw<{ status: typeof booking.status }[]>`
    select "status"::text as "status" from "Booking" where "id" = ${booking.id} for update`;
  if (!current || !holdsSeat(current.status)) throw new AppError("CONFLICT", "Booking is not active", { _form: ["bookingNotActive"] });
  bookingMachine.transition(current.status, "CANCELLED");

  // The old booking lets go of the session key first, then the new one takes it (the key is unique
  // per participant, and the CHECK ties it to an active status).
  await tx.booking.update({
    where: { id: booking.id },
    data: { status: "CANCELLED", activeSessionKey: null, cancelledAt: now, cancelledById: user.id, cancellationReason: "substituted" },
  });
  const created = await tx.booking.create({
    data: {
      kind: booking.kind,
      workshopId: booking.workshopId,
      lectureId: booking.lectureId,
      participantId: colleague!.id,
      bookedById: booking.bookedById,
      orderId: booking.orderId,
      status: current.status,
      ownProject: booking.ownProject,
      activeSessionKey: key,
      holdExpiresAt: booking.holdExpiresAt,
      confirmedAt: booking.confirmedAt,
      substitutedFromId: booking.id,
    },
    select: { id: true },
  });
  await tx.orderLine.updateMany({ where: { bookingId: booking.id }, data: { bookingId: created.id } });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: "booking.substituted",
    entityType: "Booking",
    entityId: booking.id,
    before: { status: current.status, participant: booking.participant.email, session: key },
    after: { status: "CANCELLED", reason: "substituted", substitutedBy: created.id, by: relation },
  });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: "booking.created",
    entityType: "Booking",
    entityId: created.id,
    after: { status: current.status, session: key, participant: colleague!.email, substitutedFrom: booking.id },
  });
  await withdrawFromWaitlists(tx, { participantIds: [colleague!.id], keys: [key], actorId: user.id, reason: "substituted", offerNext: true, now });

  if (!booking.participant.erasedAt) {
    await enqueueEmail(tx, {
      to: booking.participant.email,
      locale: booking.participant.locale,
      template: "booking-cancelled",
      params: { workshop: booking.workshop.title },
      calendar: await bookingCalendarAttachment(tx, [booking.id], { method: "CANCEL" }),
    });
  }
  await enqueueEmail(tx, {
    to: colleague!.email,
    locale: colleague!.locale,
    template: "booked-by-colleague",
    params: { bookedBy: user.name ?? user.email, workshop: booking.workshop.title, sessions: session, invited: colleague!.invited ? "yes" : "no" },
    calendar: await bookingCalendarAttachment(tx, [created.id]),
  });
  return { bookingId: created.id, substitutedFromId: booking.id, participantId: colleague!.id, invited: colleague!.invited };
}
