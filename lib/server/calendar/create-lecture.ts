import "server-only";
import { z } from "zod";
import { assertRole } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { checkSessionRules, hasIssues, slugFromTitle, uniqueSlug, type FieldIssues } from "@/lib/domain/session-editor";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { checkChoices } from "@/lib/server/calendar/list-session-choices";
import { auditValues, lockWorkshop } from "@/lib/server/calendar/session-editing";
import { invalid, lectureFormShape, parseOrInvalid, readLectureForm } from "@/lib/server/calendar/session-form-input";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

export const createLectureInput = lectureFormShape.extend({ workshopId: idField });
export type CreateLectureInput = z.input<typeof createLectureInput>;

/**
 * Adds a lecture to a workshop, as a DRAFT (published on its own page when the workshop is
 * published, or together with the workshop). ADMIN only. Start and end are Stockholm date and
 * time; the lecture must lie within the workshop's days; prices are typed in kronor and stored in
 * öre. The slug comes from the title (unique in the workshop, "-2" added when needed). All field
 * problems come back together as INVALID_INPUT; nothing is written then.
 */
export async function createLecture(user: SessionUser, rawInput: CreateLectureInput, now: Date): Promise<{ lectureId: string }> {
  void now;
  assertRole(user, ["ADMIN"]);
  const input = parseOrInvalid(createLectureInput, rawInput);
  const fields = readLectureForm(input);
  return runBookingTransaction(async (tx: Prisma.TransactionClient) => {
    // The workshop row serialises concurrent creations (the slug must stay unique).
    const workshop = await lockWorkshop(tx, input.workshopId);
    const issues: FieldIssues = {
      ...(await checkChoices(tx, { venueId: fields.venueId, lecturerId: fields.lecturerId })),
      ...checkSessionRules({
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        capacity: fields.capacity,
        seatsTaken: 0,
        workshop: { startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) },
      }),
    };
    if (hasIssues(issues)) throw invalid(issues);
    const taken = new Set((await tx.lecture.findMany({ where: { workshopId: workshop.id }, select: { slug: true } })).map((l) => l.slug));
    const slug = uniqueSlug(slugFromTitle(fields.title), taken);
    const lecture = await tx.lecture.create({
      data: { workshopId: workshop.id, slug, status: "DRAFT", ...fields },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "lecture.created",
      entityType: "Lecture",
      entityId: lecture.id,
      after: auditValues({ workshop: workshop.id, slug, status: "DRAFT", ...fields }),
    });
    return { lectureId: lecture.id };
  });
}
