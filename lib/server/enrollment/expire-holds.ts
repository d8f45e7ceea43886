/**
 * Unpaid bookings whose hold has run out give their seats back (every minute, lib/jobs/schedules.ts):
 * PENDING_PAYMENT with holdExpiresAt <= now → EXPIRED, the seats released and offered to the
 * waiting list, the order EXPIRED once none of its bookings holds a seat.
 *
 * Safe with any number of workers at once: each order is expired in its own transaction that first
 * locks the order row with FOR UPDATE SKIP LOCKED (another worker busy with it → skip it), then
 * re-reads its bookings under lock with the expiry condition. A booking is expired, and its seat
 * released, exactly once. Payment (confirmOrder) locks the same order row first, so a payment and
 * the expiry of the same order never interleave.
 *
 * No `server-only` here: scripts/worker.ts runs this outside Next.js.
 */
import { bookingCalendarAttachment, sessionsOfBookings } from "@/lib/calendar-files/booking-calendar";
import { bookingMachine, sessionKeyOf, sessionRefOf, type SessionRef } from "@/lib/domain/enrollment";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { runJobTransaction } from "@/lib/server/enrollment/job-transaction";
import { releaseAndOffer } from "@/lib/server/enrollment/offer-freed-seats";
import { settleOrder } from "@/lib/server/enrollment/settle-order";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

/** Orders handled per run; the rest wait a minute for the next run. */
const BATCH = 500;

type Counts = { bookings: number; orders: number; offers: number };

export async function expireHolds(db: PrismaClient, now: Date): Promise<Counts> {
  const due = await db.booking.findMany({
    where: { status: "PENDING_PAYMENT", holdExpiresAt: { lte: now } },
    select: { id: true, orderId: true },
    orderBy: [{ holdExpiresAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  const groups = new Map<string, { orderId: string | null; bookingIds: string[] }>();
  for (const b of due) {
    const key = b.orderId ?? `booking:${b.id}`;
    const group = groups.get(key) ?? { orderId: b.orderId, bookingIds: [] };
    group.bookingIds.push(b.id);
    groups.set(key, group);
  }
  const total: Counts = { bookings: 0, orders: 0, offers: 0 };
  for (const group of groups.values()) {
    const counts = await runJobTransaction(db, (tx) => expireGroup(tx, group, now));
    total.bookings += counts.bookings;
    total.orders += counts.orders;
    total.offers += counts.offers;
  }
  return total;
}

async function expireGroup(tx: Prisma.TransactionClient, group: { orderId: string | null; bookingIds: string[] }, now: Date): Promise<Counts> {
  const none: Counts = { bookings: 0, orders: 0, offers: 0 };
  let ids: string[];
  if (group.orderId) {
    const [order] = await tx.$queryRaw<{ id: string }[]>`select "id" from "Order" where "id" = ${group.orderId} for update skip locked`;
    if (!order) return none; // another worker (or a payment) has it right now
    ids = (
      await tx.$queryRaw<{ id: string }[]>`
        select "id" from "Booking"
        where "orderId" = ${group.orderId} and "status" = 'PENDING_PAYMENT' and "holdExpiresAt" <= ${now}
        order by "id" for update`
    ).map((r) => r.id);
  } else {
    ids = (
      await tx.$queryRaw<{ id: string }[]>`
        select "id" from "Booking"
        where "id" = any(${group.bookingIds}) and "status" = 'PENDING_PAYMENT' and "holdExpiresAt" <= ${now}
        order by "id" for update skip locked`
    ).map((r) => r.id);
  }
  if (ids.length === 0) return none;

  const bookings = await tx.booking.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, kind: true, workshopId: true, lectureId: true, participantId: true, holdExpiresAt: true,
      participant: { select: { email: true, locale: true, erasedAt: true } },
    },
    orderBy: { id: "asc" },
  });
  for (const b of bookings) {
    bookingMachine.transition("PENDING_PAYMENT", "EXPIRED");
    await tx.booking.update({ where: { id: b.id }, data: { status: "EXPIRED", activeSessionKey: null } });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "booking.expired",
      entityType: "Booking",
      entityId: b.id,
      before: { status: "PENDING_PAYMENT", session: sessionKeyOf(b), holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null },
      after: { status: "EXPIRED" },
    });
  }

  // Seats back, a session at a time in seats.ts' lock order (the package first, then lectures by id).
  const releases = new Map<string, { ref: SessionRef; count: number }>();
  for (const b of bookings) {
    const key = sessionKeyOf(b);
    releases.set(key, { ref: sessionRefOf(b), count: (releases.get(key)?.count ?? 0) + 1 });
  }
  let offers = 0;
  for (const key of [...releases.keys()].sort((a, b) => (a[0] === b[0] ? (a < b ? -1 : 1) : a.startsWith("P") ? -1 : 1))) {
    const { ref, count } = releases.get(key)!;
    offers += (await releaseAndOffer(tx, ref, now, count)).length;
  }

  let orders = 0;
  if (group.orderId) {
    if (await settleOrder(tx, group.orderId, null)) orders = 1;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: group.orderId },
      select: { reference: true, placedBy: { select: { id: true, email: true, locale: true } }, workshop: { select: { title: true } } },
    });
    await tellPeople(tx, bookings, { reference: order.reference, workshop: order.workshop.title, placedBy: order.placedBy });
  } else {
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: bookings[0]!.workshopId }, select: { title: true } });
    await tellPeople(tx, bookings, { reference: "", workshop: workshop.title, placedBy: null });
  }
  return { bookings: bookings.length, orders, offers };
}

type Expired = { id: string; kind: "LECTURE" | "PACKAGE"; workshopId: string; lectureId: string | null; participantId: string; participant: { email: string; locale: "sv" | "en"; erasedAt: Date | null } };

/**
 * Each participant gets "booking-expired" with a CANCEL calendar (their calendar had the seats as
 * tentative); the orderer, when not among them, the list of all.
 */
async function tellPeople(
  tx: Prisma.TransactionClient,
  bookings: readonly Expired[],
  order: { reference: string; workshop: string; placedBy: { id: string; email: string; locale: "sv" | "en" } | null },
): Promise<void> {
  const batch = bookings[0]!.id; // the first expired booking names this run's e-mails (dedupe)
  const byParticipant = new Map<string, Expired[]>();
  for (const b of bookings) byParticipant.set(b.participantId, [...(byParticipant.get(b.participantId) ?? []), b]);
  for (const [participantId, list] of byParticipant) {
    const participant = list[0]!.participant;
    if (participant.erasedAt) continue;
    await enqueueEmail(tx, {
      to: participant.email,
      locale: participant.locale,
      template: "booking-expired",
      params: { reference: order.reference, workshop: order.workshop },
      calendar: await bookingCalendarAttachment(tx, list.map((b) => b.id), { method: "CANCEL" }),
      dedupeKey: `booking-expired:${batch}:${participantId}`,
    });
  }
  if (order.placedBy && !byParticipant.has(order.placedBy.id)) {
    await enqueueEmail(tx, {
      to: order.placedBy.email,
      locale: order.placedBy.locale,
      template: "booking-expired",
      params: { reference: order.reference, workshop: order.workshop },
      calendar: null,
      sessionList: await sessionsOfBookings(tx, bookings),
      dedupeKey: `booking-expired:${batch}:${order.placedBy.id}`,
    });
  }
}
