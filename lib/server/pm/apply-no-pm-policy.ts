/**
 * The workshop's rule for an own-project package booking with no submitted PM once the person's
 * deadline (with any extension) has passed (daily, 06:00 Stockholm time; lib/jobs/schedules.ts):
 *
 * - KEEP_AS_PACKAGE: the booking stays as a package without own project (ownProject = false), a
 *   draft PM is WITHDRAWN, and the participant is told ("pm-kept-without-project").
 * - RELEASE_SEAT, after notice: first the participant is told that the seat will be released
 *   SEAT_RELEASE_NOTICE_DAYS later ("pm-seat-release-notice"; the notice is recorded as the audit
 *   event "pm.seat_release_noticed" with the day it was given and the deadline it is about). When
 *   that day has come, the booking is cancelled with the enrollment module's own steps: billing
 *   credits it as a coordinator's cancellation would (creditCancelledBooking), the seat goes back
 *   and is offered to the waiting list (releaseAndOffer), an unpaid order is settled (settleOrder);
 *   the participant gets "pm-seat-released" with the calendar cancellation. A coordinator who grants
 *   an extension in the notice period stops it (the deadline is no longer passed), and a later
 *   deadline needs a notice of its own.
 *
 * Idempotent: each booking is handled in its own transaction that locks it and checks again, and
 * every e-mail has a dedupe key, so a second run (or a second worker) changes nothing.
 *
 * No `server-only` here: scripts/worker.ts runs this outside Next.js.
 */
