import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { hasErrors, validateWorkshopSettings } from "@/lib/domain/calendar-editor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { fieldsOfRow, loadWorkshopContext, settingsOf } from "./workshop-input";

export const publishWorkshopInput = z.object({ workshopId: idField });
export type PublishWorkshopInput = z.infer<typeof publishWorkshopInput>;

export type PublishResult = { changed: boolean; sessionsPublished: number };

/**
 * Makes a DRAFT workshop public, with every one of its DRAFT gatherings and lectures (cancelled
 * ones stay cancelled). Refused when it has no sessions (an empty calendar is not worth showing)
 * or when its settings break a rule now that sessions exist (a deadline after the first session):
 * the admin fixes the form first. Publishing a published workshop changes nothing. One transaction,
 * audited with how many sessions were published.
 */
export async function publishWorkshop(
  user: SessionUser,
  input: PublishWorkshopInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<PublishResult> {
  assertCan(user, "calendar.publish");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Workshop" where id = ${input.workshopId} for update`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: input.workshopId } });
    if (workshop.status === "PUBLISHED") return { changed: false, sessionsPublished: 0 };
    if (workshop.status !== "DRAFT") throw new AppError("CONFLICT", `Workshop is ${workshop.status}`, { _form: ["workshopNotDraft"] });

    const [gatherings, lectures] = await Promise.all([
      tx.gathering.count({ where: { workshopId: workshop.id, status: { not: "CANCELLED" } } }),
      tx.lecture.count({ where: { workshopId: workshop.id, status: { not: "CANCELLED" } } }),
    ]);
    if (gatherings + lectures === 0) throw new AppError("CONFLICT", "No sessions to publish", { _form: ["workshopHasNoSessions"] });
    const errors = validateWorkshopSettings(settingsOf(fieldsOfRow(workshop)), await loadWorkshopContext(tx, workshop.id));
    if (hasErrors(errors)) throw new AppError("CONFLICT", "Settings break rules", { _form: ["workshopSettingsInvalid"] });

    const [g, l] = await Promise.all([
      tx.gathering.updateMany({ where: { workshopId: workshop.id, status: "DRAFT" }, data: { status: "PUBLISHED" } }),
      tx.lecture.updateMany({ where: { workshopId: workshop.id, status: "DRAFT" }, data: { status: "PUBLISHED" } }),
    ]);
    await tx.workshop.update({ where: { id: workshop.id }, data: { status: "PUBLISHED", publishedAt: now } });
    const sessionsPublished = g.count + l.count;
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "workshop.published",
      entityType: "Workshop",
      entityId: workshop.id,
      before: { status: workshop.status },
      after: { status: "PUBLISHED", publishedAt: now.toISOString(), gatheringsPublished: g.count, lecturesPublished: l.count },
      requestId: context.requestId,
    });
    return { changed: true, sessionsPublished };
  });
}
