import "server-only";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { checkSessionRules, hasIssues, needsAnnouncement, type FieldIssues } from "@/lib/domain/session-editor";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { announceSessionChange } from "@/lib/server/calendar/announce-session-change";
import { checkChoices } from "@/lib/server/calendar/list-session-choices";
import { changedValues, conflict, lockSession, snapshotOf } from "@/lib/server/calendar/session-editing";
import { invalid, lectureFormShape, parseOrInvalid, readLectureForm } from "@/lib/server/calendar/session-form-input";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

export const updateLectureInput = lectureFormShape.extend({ workshopId: idField, lectureId: idField });
export type UpdateLectureInput = z.input<typeof updateLectureInput>;

export type UpdateSessionResult = { changed: boolean; notified: number };

/**
 * Edits a lecture (draft or published; a cancelled one is CONFLICT). ADMIN only. The lecture row
 * is locked first, so a capacity below the seats taken is refused even while bookings come in
 * (a booking waits for the lock, then finds the new capacity). The slug stays, so links keep working.
 *
 * A published lecture whose time or venue changes is announced (announceSessionChange: one notice
 * per booked or waiting person, .ics with a higher SEQUENCE) in the same transaction, right after
 * the row is updated. A draft's edits tell nobody. Audited with what changed, before and after.
 */
export async function updateLecture(user: SessionUser, rawInput: UpdateLectureInput, now: Date): Promise<UpdateSessionResult> {
  assertRole(user, ["ADMIN"]);
  const input = parseOrInvalid(updateLectureInput, rawInput);
  const fields = readLectureForm(input);
  return runBookingTransaction(async (tx) => {
    const locked = await lockSession(tx, "lecture", input.lectureId, input.workshopId);
    if (locked.status === "CANCELLED") throw conflict("sessionCancelled", "A cancelled lecture cannot be edited");
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: input.workshopId }, select: { startsOn: true, endsOn: true } });
    const issues: FieldIssues = {
      ...(await checkChoices(tx, { venueId: fields.venueId, lecturerId: fields.lecturerId })),
      ...checkSessionRules({
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        capacity: fields.capacity,
        seatsTaken: locked.seatsTaken,
        workshop: { startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) },
      }),
    };
    if (hasIssues(issues)) throw invalid(issues);
    const current = await tx.lecture.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        title: true, theme: true, description: true, lecturerId: true, venueId: true, startsAt: true, endsAt: true,
        capacity: true, priceMemberOre: true, priceNonMemberOre: true, vatRateBp: true,
      },
    });
    const diff = changedValues(current, fields);
    if (!diff.changed) return { changed: false, notified: 0 };
    await tx.lecture.update({ where: { id: locked.id }, data: fields });
    const before = snapshotOf(locked);
    const after = snapshotOf({ ...fields, status: locked.status });
    const announced = needsAnnouncement(before, after)
      ? await announceSessionChange(tx, { session: { kind: "lecture", id: locked.id }, before, after, actorId: user.id, now })
      : { changeId: null, notified: 0 };
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "lecture.updated",
      entityType: "Lecture",
      entityId: locked.id,
      before: diff.before,
      after: { ...diff.after, ...(announced.changeId ? { notice: announced.changeId, notified: announced.notified } : {}) },
    });
    return { changed: true, notified: announced.notified };
  });
}
