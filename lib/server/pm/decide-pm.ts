import "server-only";
import { assertCan, can } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { pmMachine, statusAfterDecision, type PmDecision, type PmStatus } from "@/lib/domain/pm/machine";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { paths } from "@/lib/i18n/paths";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { idField } from "@/lib/validation/fields";
import { NO_MARKUP_MULTILINE } from "@/lib/validation/fields";

export const PM_COMMENT_MAX = 4000;

// A comment may have line breaks and tabs, nothing that could pass for markup or control codes.

const comment = z.preprocess(
  (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v),
  z.string({ error: "required" }).max(PM_COMMENT_MAX, { error: "tooLong" }).regex(NO_MARKUP_MULTILINE, { error: "forbiddenCharacters" }),
);

/**
 * A coordinator's decision on a submitted PM. `revisionId` is the version the coordinator read:
 * if the participant has submitted another since, the decision is refused rather than applied to
 * a text nobody reviewed. Asking for changes needs a comment, declining needs a reason.
 */
export const decidePmInput = z
  .object({
    pmId: idField,
    revisionId: idField,
    decision: z.enum(["ACCEPT", "REQUEST_CHANGES", "DECLINE"], { error: "invalidChoice" }),
    comment,
  })
  .superRefine((value, ctx) => {
    if (typeof value.comment !== "string" || value.comment !== "") return;
    if (value.decision === "REQUEST_CHANGES") ctx.addIssue({ code: "custom", path: ["comment"], message: "pmCommentRequired" });
    if (value.decision === "DECLINE") ctx.addIssue({ code: "custom", path: ["comment"], message: "pmReasonRequired" });
  });
export type DecidePmInput = z.infer<typeof decidePmInput>;

export type DecidePmResult = { pmId: string; reviewId: string; status: PmStatus };

/** Why a PM in this status cannot be decided now (a key under "errors.fields"). */
function notDecidableKey(status: PmStatus): string {
  if (status === "DRAFT") return "pmNotSubmitted";
  if (status === "WITHDRAWN") return "pmWithdrawn";
  return "pmAlreadyDecided";
}

/**
 * Accepts a submitted PM, asks for changes (the participant revises and submits again) or declines
 * it. In one transaction, with the PM row locked so that two coordinators deciding at once cannot
 * both win (the second finds it decided: CONFLICT): the review on the latest revision (by the
 * deciding coordinator), the PM's new status through the status machine, an audit event and the
 * e-mail to the participant with a link to their PM. Submitted versions are never changed.
 *
 * Only coordinators and admins (checked against the roles in the database too, not only the
 * session), and never on their own PM.
 */
export async function decidePm(user: SessionUser, input: DecidePmInput, now: Date): Promise<DecidePmResult> {
  assertCan(user, "pm.review");
  return db.$transaction(
    async (tx) => {
      const roles = await tx.userRole.findMany({ where: { userId: user.id }, select: { role: true } });
      if (!can({ roles: roles.map((r) => r.role) }, "pm.review")) throw new AppError("FORBIDDEN");

      const [locked] = await tx.$queryRaw<{ status: PmStatus }[]>`
        select "status"::text as "status" from "ProjectPm" where "id" = ${input.pmId} for update`;
      if (!locked) throw new AppError("NOT_FOUND");
      const pm = await tx.projectPm.findUniqueOrThrow({
        where: { id: input.pmId },
        select: {
          id: true,
          bookingId: true,
          participantId: true,
          reviewerId: true,
          participant: { select: { email: true, locale: true, erasedAt: true } },
          workshop: { select: { title: true } },
          revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, title: true } },
        },
      });
      if (pm.participantId === user.id) throw new AppError("FORBIDDEN", "A coordinator cannot review their own PM");

      const to = statusAfterDecision(input.decision as PmDecision);
      if (!pmMachine.can(locked.status, to)) {
        throw new AppError("CONFLICT", `PM is ${locked.status}`, { _form: [notDecidableKey(locked.status)] });
      }
      const latest = pm.revisions[0];
      if (!latest || latest.id !== input.revisionId) {
        throw new AppError("CONFLICT", "A newer version was submitted", { _form: ["pmRevisionChanged"] });
      }

      const review = await tx.pmReview.create({
        data: { pmId: pm.id, revisionId: latest.id, reviewerId: user.id, decision: input.decision, comment: input.comment, createdAt: now },
      });
      await tx.projectPm.update({
        where: { id: pm.id },
        // The one who decided becomes the assigned reviewer if nobody was.
        data: { status: pmMachine.transition(locked.status, to), decidedAt: now, reviewerId: pm.reviewerId ?? user.id },
      });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "pm.decided",
        entityType: "ProjectPm",
        entityId: pm.id,
        before: { status: locked.status },
        // The comment is read on the PM's page; the log notes only that there was one.
        after: { status: to, decision: input.decision, revision: latest.number, reviewId: review.id, withComment: input.comment !== "" },
      });

      if (!pm.participant.erasedAt) {
        const locale = pm.participant.locale;
        await enqueueEmail(tx, {
          to: pm.participant.email,
          locale,
          template: "pm-decision",
          params: {
            decision: input.decision,
            project: latest.title,
            workshop: pm.workshop.title,
            comment: input.comment,
            url: new URL(paths.projectPm(locale, pm.bookingId), getEnv().APP_URL).toString(),
          },
        });
      }
      return { pmId: pm.id, reviewId: review.id, status: to };
    },
    { maxWait: 8_000, timeout: 15_000 },
  );
}
