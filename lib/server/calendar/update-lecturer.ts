import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { lecturerFields, lecturerSelect } from "./lecturer-input";

export const updateLecturerInput = lecturerFields.extend({ lecturerId: idField });
export type UpdateLecturerInput = z.infer<typeof updateLecturerInput>;

/** An admin changes a lecturer's name, affiliation or bio. Audited with before and after. */
export async function updateLecturer(
  user: SessionUser,
  input: UpdateLecturerInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ lecturerId: string; changed: boolean }> {
  assertCan(user, "calendar.edit");
  const { lecturerId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.lecturer.findUnique({ where: { id: lecturerId }, select: lecturerSelect });
    if (!current) throw new AppError("NOT_FOUND");
    const { id, ...before } = current;
    const after = { ...before, ...fields };
    if (JSON.stringify(before) === JSON.stringify(after)) return { lecturerId: id, changed: false };
    await tx.lecturer.update({ where: { id }, data: { ...fields, updatedAt: now } });
    await recordAuditEvent(tx, { actorId: user.id, action: "lecturer.updated", entityType: "Lecturer", entityId: id, before, after, requestId: context.requestId });
    return { lecturerId: id, changed: true };
  });
}
