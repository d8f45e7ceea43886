import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { dateColumnToLocalDate, localDateToDateColumn } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField, requiredText } from "@/lib/validation/fields";
import { localDateField } from "@/lib/validation/date-field";

export const grantExtensionInput = z.object({
  bookingId: idField,
  newDeadline: localDateField,
  reason: requiredText(500),
});
export type GrantExtensionInput = z.infer<typeof grantExtensionInput>;

/**
 * A coordinator (or admin; the action checks the role) gives one participant a later PM deadline
 * for the workshop of their own-project package booking, with a reason. It replaces the workshop's
 * deadline for that person only (inclusive, Stockholm time); granting again changes it. The new day
 * must be after the workshop's own deadline.
 */
export async function grantExtension(
  user: { id: string },
  input: GrantExtensionInput,
  context: { now: Date; requestId?: string },
): Promise<{ extensionId: string; newDeadline: string }> {
  return db.$transaction(async (tx) => {
    const booking = await tx.booking.findUnique({
      where: { id: input.bookingId },
      select: { kind: true, ownProject: true, status: true, workshopId: true, participantId: true, workshop: { select: { pmDeadline: true } } },
    });
    if (!booking || booking.kind !== "PACKAGE" || !booking.ownProject || !(booking.status === "PENDING_PAYMENT" || booking.status === "CONFIRMED")) {
      throw new AppError("NOT_FOUND");
    }
    if (input.newDeadline <= dateColumnToLocalDate(booking.workshop.pmDeadline)) {
      throw new AppError("INVALID_INPUT", "An extension must be later than the workshop's deadline", { newDeadline: ["extensionNotLater"] });
    }
    const key = { workshopId: booking.workshopId, participantId: booking.participantId };
    const before = await tx.deadlineExtension.findUnique({ where: { workshopId_participantId: key } });
    const data = { newDeadline: localDateToDateColumn(input.newDeadline), reason: input.reason, grantedById: user.id };
    const extension = await tx.deadlineExtension.upsert({ where: { workshopId_participantId: key }, create: { ...key, ...data }, update: data });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "pm.extension_granted",
      entityType: "DeadlineExtension",
      entityId: extension.id,
      before: before ? { newDeadline: dateColumnToLocalDate(before.newDeadline), reason: before.reason } : undefined,
      after: { newDeadline: input.newDeadline, reason: input.reason, participantId: booking.participantId, bookingId: input.bookingId },
      requestId: context.requestId,
    });
    return { extensionId: extension.id, newDeadline: input.newDeadline };
  });
}
