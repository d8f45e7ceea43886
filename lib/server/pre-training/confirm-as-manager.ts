import "server-only";
import { z } from "zod";
import { hashSecret } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findFormByManagerToken } from "@/lib/server/pre-training/find-by-manager-token";

// Loose on purpose: a malformed token is NOT_FOUND like any other link that does not work.
export const confirmAsManagerInput = z.object({ token: z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "tooLong" }) });
export type ConfirmAsManagerInput = z.infer<typeof confirmAsManagerInput>;

/**
 * The manager confirms, through the secret in their link, that they have agreed the answers with
 * the participant. Idempotent: a second press (or a second tab) answers with the first confirmation.
 * The update is conditional on the same token, so a confirmation never lands on answers the
 * participant submitted again in the meantime.
 */
export async function confirmAsManager(
  input: ConfirmAsManagerInput,
  context: { now: Date; requestId?: string },
): Promise<{ confirmedAt: string; alreadyConfirmed: boolean }> {
  return db.$transaction(async (tx) => {
    const form = await findFormByManagerToken(tx, input.token);
    if (!form) throw new AppError("NOT_FOUND");
    if (form.managerConfirmedAt) return { confirmedAt: form.managerConfirmedAt.toISOString(), alreadyConfirmed: true };
    const updated = await tx.preTrainingForm.updateMany({
      where: { id: form.id, managerTokenHash: hashSecret(input.token), managerConfirmedAt: null },
      data: { managerConfirmedAt: context.now },
    });
    if (updated.count === 0) {
      // Someone got there first: the same link pressed twice at once, or a new submission.
      const again = await findFormByManagerToken(tx, input.token);
      if (again?.managerConfirmedAt) return { confirmedAt: again.managerConfirmedAt.toISOString(), alreadyConfirmed: true };
      throw new AppError("NOT_FOUND");
    }
    await recordAuditEvent(tx, {
      // The manager has no account: the link is their authority.
      actorId: null,
      action: "pre_training.manager_confirmed",
      entityType: "PreTrainingForm",
      entityId: form.id,
      before: { managerConfirmedAt: null },
      after: { managerConfirmedAt: context.now.toISOString(), managerName: form.managerName, via: "manager-link" },
      requestId: context.requestId,
    });
    return { confirmedAt: context.now.toISOString(), alreadyConfirmed: false };
  });
}
