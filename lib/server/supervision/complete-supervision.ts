import "server-only";
import { db } from "@/lib/db";
import { can, type RoleName } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { CompleteSupervisionInput } from "@/lib/server/supervision/input";

export { completeSupervisionInput } from "@/lib/server/supervision/input";

/** Coordinators and admins may close any supervision; a supervisor only their own. */

/**
 * Marks an ACTIVE supervision COMPLETED (the supervisor's or a coordinator's call: all meetings held,
 * or the period is over). Someone else's supervision is NOT_FOUND; one already closed is a CONFLICT.
 */
export async function completeSupervision(
  user: { id: string; roles: readonly RoleName[] },
  input: CompleteSupervisionInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ status: "COMPLETED" }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "Supervision" where id = ${input.supervisionId} for update`;
    const supervision = await tx.supervision.findUnique({ where: { id: input.supervisionId }, select: { id: true, supervisorId: true, status: true } });
    if (!supervision) throw new AppError("NOT_FOUND");
    if (supervision.supervisorId !== user.id && !can(user, "supervision.closeAny")) throw new AppError("NOT_FOUND");
    if (supervision.status !== "ACTIVE") throw new AppError("CONFLICT", `Supervision ${supervision.id} is ${supervision.status}`);
    await tx.supervision.update({ where: { id: supervision.id }, data: { status: "COMPLETED" } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "supervision.completed",
      entityType: "Supervision",
      entityId: supervision.id,
      before: { status: "ACTIVE" },
      after: { status: "COMPLETED", at: now.toISOString() },
      requestId: context.requestId,
    });
    return { status: "COMPLETED" as const };
  });
}
