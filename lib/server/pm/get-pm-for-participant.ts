import "server-only";
import { db } from "@/lib/db";
import { isPmOpen } from "@/lib/domain/pm/deadline";
import type { PmTexts } from "@/lib/domain/pm/form";
import { isEditable, pmMachine, type PmDecision, type PmStatus } from "@/lib/domain/pm/machine";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { deadlinesOf, ensurePm, loadPmBooking } from "@/lib/server/pm/load-pm";

export type PmFileView = { id: string; fileName: string; mimeType: string; sizeBytes: number };

export type ParticipantPmView = {
  bookingId: string;
  pmId: string;
  workshop: { title: string; startsOn: LocalDate; endsOn: LocalDate };
  /** The deadline that applies to this person, and the extension behind it, if any. */
  deadline: LocalDate;
  extension: { newDeadline: LocalDate; reason: string } | null;
  status: PmStatus;
  /** The draft may be changed (DRAFT, CHANGES_REQUESTED). */
  editable: boolean;
  /** Submitting is possible now: the machine allows it and, for a first submission, the deadline has not passed. */
  canSubmit: boolean;
  /** A first submission whose deadline has passed. */
  tooLate: boolean;
  draft: PmTexts;
  draftFile: PmFileView | null;
  revisions: {
    number: number;
    submittedAt: Date;
    lateWithExtension: boolean;
    texts: PmTexts;
    file: PmFileView | null;
    reviews: { decision: PmDecision; comment: string; createdAt: Date; reviewerName: string }[];
  }[];
};

const fileSelect = { id: true, fileName: true, mimeType: true, sizeBytes: true } as const;

/**
 * The participant's PM page: their workshop, deadline, status, the draft, and every revision with
 * the coordinators' comments (newest first). Opening it creates the PM row the first time.
 * Anyone but the booking's participant: NOT_FOUND.
 */
export async function getPmForParticipant(user: { id: string }, bookingId: string, now: Date): Promise<ParticipantPmView> {
  return db.$transaction(async (tx) => {
    const booking = await loadPmBooking(tx, bookingId, user.id);
    const pm = await ensurePm(tx, booking);
    const { deadline, extension } = await deadlinesOf(tx, booking);
    const [draftFile, revisions] = await Promise.all([
      tx.pmAttachment.findFirst({ where: { pmId: pm.id, revision: { is: null } }, orderBy: { uploadedAt: "desc" }, select: fileSelect }),
      tx.projectPmRevision.findMany({
        where: { pmId: pm.id },
        orderBy: { number: "desc" },
        select: {
          number: true, submittedAt: true, lateWithExtension: true,
          title: true, need: true, backgroundPurpose: true, method: true, workplace: true, unit: true,
          attachment: { select: fileSelect },
          reviews: { orderBy: { createdAt: "asc" }, select: { decision: true, comment: true, createdAt: true, reviewer: { select: { name: true, email: true } } } },
        },
      }),
    ]);
    const first = revisions.length === 0;
    const tooLate = first && !isPmOpen(deadline, now);
    return {
      bookingId: booking.id,
      pmId: pm.id,
      workshop: {
        title: booking.workshop.title,
        startsOn: dateColumnToLocalDate(booking.workshop.startsOn),
        endsOn: dateColumnToLocalDate(booking.workshop.endsOn),
      },
      deadline,
      extension,
      status: pm.status,
      editable: isEditable(pm.status),
      canSubmit: pmMachine.can(pm.status, "SUBMITTED") && !tooLate,
      tooLate,
      draft: { title: pm.title, need: pm.need, backgroundPurpose: pm.backgroundPurpose, method: pm.method, workplace: pm.workplace, unit: pm.unit },
      draftFile,
      revisions: revisions.map((r) => ({
        number: r.number,
        submittedAt: r.submittedAt,
        lateWithExtension: r.lateWithExtension,
        texts: { title: r.title, need: r.need, backgroundPurpose: r.backgroundPurpose, method: r.method, workplace: r.workplace, unit: r.unit },
        file: r.attachment,
        reviews: r.reviews.map((v) => ({ decision: v.decision, comment: v.comment, createdAt: v.createdAt, reviewerName: v.reviewer.name ?? v.reviewer.email })),
      })),
    };
  });
}
