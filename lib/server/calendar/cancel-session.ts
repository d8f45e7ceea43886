import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { SESSION_CANCELLED_REASON, type BookingStatus } from "@/lib/domain/enrollment";
import { sessionMachine } from "@/lib/domain/session-editor";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { announceSessionChange } from "@/lib/server/calendar/announce-session-change";
import { conflict, entityTypeOf, lockSession, lockWorkshop, sessionRefInput, snapshotOf } from "@/lib/server/calendar/session-editing";
import { parseOrInvalid } from "@/lib/server/calendar/session-form-input";
import { endBooking } from "@/lib/server/enrollment/end-booking";
import { releaseSeats } from "@/lib/server/enrollment/seats";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { optionalText } from "@/lib/validation/fields";

export const cancelSessionInput = sessionRefInput.extend({ note: optionalText(500).optional() });
export type CancelSessionInput = z.infer<typeof cancelSessionInput>;

export type CancelSessionResult = { notified: number; bookingsEnded: number; waitlistCancelled: number };


type Tx = Prisma.TransactionClient;
type ActiveBooking = { id: string; orderId: string | null };

const activeLectureBookings = (tx: Tx, lectureId: string): Promise<ActiveBooking[]> =>
  tx.booking.findMany({
    where: { lectureId, kind: "LECTURE", status: { in: ["PENDING_PAYMENT", "CONFIRMED"] } },
    select: { id: true, orderId: true },
    orderBy: { id: "asc" },
  });

async function lockOrdersAndBookings(tx: Tx, bookings: readonly ActiveBooking[]): Promise<void> {
  const orderIds = [...new Set(bookings.map((b) => b.orderId).filter((id): id is string => id !== null))].sort();
  if (orderIds.length > 0) await tx.$queryRaw`select "id" from "Order" where "id" in (${Prisma.join(orderIds)}) order by "id" for update`;
  const bookingIds = bookings.map((b) => b.id).sort();
  if (bookingIds.length > 0) await tx.$queryRaw`select "id" from "Booking" where "id" in (${Prisma.join(bookingIds)}) order by "id" for update`;
}

/**
 * Cancels a PUBLISHED lecture or gathering (anything else is CONFLICT: a draft is deleted instead).
 * ADMIN only. In one transaction:
 *
 * 1. the session becomes CANCELLED (it stays on the public calendar, marked cancelled);
 * 2. announceSessionChange tells everyone booked or waiting (METHOD:CANCEL) — before anything below
 *    ends, so it still sees who is affected;
 * 3. a lecture's live waiting-list entries become CANCELLED (an open offer gives its seat back);
 * 4. a lecture's single bookings end through endBooking with reason "session cancelled" and a full
 *    credit note or card refund whatever the date (cancelledLate: the organiser cancelled, not them).
 *
 * Package bookings stay: a package is the whole workshop, and one cancelled session does not end it.
 * Lock order as in enrollment: the orders, the bookings, the workshop row, then the session row.
 */
export async function cancelSession(user: SessionUser, rawInput: CancelSessionInput, now: Date): Promise<CancelSessionResult> {
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(cancelSessionInput, rawInput);
  return runBookingTransaction(async (tx) => {
    const lectureId = input.kind === "lecture" ? input.sessionId : null;
    const seen = lectureId ? await activeLectureBookings(tx, lectureId) : [];
    await lockOrdersAndBookings(tx, seen);
    const workshop = await lockWorkshop(tx, input.workshopId);
    const session = await lockSession(tx, input.kind, input.sessionId, input.workshopId);
    if (!sessionMachine.can(session.status, "CANCELLED")) throw conflict("sessionNotPublished", "Only a published session can be cancelled");

    // A booking that committed between the first read and the session lock is locked now (rare).
    const bookings = lectureId ? await activeLectureBookings(tx, lectureId) : [];
    const late = bookings.filter((b) => !seen.some((s) => s.id === b.id));
    if (late.length > 0) await lockOrdersAndBookings(tx, late);

    if (input.kind === "lecture") await tx.lecture.update({ where: { id: session.id }, data: { status: "CANCELLED" } });
    else await tx.gathering.update({ where: { id: session.id }, data: { status: "CANCELLED" } });
    const before = snapshotOf(session);
    const after = snapshotOf({ ...session, status: "CANCELLED" });
    const announced = await announceSessionChange(tx, { session: { kind: input.kind, id: session.id }, before, after, actorId: user.id, now });

    let waitlistCancelled = 0;
    let bookingsEnded = 0;
    if (lectureId) {
      const entries = await tx.waitlistEntry.findMany({
        where: { lectureId, activeSessionKey: `L:${lectureId}`, status: { in: ["WAITING", "OFFERED"] } },
        select: { id: true, status: true },
        orderBy: { id: "asc" },
      });
      for (const entry of entries) {
        const done = await tx.waitlistEntry.updateMany({
          where: { id: entry.id, status: entry.status },
          data: { status: "CANCELLED", activeSessionKey: null },
        });
        if (done.count === 0) continue;
        // An open offer holds a seat in the lecture: give it back.
        if (entry.status === "OFFERED") await releaseSeats(tx, { kind: "LECTURE", lectureId });
        waitlistCancelled += 1;
        await recordAuditEvent(tx, {
          actorId: user.id,
          action: "waitlist.cancelled",
          entityType: "WaitlistEntry",
          entityId: entry.id,
          before: { status: entry.status },
          after: { status: "CANCELLED", reason: SESSION_CANCELLED_REASON },
        });
      }

      const rows = await tx.$queryRaw<{ id: string; status: BookingStatus }[]>`
        select "id", "status"::text as "status" from "Booking" where "id" in (${Prisma.join(bookings.length ? bookings.map((b) => b.id) : [""])})`;
      const statusOf = new Map(rows.map((r) => [r.id, r.status]));
      for (const booking of bookings) {
        const status = statusOf.get(booking.id);
        if (status !== "PENDING_PAYMENT" && status !== "CONFIRMED") continue;
        await endBooking(
          tx,
          { id: booking.id, kind: "LECTURE", workshopId: workshop.id, lectureId, orderId: booking.orderId, status, cancellationDeadline: workshop.cancellationDeadline },
          { actorId: user.id, reason: SESSION_CANCELLED_REASON, now, audit: { by: "session-cancelled" } },
        );
        bookingsEnded += 1;
      }
    }

    await recordAuditEvent(tx, {
      actorId: user.id,
      action: `${input.kind}.cancelled`,
      entityType: entityTypeOf(input.kind),
      entityId: session.id,
      before: { status: session.status },
      after: {
        status: "CANCELLED",
        note: input.note ?? null,
        bookingsEnded,
        waitlistCancelled,
        notified: announced.notified,
        notice: announced.changeId,
      },
    });
    return { notified: announced.notified, bookingsEnded, waitlistCancelled };
  });
}
