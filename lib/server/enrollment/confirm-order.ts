import { sessionsOfBookings, bookingCalendarAttachment } from "@/lib/calendar-files/booking-calendar";
import { bookingMachine, orderConfirmation, sessionRefOf } from "@/lib/domain/enrollment";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { releaseAndOffer } from "@/lib/server/enrollment/offer-freed-seats";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

export type ConfirmOrderResult = {
  /** The bookings this call confirmed; empty when the order had been confirmed before. */
  confirmedBookingIds: string[];
  /** True when the order was already paid or invoiced: nothing was changed. */
  repeated: boolean;
};

/**
 * The boundary billing calls once an order is paid (card) or invoiced: the order's unpaid bookings
 * become CONFIRMED and the order PAID or INVOICED, in the caller's transaction (with the payment
 * or invoice that caused it). Idempotent: an order already paid or invoiced is left as it is.
 *
 * Refused with CONFLICT when the seats are gone: a booking of the order expired (its seat went
 * back, maybe to someone else) or the order expired or was cancelled as a whole; billing must then
 * refund or void instead. Cancelled bookings (withdrawn, or passed on to a colleague: the substitute
 * is in the same order) are skipped. A hold that ran out a moment ago but has not been expired yet
 * still holds its seat, so it is confirmed.
 *
 * Lock order as everywhere in enrollment: the order row, then its bookings.
 */
export async function confirmOrder(
  tx: Prisma.TransactionClient,
  orderId: string,
  now: Date,
  outcome: "PAID" | "INVOICED",
  actorId: string | null = null,
): Promise<ConfirmOrderResult> {
  const [locked] = await tx.$queryRaw<{ status: string }[]>`select "status"::text as "status" from "Order" where "id" = ${orderId} for update`;
  if (!locked) throw new AppError("NOT_FOUND", `Order ${orderId} not found`);
  if (locked.status === "PAID" || locked.status === "INVOICED") return { confirmedBookingIds: [], repeated: true };
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true, reference: true, status: true, totalInclVatOre: true,
      placedBy: { select: { id: true, email: true, locale: true } },
      workshop: { select: { title: true } },
      bookings: {
        select: {
          id: true, status: true, kind: true, workshopId: true, lectureId: true, participantId: true,
          participant: { select: { email: true, name: true, locale: true, erasedAt: true } },
        },
        orderBy: { id: "asc" },
      },
    },
  });
  if (order.status !== "PENDING_PAYMENT") {
    throw new AppError("CONFLICT", `Order ${order.reference} is ${order.status}: its seats are gone`, undefined, { reference: order.reference });
  }
  const plan = orderConfirmation(order.bookings);
  if (plan.kind === "seats-gone") {
    throw new AppError("CONFLICT", `Order ${order.reference}: bookings without a seat (${plan.bookingIds.join(", ") || "none active"})`, undefined, {
      reference: order.reference,
    });
  }
  const confirmedIds = plan.kind === "confirm" ? plan.bookingIds : [];
  for (const id of confirmedIds) {
    bookingMachine.transition("PENDING_PAYMENT", "CONFIRMED");
    const done = await tx.booking.updateMany({ where: { id, status: "PENDING_PAYMENT" }, data: { status: "CONFIRMED", confirmedAt: now } });
    // The order row is locked, and every change of its bookings locks it first: this cannot miss.
    if (done.count !== 1) throw new AppError("CONFLICT", `Booking ${id} changed while its order was confirmed`);
    await recordAuditEvent(tx, {
      actorId,
      action: "booking.confirmed",
      entityType: "Booking",
      entityId: id,
      before: { status: "PENDING_PAYMENT" },
      after: { status: "CONFIRMED", order: order.reference, outcome },
    });
  }
  await tx.order.update({ where: { id: order.id }, data: { status: outcome } });
  await cancelSupersededLectures(tx, order.id, order.reference, now, actorId);
  await recordAuditEvent(tx, {
    actorId,
    action: "order.confirmed",
    entityType: "Order",
    entityId: order.id,
    before: { status: "PENDING_PAYMENT" },
    after: { status: outcome, bookings: confirmedIds.length },
  });

  // E-mails: the orderer gets the whole order (with their own calendar, if they take part);
  // every other participant their own sessions and calendar.
  const confirmed = order.bookings.filter((b) => confirmedIds.includes(b.id));
  const byParticipant = new Map<string, typeof confirmed>();
  for (const b of confirmed) byParticipant.set(b.participantId, [...(byParticipant.get(b.participantId) ?? []), b]);
  const people = [...byParticipant.values()].map((list) => list[0]!.participant.name ?? list[0]!.participant.email).join(", ");
  const base = { reference: order.reference, workshop: order.workshop.title, totalInclVatOre: order.totalInclVatOre };
  const own = byParticipant.get(order.placedBy.id) ?? [];
  await enqueueEmail(tx, {
    to: order.placedBy.email,
    locale: order.placedBy.locale,
    template: "booking-confirmed",
    params: { ...base, people },
    calendar: own.length > 0 ? await bookingCalendarAttachment(tx, own.map((b) => b.id)) : null,
    sessionList: await sessionsOfBookings(tx, confirmed),
  });
  for (const [participantId, list] of byParticipant) {
    const participant = list[0]!.participant;
    if (participantId === order.placedBy.id || participant.erasedAt) continue;
    await enqueueEmail(tx, {
      to: participant.email,
      locale: participant.locale,
      template: "booking-confirmed",
      params: { ...base, people: participant.name ?? participant.email },
      calendar: await bookingCalendarAttachment(tx, list.map((b) => b.id)),
    });
  }
  return { confirmedBookingIds: confirmedIds, repeated: false };
}

/**
 * An upgrade to the package credits lectures already paid for (UPGRADE_CREDIT lines, each naming
 * the lecture booking it replaces). Once the package is paid or invoiced those lecture bookings
 * end: the package holds a seat in every lecture, so each lecture seat goes back and is offered to
 * the next in line. They are not credited or refunded: the credit is on this order.
 */
async function cancelSupersededLectures(tx: Prisma.TransactionClient, orderId: string, reference: string, now: Date, actorId: string | null) {
  const credits = await tx.orderLine.findMany({
    where: { orderId, kind: "UPGRADE_CREDIT", bookingId: { not: null } },
    select: { bookingId: true },
  });
  for (const bookingId of new Set(credits.map((c) => c.bookingId!))) {
    const [current] = await tx.$queryRaw<{ status: string; kind: "LECTURE" | "PACKAGE"; workshopId: string; lectureId: string | null }[]>`
      select "status"::text as "status", "kind"::text as "kind", "workshopId", "lectureId" from "Booking" where "id" = ${bookingId} for update`;
    if (!current || current.status !== "CONFIRMED") continue;
    bookingMachine.transition("CONFIRMED", "CANCELLED");
    await tx.booking.update({
      where: { id: bookingId },
      data: { status: "CANCELLED", activeSessionKey: null, cancelledAt: now, cancelledById: actorId, cancellationReason: `Uppgraderad till hela verkstaden (${reference})` },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "booking.upgraded",
      entityType: "Booking",
      entityId: bookingId,
      before: { status: "CONFIRMED" },
      after: { status: "CANCELLED", replacedBy: reference },
    });
    await releaseAndOffer(tx, sessionRefOf(current), now);
  }
}
