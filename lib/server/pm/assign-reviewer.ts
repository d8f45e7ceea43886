import "server-only";
import { assertCan, can, rolesWith } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { pmMachine, type PmStatus } from "@/lib/domain/pm/machine";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";

export type Reviewer = { id: string; name: string };

/** Everyone who may be assigned a PM to review (pm.review), by name. */
export async function listReviewers(client: PrismaClient | Prisma.TransactionClient = db): Promise<Reviewer[]> {
  const users = await client.user.findMany({
    where: { erasedAt: null, roles: { some: { role: { in: rolesWith("pm.review") } } } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email }));
}

// The select sends "" for "nobody".
export const assignReviewerInput = z.object({
  pmId: idField,
  reviewerId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idField.nullable()),
});
export type AssignReviewerInput = z.infer<typeof assignReviewerInput>;

export type AssignReviewerResult = { pmId: string; reviewerId: string | null; changed: boolean };

/**
 * Assigns the coordinator (or admin) who reviews a PM, or takes the assignment away (null).
 * Allowed while the PM can still be decided or resubmitted; a final PM (accepted, declined,
 * withdrawn) keeps the reviewer it had. The assignee must hold a reviewing role and must not be
 * the PM's own author. Assigning the one already assigned changes nothing and writes nothing.
 */
export async function assignReviewer(user: SessionUser, input: AssignReviewerInput, _now: Date): Promise<AssignReviewerResult> {
  assertCan(user, "pm.review");
  return db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: PmStatus; participantId: string; reviewerId: string | null }[]>`
        select "status"::text as "status", "participantId", "reviewerId" from "ProjectPm" where "id" = ${input.pmId} for update`;
      if (!locked) throw new AppError("NOT_FOUND");
      if (pmMachine.isTerminal(locked.status)) throw new AppError("CONFLICT", `PM is ${locked.status}`, { _form: ["pmClosed"] });

      if (input.reviewerId) {
        const reviewer = await tx.user.findUnique({
          where: { id: input.reviewerId },
          select: { erasedAt: true, roles: { select: { role: true } } },
        });
        const mayReview = reviewer && !reviewer.erasedAt && can({ roles: reviewer.roles.map((r) => r.role) }, "pm.review");
        if (!mayReview) throw new AppError("INVALID_INPUT", "Not a coordinator", { reviewerId: ["reviewerNotCoordinator"] });
        if (input.reviewerId === locked.participantId) {
          throw new AppError("INVALID_INPUT", "The author cannot review their own PM", { reviewerId: ["reviewerIsAuthor"] });
        }
      }
      if (locked.reviewerId === input.reviewerId) return { pmId: input.pmId, reviewerId: input.reviewerId, changed: false };

      await tx.projectPm.update({ where: { id: input.pmId }, data: { reviewerId: input.reviewerId } });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "pm.reviewer_assigned",
        entityType: "ProjectPm",
        entityId: input.pmId,
        before: { reviewerId: locked.reviewerId },
        after: { reviewerId: input.reviewerId },
      });
      return { pmId: input.pmId, reviewerId: input.reviewerId, changed: true };
    },
    { maxWait: 8_000, timeout: 15_000 },
  );
}
