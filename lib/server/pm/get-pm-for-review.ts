import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { compareRevisions, type RevisionComparison } from "@/lib/domain/pm/compare";
import { pmMachine, type PmDecision, type PmStatus } from "@/lib/domain/pm/machine";
import { assertCan } from "@/lib/domain/roles";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { listReviewers, type Reviewer } from "@/lib/server/pm/assign-reviewer";
import { idField } from "@/lib/validation/fields";

export type ReviewRevision = {
  id: string;
  number: number;
  title: string;
  need: string;
  backgroundPurpose: string;
  method: string | null;
  workplace: string;
  unit: string;
  submittedAt: Date;
  lateWithExtension: boolean;
  attachment: { id: string; fileName: string; mimeType: string; sizeBytes: number } | null;
};

export type ReviewEntry = {
  id: string;
  decision: PmDecision;
  comment: string;
  createdAt: Date;
  reviewerName: string;
  revisionNumber: number;
};

export type PmForReview = {
  id: string;
  bookingId: string;
  status: PmStatus;
  participant: { name: string; email: string | null; organisationName: string | null };
  workshop: { title: string; edition: string; pmDeadline: LocalDate };
  reviewer: Reviewer | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** Newest first; the first is the version a decision applies to. */
  revisions: ReviewRevision[];
  /** The latest version against the one before it, when there are two. */
  comparison: { fromNumber: number; toNumber: number; result: RevisionComparison } | null;
  /** Newest first. */
  reviews: ReviewEntry[];
  /** Who may be assigned (coordinators and admins, not the author). */
  reviewers: Reviewer[];
  /** The viewer may decide now: the PM is submitted and not their own. */
  decidable: boolean;
  /** The PM is the viewer's own (a coordinator who is also a participant). */
  ownPm: boolean;
  /** A reviewer may still be (re)assigned: the PM is not final. */
  assignable: boolean;
};

/**
 * One PM as a coordinator reviews it: every submitted version (kept unchanged), the latest compared
 * with the one before, the reviews so far, and who may be assigned. Coordinators and admins only;
 * an id that is not a PM (or not an id at all) is NOT_FOUND.
 */
export async function getPmForReview(user: SessionUser, pmId: string): Promise<PmForReview> {
  assertCan(user, "pm.review");
  if (!idField.safeParse(pmId).success) throw new AppError("NOT_FOUND");
  const pm = await db.projectPm.findUnique({
    where: { id: pmId },
    select: {
      id: true,
      bookingId: true,
      status: true,
      participantId: true,
      submittedAt: true,
      decidedAt: true,
      reviewer: { select: { id: true, name: true, email: true } },
      participant: {
        select: { name: true, email: true, erasedAt: true, otherOrganisationName: true, organisation: { select: { name: true } } },
      },
      workshop: { select: { title: true, edition: true, pmDeadline: true } },
      revisions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          title: true,
          need: true,
          backgroundPurpose: true,
          method: true,
          workplace: true,
          unit: true,
          submittedAt: true,
          lateWithExtension: true,
          attachment: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true, sha256: true } },
        },
      },
      reviews: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          decision: true,
          comment: true,
          createdAt: true,
          reviewer: { select: { name: true, email: true } },
          revision: { select: { number: true } },
        },
      },
    },
  });
  if (!pm) throw new AppError("NOT_FOUND");

  const [latest, previous] = pm.revisions;
  const texts = (r: (typeof pm.revisions)[number]) => ({ ...r, attachmentHash: r.attachment?.sha256 ?? null });
  const ownPm = pm.participantId === user.id;
  const p = pm.participant;
  const reviewers = (await listReviewers()).filter((r) => r.id !== pm.participantId);

  return {
    id: pm.id,
    bookingId: pm.bookingId,
    status: pm.status,
    participant: {
      name: p.erasedAt ? "" : (p.name ?? p.email),
      email: p.erasedAt ? null : p.email,
      organisationName: p.organisation?.name ?? p.otherOrganisationName ?? null,
    },
    workshop: { title: pm.workshop.title, edition: pm.workshop.edition, pmDeadline: dateColumnToLocalDate(pm.workshop.pmDeadline) },
    reviewer: pm.reviewer ? { id: pm.reviewer.id, name: pm.reviewer.name ?? pm.reviewer.email } : null,
    submittedAt: latest?.submittedAt ?? pm.submittedAt,
    decidedAt: pm.decidedAt,
    revisions: pm.revisions.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      need: r.need,
      backgroundPurpose: r.backgroundPurpose,
      method: r.method,
      workplace: r.workplace,
      unit: r.unit,
      submittedAt: r.submittedAt,
      lateWithExtension: r.lateWithExtension,
      attachment: r.attachment ? { id: r.attachment.id, fileName: r.attachment.fileName, mimeType: r.attachment.mimeType, sizeBytes: r.attachment.sizeBytes } : null,
    })),
    comparison:
      latest && previous ? { fromNumber: previous.number, toNumber: latest.number, result: compareRevisions(texts(previous), texts(latest)) } : null,
    reviews: pm.reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      comment: r.comment,
      createdAt: r.createdAt,
      reviewerName: r.reviewer.name ?? r.reviewer.email,
      revisionNumber: r.revision.number,
    })),
    reviewers,
    decidable: pm.status === "SUBMITTED" && latest !== undefined && !ownPm,
    ownPm,
    assignable: !pmMachine.isTerminal(pm.status),
  };
}
