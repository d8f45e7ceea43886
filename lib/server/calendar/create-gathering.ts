import "server-only";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { checkSessionRules, hasIssues, nextGatheringNumber, type FieldIssues } from "@/lib/domain/session-editor";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { checkChoices } from "@/lib/server/calendar/list-session-choices";
import { auditValues, lockWorkshop } from "@/lib/server/calendar/session-editing";
import { gatheringFormShape, invalid, parseOrInvalid, readGatheringForm } from "@/lib/server/calendar/session-form-input";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

export const createGatheringInput = gatheringFormShape.extend({ workshopId: idField });
export type CreateGatheringInput = z.input<typeof createGatheringInput>;

/**
 * Adds a gathering to a workshop, as a DRAFT, numbered one after the workshop's highest (the
 * workshop row is locked, so two at once get different numbers). ADMIN only. Same time and
 * capacity rules as lectures; all field problems come back together and nothing is written then.
 */
export async function createGathering(user: SessionUser, rawInput: CreateGatheringInput, now: Date): Promise<{ gatheringId: string; number: number }> {
  void now;
  assertRole(user, ["ADMIN"]);
  const input = parseOrInvalid(createGatheringInput, rawInput);
  const fields = readGatheringForm(input);
  return runBookingTransaction(async (tx) => {
    const workshop = await lockWorkshop(tx, input.workshopId);
    const issues: FieldIssues = {
      ...(await checkChoices(tx, { venueId: fields.venueId })),
      ...checkSessionRules({
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        capacity: fields.capacity,
        seatsTaken: 0,
        workshop: { startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) },
      }),
    };
    if (hasIssues(issues)) throw invalid(issues);
    const numbers = (await tx.gathering.findMany({ where: { workshopId: workshop.id }, select: { number: true } })).map((g) => g.number);
    const number = nextGatheringNumber(numbers);
    const gathering = await tx.gathering.create({
      data: { workshopId: workshop.id, number, status: "DRAFT", ...fields },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "gathering.created",
      entityType: "Gathering",
      entityId: gathering.id,
      after: auditValues({ workshop: workshop.id, number, status: "DRAFT", ...fields }),
    });
    return { gatheringId: gathering.id, number };
  });
}
