import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { bumpYears, NEXT_YEAR_SHIFT_DAYS, nextEdition, nextSlug, shiftWorkshopDates, uniqueSlug } from "@/lib/domain/calendar-editor";
import { dateColumnToLocalDate, localDateToDateColumn } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField, requiredText } from "@/lib/validation/fields";
import { isUniqueViolation, slugField, WORKSHOP_TEXT_LIMITS } from "./workshop-input";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const duplicateWorkshopInput = z.object({
  workshopId: idField,
  /** The new edition's name; by default the years moved on ("2026/27" → "2027/28"). */
  edition: optional(requiredText(WORKSHOP_TEXT_LIMITS.edition)),
  /** By default the old slug with its years moved on, made unique. */
  slug: optional(slugField),
  /** Days to move every date; by default 364 (52 weeks, so weekdays stay). */
  days: optional(z.coerce.number({ error: "notANumber" }).int({ error: "wholeNumber" }).min(1, { error: "outOfRange" }).max(3_660, { error: "outOfRange" })),
});
export type DuplicateWorkshopInput = z.infer<typeof duplicateWorkshopInput>;

export type DuplicateResult = { workshopId: string; slug: string; edition: string; gatherings: number; lectures: number };

/**
 * Next year's edition of a workshop: a DRAFT copy with every setting, every gathering and lecture
 * (cancelled ones left out: they did not happen), all dates moved by `days` and every session at
 * the same Stockholm wall-clock time on its new day (lib/domain/calendar-editor.ts). The copy starts
 * empty: no seats taken, no bookings, sequence 0, all sessions DRAFT. Edition, title and slug move
 * on a year. One transaction, audited on the new workshop.
 */
export async function duplicateWorkshopAsNextYear(
  user: SessionUser,
  input: DuplicateWorkshopInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<DuplicateResult> {
  assertCan(user, "calendar.edit");
  const days = input.days ?? NEXT_YEAR_SHIFT_DAYS;
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.workshop.findUnique({
        where: { id: input.workshopId },
        include: {
          gatherings: { where: { status: { not: "CANCELLED" } }, orderBy: [{ startsAt: "asc" }, { number: "asc" }] },
          lectures: { where: { status: { not: "CANCELLED" } }, orderBy: [{ startsAt: "asc" }, { slug: "asc" }] },
        },
      });
      if (!source) throw new AppError("NOT_FOUND");

      const edition = input.edition ?? nextEdition(source.edition);
      if (!edition) throw new AppError("INVALID_INPUT", "No year in the edition to move on", { edition: ["editionNeeded"] });
      let slug = input.slug;
      if (slug) {
        if (await tx.workshop.findUnique({ where: { slug }, select: { id: true } })) {
          throw new AppError("INVALID_INPUT", "Slug taken", { slug: ["slugTaken"] });
        }
      } else {
        const wanted = nextSlug(source.slug, edition);
        const taken = await tx.workshop.findMany({ where: { slug: { startsWith: wanted } }, select: { slug: true } });
        slug = uniqueSlug(wanted, new Set(taken.map((w) => w.slug)));
      }
      const title = source.title.includes(source.edition) ? source.title.replace(source.edition, edition) : bumpYears(source.title);

      const shifted = shiftWorkshopDates(
        {
          startsOn: dateColumnToLocalDate(source.startsOn),
          endsOn: dateColumnToLocalDate(source.endsOn),
          pmDeadline: dateColumnToLocalDate(source.pmDeadline),
          cancellationDeadline: dateColumnToLocalDate(source.cancellationDeadline),
          followUpOn: source.followUpOn ? dateColumnToLocalDate(source.followUpOn) : null,
        },
        [...source.gatherings.map((g) => ({ ...g, kind: "gathering" as const })), ...source.lectures.map((l) => ({ ...l, kind: "lecture" as const }))],
        days,
      );

      const copy = await tx.workshop.create({
        data: {
          slug,
          edition,
          title,
          summary: source.summary,
          description: source.description,
          status: "DRAFT",
          organiserId: source.organiserId,
          startsOn: localDateToDateColumn(shifted.workshop.startsOn),
          endsOn: localDateToDateColumn(shifted.workshop.endsOn),
          pmDeadline: localDateToDateColumn(shifted.workshop.pmDeadline),
          cancellationDeadline: localDateToDateColumn(shifted.workshop.cancellationDeadline),
          followUpOn: shifted.workshop.followUpOn ? localDateToDateColumn(shifted.workshop.followUpOn) : null,
          supervisionMonths: source.supervisionMonths,
          noPmPolicy: source.noPmPolicy,
          holdMinutes: source.holdMinutes,
          waitlistOfferHours: source.waitlistOfferHours,
          packageCapacity: source.packageCapacity,
          packageSeatsTaken: 0,
          packagePriceMemberOre: source.packagePriceMemberOre,
          packagePriceNonMemberOre: source.packagePriceNonMemberOre,
          packageVatRateBp: source.packageVatRateBp,
          consolidatedInvoicing: source.consolidatedInvoicing,
          lateCancellationRefundPercent: source.lateCancellationRefundPercent,
          publishedAt: null,
          createdAt: now,
        },
      });

      const gatherings = shifted.sessions.filter((s) => s.kind === "gathering");
      const lectures = shifted.sessions.filter((s) => s.kind === "lecture");
      await tx.gathering.createMany({
        data: gatherings.map((g) => ({
          workshopId: copy.id,
          number: g.number,
          title: g.title,
          description: g.description,
          startsAt: g.startsAt,
          endsAt: g.endsAt,
          venueId: g.venueId,
          capacity: g.capacity,
          seatsTaken: 0,
          status: "DRAFT" as const,
          sequence: 0,
        })),
      });
      await tx.lecture.createMany({
        data: lectures.map((l) => ({
          workshopId: copy.id,
          slug: l.slug,
          title: l.title,
          theme: l.theme,
          description: l.description,
          lecturerId: l.lecturerId,
          venueId: l.venueId,
          startsAt: l.startsAt,
          endsAt: l.endsAt,
          capacity: l.capacity,
          seatsTaken: 0,
          priceMemberOre: l.priceMemberOre,
          priceNonMemberOre: l.priceNonMemberOre,
          vatRateBp: l.vatRateBp,
          status: "DRAFT" as const,
          sequence: 0,
        })),
      });

      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "workshop.duplicated",
        entityType: "Workshop",
        entityId: copy.id,
        after: {
          copiedFrom: source.id,
          copiedFromSlug: source.slug,
          slug,
          edition,
          title,
          days,
          startsOn: shifted.workshop.startsOn,
          endsOn: shifted.workshop.endsOn,
          gatherings: gatherings.length,
          lectures: lectures.length,
        },
        requestId: context.requestId,
      });
      return { workshopId: copy.id, slug, edition, gatherings: gatherings.length, lectures: lectures.length };
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw new AppError("INVALID_INPUT", "Slug taken", { slug: ["slugTaken"] });
    throw error;
  }
}
