import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { slugFromTitle, uniqueSlug } from "@/lib/domain/session-editor";
import { createSession } from "@/lib/server/calendar/session-editing";
import { lectureFormShape, parseOrInvalid, readLectureForm } from "@/lib/server/calendar/session-form-input";
import { idField } from "@/lib/validation/fields";

export const createLectureInput = lectureFormShape.extend({ workshopId: idField });
export type CreateLectureInput = z.input<typeof createLectureInput>;

/**
 * Adds a lecture to a workshop, as a DRAFT (published on its own page when the workshop is
 * published, or together with the workshop). ADMIN only. Start and end are Stockholm date and
 * time; the lecture must lie within the workshop's days; prices are typed in kronor and stored in
 * öre. The slug comes from the title (unique in the workshop, "-2" added when needed; createSession
 * locks the workshop row, so concurrent additions cannot take the same one). All field problems
 * come back together as INVALID_INPUT; nothing is written then.
 */
export async function createLecture(user: SessionUser, rawInput: CreateLectureInput, now: Date): Promise<{ lectureId: string }> {
  void now;
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(createLectureInput, rawInput);
  const fields = readLectureForm(input);
  const lecture = await createSession(user.id, "lecture", input.workshopId, fields, async (tx, workshopId) => {
    const taken = new Set((await tx.lecture.findMany({ where: { workshopId }, select: { slug: true } })).map((l) => l.slug));
    const slug = uniqueSlug(slugFromTitle(fields.title), taken);
    const created = await tx.lecture.create({ data: { workshopId, slug, status: "DRAFT", ...fields }, select: { id: true } });
    return { id: created.id, name: { slug } };
  });
  return { lectureId: lecture.id };
}
