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
import { gatheringFormShape, invalid, parseOrInvalid, readGatheringForm } from "@/lib/server/calendar/session-form-input";
import type { UpdateSessionResult } from "@/lib/server/calendar/update-lecture";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

export const updateGatheringInput = gatheringFormShape.extend({ workshopId: idField, gatheringId: idField });
export type UpdateGatheringInput = z.input<typeof updateGatheringInput>;

/**
 * Edits a gathering (draft or published; a cancelled one is CONFLICT). ADMIN only. As
 * updateLecture: the row is locked so the capacity never goes below the seats taken (package
 * participants), and a published gathering's new time or venue is announced in the same transaction.
 * The number stays.
 */
export async function updateGathering(user: SessionUser, rawInput: UpdateGatheringInput, now: Date): Promise<UpdateSessionResult> {
  assertRole(user, ["ADMIN"]);
  const input = parseOrInvalid(updateGatheringInput, rawInput);
  const fields = readGatheringForm(input);
  return runBookingTransaction(async (tx) => {
    const locked = await lockSession(tx, "gathering", input.gatheringId, input.workshopId);
    if (locked.status === "CANCELLED") throw conflict("sessionCancelled", "A cancelled gathering cannot be edited");
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: input.workshopId }, select: { startsOn: true, endsOn: true } });
    const issues: FieldIssues = {
      ...(await checkChoices(tx, { venueId: fields.venueId })),
      ...checkSessionRules({
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        capacity: fields.capacity,
        seatsTaken: locked.seatsTaken,
        workshop: { startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) },
      }),
    };
    if (hasIssues(issues)) throw invalid(issues);
    const current = await tx.gathering.findUniqueOrThrow({
      where: { id: locked.id },
      select: { title: true, description: true, venueId: true, startsAt: true, endsAt: true, capacity: true },
    });
    const diff = changedValues(current, fields);
    if (!diff.changed) return { changed: false, notified: 0 };
    await tx.gathering.update({ where: { id: locked.id }, data: fields });
    const before = snapshotOf(locked);
    const after = snapshotOf({ ...fields, status: locked.status });
    const announced = needsAnnouncement(before, after)
      ? await announceSessionChange(tx, { session: { kind: "gathering", id: locked.id }, before, after, actorId: user.id, now })
      : { changeId: null, notified: 0 };
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "gathering.updated",
      entityType: "Gathering",
      entityId: locked.id,
      before: diff.before,
      after: { ...diff.after, ...(announced.changeId ? { notice: announced.changeId, notified: announced.notified } : {}) },
    });
    return { changed: true, notified: announced.notified };
  });
}
