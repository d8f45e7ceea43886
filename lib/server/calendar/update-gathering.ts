import "server-only";
import { assertCan } from "@/lib/domain/roles";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { updateSession, type UpdateSessionResult } from "@/lib/server/calendar/session-editing";
import { gatheringFormShape, parseOrInvalid, readGatheringForm } from "@/lib/server/calendar/session-form-input";
import { idField } from "@/lib/validation/fields";

export const updateGatheringInput = gatheringFormShape.extend({ workshopId: idField, gatheringId: idField });
export type UpdateGatheringInput = z.input<typeof updateGatheringInput>;

/**
 * Edits a gathering (draft or published; a cancelled one is CONFLICT). ADMIN only. As
 * updateLecture (both are updateSession): the row is locked so the capacity never goes below the
 * seats taken (package participants), and a published gathering's new time or venue is announced
 * in the same transaction. The number stays.
 */
export async function updateGathering(user: SessionUser, rawInput: UpdateGatheringInput, now: Date): Promise<UpdateSessionResult> {
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(updateGatheringInput, rawInput);
  const fields = readGatheringForm(input);
  return updateSession(user.id, "gathering", { workshopId: input.workshopId, sessionId: input.gatheringId }, fields, now, {
    read: (tx, id) =>
      tx.gathering.findUniqueOrThrow({
        where: { id },
        select: { title: true, description: true, venueId: true, startsAt: true, endsAt: true, capacity: true },
      }),
    write: (tx, id, data) => tx.gathering.update({ where: { id }, data }),
  });
}
