import "server-only";
import { assertCan } from "@/lib/domain/roles";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { nextGatheringNumber } from "@/lib/domain/session-editor";
import { createSession } from "@/lib/server/calendar/session-editing";
import { gatheringFormShape, parseOrInvalid, readGatheringForm } from "@/lib/server/calendar/session-form-input";
import { idField } from "@/lib/validation/fields";

export const createGatheringInput = gatheringFormShape.extend({ workshopId: idField });
export type CreateGatheringInput = z.input<typeof createGatheringInput>;

/**
 * Adds a gathering to a workshop, as a DRAFT, numbered one after the workshop's highest (the
 * workshop row is locked by createSession, so two at once get different numbers). ADMIN only. Same
 * time and capacity rules as lectures; all field problems come back together and nothing is
 * written then.
 */
export async function createGathering(user: SessionUser, rawInput: CreateGatheringInput, now: Date): Promise<{ gatheringId: string; number: number }> {
  void now;
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(createGatheringInput, rawInput);
  const fields = readGatheringForm(input);
  const gathering = await createSession(user.id, "gathering", input.workshopId, fields, async (tx, workshopId) => {
    const numbers = (await tx.gathering.findMany({ where: { workshopId }, select: { number: true } })).map((g) => g.number);
    const number = nextGatheringNumber(numbers);
    const created = await tx.gathering.create({ data: { workshopId, number, status: "DRAFT", ...fields }, select: { id: true } });
    return { id: created.id, name: { number } };
  });
  return { gatheringId: gathering.id, number: gathering.name.number };
}
