import "server-only";
import { db } from "@/lib/db";
import { submitTiming } from "@/lib/domain/pm/deadline";
import { pmMachine } from "@/lib/domain/pm/machine";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import type { PmSubmitInput } from "@/lib/server/pm/form-input";
import { deadlinesOf, ensurePm, loadPmBooking } from "@/lib/server/pm/load-pm";
import { pmLockedError, pmTooLateError } from "@/lib/server/pm/pm-errors";

export type SubmitPmResult = { pmId: string; revisionNumber: number; submittedAt: string; lateWithExtension: boolean };

/**
 * Submits the PM: the form's texts become the draft and are copied, with the draft's attachment,
 * into a new locked revision (number n + 1); the PM becomes SUBMITTED and the participant gets a
 * receipt. A first submission must come by the end of the person's deadline day (Stockholm time;
 * an extension replaces the workshop's day): otherwise TOO_LATE, with the date. A revision after
 * the coordinator asked for changes is not bound to the deadline: the coordinator asked for it.
 * A PM that is SUBMITTED, ACCEPTED, DECLINED or WITHDRAWN is refused (the status machine). Refused
 * or not, earlier revisions are never changed.
 */
export async function submitPm(
  user: { id: string; locale: "sv" | "en" },
  input: PmSubmitInput,
  context: { now: Date; requestId?: string },
): Promise<SubmitPmResult> {
  const { now } = context;
  return db.$transaction(async (tx) => {
    const booking = await loadPmBooking(tx, input.bookingId, user.id, { lock: true });
    const pm = await ensurePm(tx, booking);
    if (!pmMachine.can(pm.status, "SUBMITTED")) throw pmLockedError(pm.status);
    const last = await tx.projectPmRevision.findFirst({ where: { pmId: pm.id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = (last?.number ?? 0) + 1;

    let lateWithExtension = false;
    if (number === 1) {
      const { workshopDeadline, extension } = await deadlinesOf(tx, booking);
      const timing = submitTiming(workshopDeadline, extension?.newDeadline, now);
      if (!timing.onTime) throw pmTooLateError(timing.deadline, user.locale);
      lateWithExtension = timing.lateWithExtension;
    }

    const texts = {
      title: input.title,
      need: input.need,
      backgroundPurpose: input.backgroundPurpose,
      method: input.method,
      workplace: input.workplace,
      unit: input.unit,
    };
    // The revision keeps a copy of the draft's file, so replacing the draft's file later never
    // changes what was submitted.
    const draftFile = await tx.pmAttachment.findFirst({
      where: { pmId: pm.id, revision: { is: null } },
      orderBy: { uploadedAt: "desc" },
      select: { fileName: true, mimeType: true, sizeBytes: true, sha256: true, data: true, uploadedAt: true },
    });
    const frozen = draftFile ? await tx.pmAttachment.create({ data: { pmId: pm.id, ...draftFile }, select: { id: true } }) : null;

    const status = pmMachine.transition(pm.status, "SUBMITTED");
    await tx.projectPm.update({ where: { id: pm.id }, data: { ...texts, status, submittedAt: now } });
    const revision = await tx.projectPmRevision.create({
      data: { pmId: pm.id, number, ...texts, attachmentId: frozen?.id ?? null, submittedAt: now, lateWithExtension },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "pm.submitted",
      entityType: "ProjectPm",
      entityId: pm.id,
      before: { status: pm.status },
      after: { status, revision: number, revisionId: revision.id, lateWithExtension, attachment: frozen ? true : false },
      requestId: context.requestId,
    });
    if (!booking.participant.erasedAt) {
      const locale = booking.participant.locale;
      await enqueueEmail(tx, {
        to: booking.participant.email,
        locale,
        template: "pm-submitted",
        params: {
          bookingId: booking.id,
          workshop: booking.workshop.title,
          title: texts.title,
          revision: number,
        },
      });
    }
    return { pmId: pm.id, revisionNumber: number, submittedAt: now.toISOString(), lateWithExtension };
  });
}
