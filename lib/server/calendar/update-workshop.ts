import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import {
  assertValidSettings,
  fieldsOfRow,
  isUniqueViolation,
  kronorFieldsToOre,
  loadWorkshopContext,
  workshopData,
  workshopFields,
} from "./workshop-input";

export const updateWorkshopInput = z.preprocess(kronorFieldsToOre, workshopFields.extend({ workshopId: idField }));
export type UpdateWorkshopInput = z.output<typeof updateWorkshopInput>;

/**
 * An admin changes a workshop's settings: texts, dates, deadlines, package capacity and prices,
 * VAT, the no-PM policy, supervision months and the billing settings (consolidated invoicing, late
 * cancellation refund). The workshop's row is locked first, so a booking taking a package seat at
 * the same moment either comes before (and the capacity must cover it) or after (and sees the new
 * capacity). Deadlines are checked against the first session, drafts included. The status is not
 * changed here (publishWorkshop / unpublishWorkshop). Audited with the fields before and after.
 */
export async function updateWorkshop(
  user: SessionUser,
  input: UpdateWorkshopInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ workshopId: string; slug: string; changed: boolean }> {
  assertCan(user, "calendar.edit");
  const { workshopId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Workshop" where id = ${workshopId} for update`;
      if (locked.length === 0) throw new AppError("NOT_FOUND");
      const current = await tx.workshop.findUniqueOrThrow({ where: { id: workshopId } });
      assertValidSettings(fields, await loadWorkshopContext(tx, workshopId));
      if (fields.organiserId !== current.organiserId) {
        const organiser = await tx.organiser.findUnique({ where: { id: fields.organiserId }, select: { id: true } });
        if (!organiser) throw new AppError("INVALID_INPUT", "Unknown organiser", { organiserId: ["invalidChoice"] });
      }
      if (fields.slug !== current.slug) {
        const sameSlug = await tx.workshop.findUnique({ where: { slug: fields.slug }, select: { id: true } });
        if (sameSlug) throw new AppError("INVALID_INPUT", "Slug taken", { slug: ["slugTaken"] });
      }
      const before = fieldsOfRow(current);
      const changed = JSON.stringify(before) !== JSON.stringify({ ...before, ...fields });
      if (!changed) return { workshopId, slug: current.slug, changed: false };
      const updated = await tx.workshop.update({ where: { id: workshopId }, data: { ...workshopData(fields), updatedAt: now } });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "workshop.updated",
        entityType: "Workshop",
        entityId: workshopId,
        before,
        after: fieldsOfRow(updated),
        requestId: context.requestId,
      });
      return { workshopId, slug: updated.slug, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw new AppError("INVALID_INPUT", "Slug taken", { slug: ["slugTaken"] });
    throw error;
  }
}
