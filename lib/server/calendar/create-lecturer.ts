import "server-only";
import { assertCan } from "@/lib/domain/roles";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { lecturerFields, lecturerSelect } from "./lecturer-input";

export const createLecturerInput = lecturerFields;
export type CreateLecturerInput = z.infer<typeof createLecturerInput>;

/** An admin adds a lecturer (name, affiliation, short bio for the lecture pages). Audited. */
export async function createLecturer(
  user: SessionUser,
  input: CreateLecturerInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ lecturerId: string }> {
  assertCan(user, "calendar.edit");
  return db.$transaction(async (tx) => {
    const lecturer = await tx.lecturer.create({ data: { ...input, createdAt: now }, select: lecturerSelect });
    const { id, ...after } = lecturer;
    await recordAuditEvent(tx, { actorId: user.id, action: "lecturer.created", entityType: "Lecturer", entityId: id, after, requestId: context.requestId });
    return { lecturerId: id };
  });
}
