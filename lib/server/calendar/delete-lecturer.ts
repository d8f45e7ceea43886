import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { lecturerSelect } from "./lecturer-input";

export const deleteLecturerInput = z.object({ lecturerId: idField });
export type DeleteLecturerInput = z.infer<typeof deleteLecturerInput>;

/** Deletes a lecturer no lecture names (any workshop, any status); otherwise CONFLICT. Audited. */
export async function deleteLecturer(
  user: SessionUser,
  input: DeleteLecturerInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ deleted: true }> {
  assertCan(user, "calendar.edit");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Lecturer" where id = ${input.lecturerId} for update`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const lecturer = await tx.lecturer.findUniqueOrThrow({ where: { id: input.lecturerId }, select: lecturerSelect });
    const lectures = await tx.lecture.count({ where: { lecturerId: lecturer.id } });
    if (lectures > 0) {
      throw new AppError("CONFLICT", `Lecturer named by ${lectures} lectures`, { _form: [{ key: "lecturerInUse", params: { count: lectures } }] });
    }
    await tx.lecturer.delete({ where: { id: lecturer.id } });
    const { id, ...before } = lecturer;
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "lecturer.deleted",
      entityType: "Lecturer",
      entityId: id,
      before,
      after: { deletedAt: now.toISOString() },
      requestId: context.requestId,
    });
    return { deleted: true };
  });
}
