import "server-only";
import { assertCan } from "@/lib/domain/roles";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { updateSession, type UpdateSessionResult } from "@/lib/server/calendar/session-editing";
import { lectureFormShape, parseOrInvalid, readLectureForm } from "@/lib/server/calendar/session-form-input";
import { idField } from "@/lib/validation/fields";

export const updateLectureInput = lectureFormShape.extend({ workshopId: idField, lectureId: idField });
export type UpdateLectureInput = z.input<typeof updateLectureInput>;

export type { UpdateSessionResult };

/**
 * Edits a lecture (draft or published; a cancelled one is CONFLICT). ADMIN only. The lecture row
 * is locked first, so a capacity below the seats taken is refused even while bookings come in
 * (a booking waits for the lock, then finds the new capacity). The slug stays, so links keep working.
 *
 * A published lecture whose time or venue changes is announced (announceSessionChange: one notice
 * per booked or waiting person, .ics with a higher SEQUENCE) in the same transaction, right after
 * the row is updated. A draft's edits tell nobody. Audited with what changed, before and after.
 * The shared steps are updateSession's.
 */
export async function updateLecture(user: SessionUser, rawInput: UpdateLectureInput, now: Date): Promise<UpdateSessionResult> {
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(updateLectureInput, rawInput);
  const fields = readLectureForm(input);
  return updateSession(user.id, "lecture", { workshopId: input.workshopId, sessionId: input.lectureId }, fields, now, {
    read: (tx, id) =>
      tx.lecture.findUniqueOrThrow({
        where: { id },
        select: {
          title: true, theme: true, description: true, lecturerId: true, venueId: true, startsAt: true, endsAt: true,
          capacity: true, priceMemberOre: true, priceNonMemberOre: true, vatRateBp: true,
        },
      }),
    write: (tx, id, data) => tx.lecture.update({ where: { id }, data }),
  });
}
