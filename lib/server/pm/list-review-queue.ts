import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { PmStatus } from "@/lib/domain/pm/machine";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listReviewers, type Reviewer } from "@/lib/server/pm/assign-reviewer";
import { idField } from "@/lib/validation/fields";

/** The statuses the review queue shows: everything submitted at least once. Drafts are the participant's own. */
export const QUEUE_STATUSES = ["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const satisfies readonly PmStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** The status filter value for PMs that are missing or still drafts (not part of the queue). */
export const NOT_SUBMITTED = "NOT_SUBMITTED";

/**
 * The queue's filters, from the page's query string (a GET form). Without a status filter the
 * queue shows what waits for a decision; `reviewer` is a coordinator's id, "mine" or "unassigned".
 * NOT_SUBMITTED is the page's list of PMs not yet submitted (lib/server/pm/list-pms-not-submitted.ts):
 * the queue itself then has no rows, only its counts.
 */
export const reviewQueueInput = z.object({
  status: z.enum([...QUEUE_STATUSES, "ALL", NOT_SUBMITTED], { error: "invalidChoice" }).default("SUBMITTED"),
  organisation: idField.optional(),
  reviewer: z
    .string()
    .regex(/^(mine|unassigned|[a-z0-9]{20,40})$/, { error: "invalidChoice" })
    .optional(),
  workshop: idField.optional(),
  sort: z.enum(["oldest", "newest"], { error: "invalidChoice" }).default("oldest"),
});
export type ReviewQueueInput = z.infer<typeof reviewQueueInput>;

export type ReviewQueueRow = {
  pmId: string;
  status: QueueStatus;
  /** The latest submitted version's title (the draft's while nothing was submitted). */
  title: string;
  participantName: string;
  organisationName: string | null;
  workshopTitle: string;
  /** When the latest version was submitted; null for a PM withdrawn before it was ever submitted. */
  submittedAt: Date | null;
  revisionNumber: number | null;
  lateWithExtension: boolean;
  reviewer: Reviewer | null;
};

export type ReviewQueue = {
  rows: ReviewQueueRow[];
  /** Per status, with every filter but the status applied: what the status filter would show. */
  counts: Record<QueueStatus, number>;
  /** PMs still being written (not in the queue), with the same filters. */
  drafts: number;
  organisations: { id: string; name: string }[];
  reviewers: Reviewer[];
  workshops: { id: string; title: string; edition: string }[];
};

/**
 * The coordinators' queue of project PMs: filtered by status, the participant's organisation, the
 * assigned reviewer and the workshop; sorted by when the latest version was submitted, oldest first
 * unless asked otherwise (ties by id, so the order is stable). Coordinators and admins only.
 */
export async function listReviewQueue(user: SessionUser, input: ReviewQueueInput): Promise<ReviewQueue> {
  assertCan(user, "pm.review");
  const filters: Prisma.ProjectPmWhereInput = {
    ...(input.workshop && { workshopId: input.workshop }),
    ...(input.organisation && { participant: { organisationId: input.organisation } }),
    ...(input.reviewer === "mine"
      ? { reviewerId: user.id }
      : input.reviewer === "unassigned"
        ? { reviewerId: null }
        : input.reviewer
          ? { reviewerId: input.reviewer }
          : {}),
  };
  const statuses: QueueStatus[] = input.status === "ALL" ? [...QUEUE_STATUSES] : input.status === NOT_SUBMITTED ? [] : [input.status];

  const [pms, grouped, organisations, reviewers, workshops] = await Promise.all([
    db.projectPm.findMany({
      where: { ...filters, status: { in: statuses } },
      select: {
        id: true,
        status: true,
        title: true,
        submittedAt: true,
        reviewer: { select: { id: true, name: true, email: true } },
        participant: {
          select: { name: true, email: true, erasedAt: true, otherOrganisationName: true, organisation: { select: { name: true } } },
        },
        workshop: { select: { title: true } },
        revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, title: true, submittedAt: true, lateWithExtension: true } },
      },
    }),
    db.projectPm.groupBy({ by: ["status"], where: filters, _count: { _all: true } }),
    db.organisation.findMany({
      where: { users: { some: { projectPms: { some: { status: { not: "DRAFT" } } } } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    listReviewers(),
    db.workshop.findMany({
      where: { projectPms: { some: {} } },
      select: { id: true, title: true, edition: true },
      orderBy: [{ startsOn: "desc" }, { id: "asc" }],
    }),
  ]);

  const rows = pms.map((pm): ReviewQueueRow => {
    const latest = pm.revisions[0];
    const p = pm.participant;
    return {
      pmId: pm.id,
      status: pm.status as QueueStatus,
      title: latest?.title ?? pm.title,
      participantName: p.erasedAt ? "" : (p.name ?? p.email),
      organisationName: p.organisation?.name ?? p.otherOrganisationName ?? null,
      workshopTitle: pm.workshop.title,
      submittedAt: latest?.submittedAt ?? pm.submittedAt,
      revisionNumber: latest?.number ?? null,
      lateWithExtension: latest?.lateWithExtension ?? false,
      reviewer: pm.reviewer ? { id: pm.reviewer.id, name: pm.reviewer.name ?? pm.reviewer.email } : null,
    };
  });
  const direction = input.sort === "newest" ? -1 : 1;
  rows.sort((a, b) => {
    // Never submitted (withdrawn drafts) go last either way.
    if (!a.submittedAt || !b.submittedAt) return a.submittedAt ? -1 : b.submittedAt ? 1 : a.pmId.localeCompare(b.pmId);
    const byTime = (a.submittedAt.getTime() - b.submittedAt.getTime()) * direction;
    return byTime !== 0 ? byTime : a.pmId.localeCompare(b.pmId);
  });

  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, 0])) as Record<QueueStatus, number>;
  let drafts = 0;
  for (const g of grouped) {
    if (g.status === "DRAFT") drafts = g._count._all;
    else counts[g.status as QueueStatus] = g._count._all;
  }
  return { rows, counts, drafts, organisations, reviewers, workshops };
}
