import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertValidSettings, fieldsOfRow, isUniqueViolation, kronorFieldsToOre, workshopData, workshopFields } from "./workshop-input";

export const createWorkshopInput = z.preprocess(kronorFieldsToOre, workshopFields);
export type CreateWorkshopInput = z.output<typeof createWorkshopInput>;

/**
 * An admin creates a workshop (one edition) as a DRAFT: nothing of it is public until it is
 * published. The settings must meet every rule of lib/domain/calendar-editor.ts; a slug already
 * in use is refused on its field. Audited in the same transaction.
 */
export async function createWorkshop(
  user: SessionUser,
  input: CreateWorkshopInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ workshopId: string; slug: string }> {
  assertCan(user, "calendar.edit");
  assertValidSettings(input, { packageSeatsTaken: 0, firstSessionStartsAt: null });
  try {
    return await db.$transaction(async (tx) => {
      const [organiser, sameSlug] = await Promise.all([
        tx.organiser.findUnique({ where: { id: input.organiserId }, select: { id: true } }),
        tx.workshop.findUnique({ where: { slug: input.slug }, select: { id: true } }),
      ]);
      if (!organiser) throw new AppError("INVALID_INPUT", "Unknown organiser", { organiserId: ["invalidChoice"] });
      if (sameSlug) throw new AppError("INVALID_INPUT", "Slug taken", { slug: ["slugTaken"] });
      const workshop = await tx.workshop.create({
        data: { ...workshopData(input), status: "DRAFT", publishedAt: null, createdAt: now },
      });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "workshop.created",
        entityType: "Workshop",
        entityId: workshop.id,
        after: { ...fieldsOfRow(workshop), status: workshop.status },
        requestId: context.requestId,
      });
      return { workshopId: workshop.id, slug: workshop.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw new AppError("INVALID_INPUT", "Slug taken", { slug: ["slugTaken"] });
    throw error;
  }
}