import { bookingCalendarAttachment } from "@/lib/calendar-files/booking-calendar";
import { isPastDeadline, noPmStep } from "@/lib/domain/pm/deadline";
import { pmMachine } from "@/lib/domain/pm/machine";
import { dateColumnToLocalDate, toStockholmDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { endBooking } from "@/lib/server/enrollment/end-booking";
import { runJobTransaction } from "@/lib/server/enrollment/job-transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { listPmDue, pmDueWhere, type PmDue } from "@/lib/server/pm/pm-due";

type Tx = Prisma.TransactionClient;
type Outcome = "kept" | "noticed" | "released" | "none";

export const NOTICE_ACTION = "pm.seat_release_noticed";
const RELEASE_REASON = "No project PM by the deadline";

export async function applyNoPmPolicy(db: PrismaClient, now: Date): Promise<{ kept: number; noticed: number; released: number }> {
  const counts = { kept: 0, noticed: 0, released: 0 };
  for (const due of await listPmDue(db)) {
    if (!isPastDeadline(due.deadline, now)) continue;
    const outcome = await runJobTransaction(db, (tx) => applyTo(tx, due, now));
    if (outcome !== "none") counts[outcome] += 1;
  }
  return counts;
}

async function applyTo(tx: Tx, due: PmDue, now: Date): Promise<Outcome> {
  // Lock order as in enrollment: the order row, then the booking.
  const head = await tx.booking.findUnique({ where: { id: due.bookingId }, select: { orderId: true } });
  if (!head) return "none";
  if (head.orderId) await tx.$queryRaw`select "id" from "Order" where "id" = ${head.orderId} for update`;
  await tx.$queryRaw`select "id" from "Booking" where "id" = ${due.bookingId} for update`;
  // Checked again under the lock: submitted, withdrawn, cancelled or extended meanwhile → nothing.
  const booking = await tx.booking.findFirst({
    where: { id: due.bookingId, ...pmDueWhere },
    select: {
      id: true, kind: true, status: true, workshopId: true, lectureId: true, orderId: true, participantId: true,
      participant: { select: { email: true, locale: true, erasedAt: true } },
      workshop: { select: { title: true, pmDeadline: true, noPmPolicy: true, cancellationDeadline: true } },
      projectPm: { select: { id: true, status: true } },
    },
  });
  if (!booking) return "none";
  const extension = await tx.deadlineExtension.findUnique({
    where: { workshopId_participantId: { workshopId: booking.workshopId, participantId: booking.participantId } },
    select: { newDeadline: true },
  });
  const deadline = extension ? dateColumnToLocalDate(extension.newDeadline) : dateColumnToLocalDate(booking.workshop.pmDeadline);
  if (!isPastDeadline(deadline, now)) return "none";

  const notice = await findNotice(tx, booking.id, deadline);
  const step = noPmStep(booking.workshop.noPmPolicy, notice?.givenOn ?? null, now);
  const mail = !booking.participant.erasedAt;
  const to = { to: booking.participant.email, locale: booking.participant.locale };

  if (step.kind === "WAIT") return "none";

  if (step.kind === "NOTICE") {
    await recordAuditEvent(tx, {
      actorId: null,
      action: NOTICE_ACTION,
      entityType: "Booking",
      entityId: booking.id,
      after: { deadline, givenOn: toStockholmDate(now), releaseOn: step.releaseOn },
    });
    if (mail) {
      await enqueueEmail(tx, {
        ...to,
        template: "pm-seat-release-notice",
        params: { bookingId: booking.id, workshop: booking.workshop.title, deadline, releaseOn: step.releaseOn },
        dedupeKey: `pm-seat-release-notice:${booking.id}:${deadline}`,
      });
    }
    return "noticed";
  }

  await withdrawDraft(tx, booking.projectPm, step.kind === "KEEP" ? "kept-without-project" : "seat-released");

  if (step.kind === "KEEP") {
    await tx.booking.update({ where: { id: booking.id }, data: { ownProject: false } });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "booking.own_project_dropped",
      entityType: "Booking",
      entityId: booking.id,
      before: { ownProject: true },
      after: { ownProject: false, reason: "no-pm-at-deadline", deadline },
    });
    if (mail) {
      await enqueueEmail(tx, {
        ...to,
        template: "pm-kept-without-project",
        params: { bookingId: booking.id, workshop: booking.workshop.title, deadline },
        dedupeKey: `pm-kept-without-project:${booking.id}`,
      });
    }
    return "kept";
  }

  // RELEASE: the enrollment module's cancellation steps, with the job as the actor (none).
  await endBooking(
    tx,
    { ...booking, kind: "PACKAGE", lectureId: null, cancellationDeadline: booking.workshop.cancellationDeadline },
    { actorId: null, reason: RELEASE_REASON, now, audit: { by: "no-pm-policy", deadline, noticeGivenOn: notice?.givenOn ?? null } },
  );
  if (mail) {
    await enqueueEmail(tx, {
      ...to,
      template: "pm-seat-released",
      params: { bookingId: booking.id, workshop: booking.workshop.title, deadline },
      dedupeKey: `pm-seat-released:${booking.id}`,
      calendar: await bookingCalendarAttachment(tx, [booking.id], { method: "CANCEL" }),
    });
  }
  return "released";
}

async function findNotice(tx: Tx, bookingId: string, deadline: LocalDate): Promise<{ givenOn: LocalDate } | null> {
  const events = await tx.auditEvent.findMany({
    where: { action: NOTICE_ACTION, entityType: "Booking", entityId: bookingId },
    select: { after: true },
    orderBy: { createdAt: "asc" },
  });
  for (const event of events) {
    const after = event.after as { deadline?: string; givenOn?: string } | null;
    if (after?.deadline === deadline && typeof after.givenOn === "string") return { givenOn: after.givenOn };
  }
  return null;
}

async function withdrawDraft(tx: Tx, pm: { id: string; status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN" } | null, reason: string) {
  if (!pm) return;
  const status = pmMachine.transition(pm.status, "WITHDRAWN");
  await tx.projectPm.update({ where: { id: pm.id }, data: { status } });
  await recordAuditEvent(tx, {
    actorId: null,
    action: "pm.withdrawn",
    entityType: "ProjectPm",
    entityId: pm.id,
    before: { status: pm.status },
    after: { status, reason },
  });
}
