import "server-only";
import { z } from "zod";
import { hasErrors, NO_PM_POLICIES, SLUG_RE, validateWorkshopSettings, type WorkshopContext, type WorkshopSettings } from "@/lib/domain/calendar-editor";
import { dateColumnToLocalDate, localDateToDateColumn } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkboxField } from "@/lib/server/enrollment/people";
import { localDateField } from "@/lib/validation/date-field";
import { idField, NO_MARKUP_MULTILINE, requiredText } from "@/lib/validation/fields";

/**
 * The fields of the workshop form, shared by createWorkshop and updateWorkshop. zod checks each
 * field's shape; the rules between fields and against the database (end after start, deadlines
 * before the first session, capacity ≥ seats taken, prices, VAT, ranges) are
 * lib/domain/calendar-editor.ts's validateWorkshopSettings, which the use cases run.
 *
 * Prices are öre. The admin's form writes kronor in fields named `…Kr` ("12 000", "1 900,50");
 * they are turned into öre here, so errors still name the `…Ore` field.
 */

export const WORKSHOP_TEXT_LIMITS = { title: 150, summary: 400, description: 10_000, edition: 30, slug: 80 } as const;

const PRICE_FIELDS = ["packagePriceMemberOre", "packagePriceNonMemberOre"] as const;

/** "12 000", "12000", "1 900,50", "-5" (kronor) → öre; anything else is passed on to fail as a number. */
export function kronorTextToOre(text: string): number | string {
  // Swedish number formatting writes minus as U+2212 and groups thousands with (narrow) no-break spaces.
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/kr$/i, "").replace(",", ".").replace(/^\u2212/, "-");
  if (!/^-?\d+(?:\.\d{1,2})?$/.test(compact)) return text;
  return Math.round(Number(compact) * 100);
}

/** A form's `packagePriceMemberKr` becomes `packagePriceMemberOre` (unless öre were given too). */
export function kronorFieldsToOre(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const field of PRICE_FIELDS) {
    const krKey = field.replace(/Ore$/, "Kr");
    const kr = out[krKey];
    delete out[krKey];
    if (out[field] === undefined && typeof kr === "string") out[field] = kr.trim() === "" ? "" : kronorTextToOre(kr);
  }
  return out;
}

/**
 * A number typed in a form or given as a number. Only the shape is checked here (a number at
 * all); whole numbers and ranges are the domain's rules, so the messages say what is wrong.
 */
export const numberField = z.preprocess(
  (v) =>
    typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace(/^\u2212/, "-"))) : v,
  z.number({ error: (issue) => (issue.input === undefined ? "required" : "notANumber") }).refine(Number.isFinite, { error: "notANumber" }),
);

export const multilineText = (max: number, options: { required: boolean }) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v),
    z
      .string({ error: "required" })
      .max(max, { error: "tooLong" })
      .regex(NO_MARKUP_MULTILINE, { error: "forbiddenCharacters" })
      .refine((v) => !options.required || v.length > 0, { error: "required" }),
  );

const optionalDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), localDateField.nullable());

export const slugField = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(WORKSHOP_TEXT_LIMITS.slug, { error: "tooLong" })
  .regex(SLUG_RE, { error: "invalidSlug" });

export const workshopFields = z.object({
  title: requiredText(WORKSHOP_TEXT_LIMITS.title),
  summary: requiredText(WORKSHOP_TEXT_LIMITS.summary),
  description: multilineText(WORKSHOP_TEXT_LIMITS.description, { required: true }),
  edition: requiredText(WORKSHOP_TEXT_LIMITS.edition),
  slug: slugField,
  organiserId: idField,
  startsOn: localDateField,
  endsOn: localDateField,
  pmDeadline: localDateField,
  cancellationDeadline: localDateField,
  followUpOn: optionalDate,
  supervisionMonths: numberField,
  noPmPolicy: z.enum(NO_PM_POLICIES, { error: "invalidChoice" }),
  holdMinutes: numberField,
  waitlistOfferHours: numberField,
  packageCapacity: numberField,
  packagePriceMemberOre: numberField,
  packagePriceNonMemberOre: numberField,
  packageVatRateBp: numberField,
  consolidatedInvoicing: checkboxField,
  lateCancellationRefundPercent: numberField,
});
export type WorkshopFields = z.infer<typeof workshopFields>;

export function settingsOf(fields: WorkshopFields): WorkshopSettings {
  return {
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    pmDeadline: fields.pmDeadline,
    cancellationDeadline: fields.cancellationDeadline,
    followUpOn: fields.followUpOn,
    supervisionMonths: fields.supervisionMonths,
    holdMinutes: fields.holdMinutes,
    waitlistOfferHours: fields.waitlistOfferHours,
    packageCapacity: fields.packageCapacity,
    packagePriceMemberOre: fields.packagePriceMemberOre,
    packagePriceNonMemberOre: fields.packagePriceNonMemberOre,
    packageVatRateBp: fields.packageVatRateBp,
    lateCancellationRefundPercent: fields.lateCancellationRefundPercent,
  };
}

/** The columns to write for the form's fields. */
export function workshopData(fields: WorkshopFields) {
  return {
    title: fields.title,
    summary: fields.summary,
    description: fields.description,
    edition: fields.edition,
    slug: fields.slug,
    organiserId: fields.organiserId,
    startsOn: localDateToDateColumn(fields.startsOn),
    endsOn: localDateToDateColumn(fields.endsOn),
    pmDeadline: localDateToDateColumn(fields.pmDeadline),
    cancellationDeadline: localDateToDateColumn(fields.cancellationDeadline),
    followUpOn: fields.followUpOn ? localDateToDateColumn(fields.followUpOn) : null,
    supervisionMonths: fields.supervisionMonths,
    noPmPolicy: fields.noPmPolicy,
    holdMinutes: fields.holdMinutes,
    waitlistOfferHours: fields.waitlistOfferHours,
    packageCapacity: fields.packageCapacity,
    packagePriceMemberOre: fields.packagePriceMemberOre,
    packagePriceNonMemberOre: fields.packagePriceNonMemberOre,
    packageVatRateBp: fields.packageVatRateBp,
    consolidatedInvoicing: fields.consolidatedInvoicing,
    lateCancellationRefundPercent: fields.lateCancellationRefundPercent,
  } satisfies Prisma.WorkshopUncheckedUpdateInput;
}

type WorkshopRow = {
  title: string;
  summary: string;
  description: string;
  edition: string;
  slug: string;
  organiserId: string;
  startsOn: Date;
  endsOn: Date;
  pmDeadline: Date;
  cancellationDeadline: Date;
  followUpOn: Date | null;
  supervisionMonths: number;
  noPmPolicy: WorkshopFields["noPmPolicy"];
  holdMinutes: number;
  waitlistOfferHours: number;
  packageCapacity: number;
  packagePriceMemberOre: number;
  packagePriceNonMemberOre: number;
  packageVatRateBp: number;
  consolidatedInvoicing: boolean;
  lateCancellationRefundPercent: number;
};

/** A workshop row as the form's values (dates as "YYYY-MM-DD"); also what the audit log records. */
export function fieldsOfRow(row: WorkshopRow): WorkshopFields {
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    edition: row.edition,
    slug: row.slug,
    organiserId: row.organiserId,
    startsOn: dateColumnToLocalDate(row.startsOn),
    endsOn: dateColumnToLocalDate(row.endsOn),
    pmDeadline: dateColumnToLocalDate(row.pmDeadline),
    cancellationDeadline: dateColumnToLocalDate(row.cancellationDeadline),
    followUpOn: row.followUpOn ? dateColumnToLocalDate(row.followUpOn) : null,
    supervisionMonths: row.supervisionMonths,
    noPmPolicy: row.noPmPolicy,
    holdMinutes: row.holdMinutes,
    waitlistOfferHours: row.waitlistOfferHours,
    packageCapacity: row.packageCapacity,
    packagePriceMemberOre: row.packagePriceMemberOre,
    packagePriceNonMemberOre: row.packagePriceNonMemberOre,
    packageVatRateBp: row.packageVatRateBp,
    consolidatedInvoicing: row.consolidatedInvoicing,
    lateCancellationRefundPercent: row.lateCancellationRefundPercent,
  };
}

/** Prisma's unique-constraint error on a given column (P2002), e.g. a slug someone else just took. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: unknown }; message?: string } | null;
  if (e?.code !== "P2002") return false;
  const target = JSON.stringify(e.meta ?? {}) + String(e.message ?? "");
  return target.includes(column);
}

/**
 * What the settings must respect in the database: package seats taken, and the first session that
 * is not cancelled (drafts count: they are what will be published).
 */
export async function loadWorkshopContext(tx: Prisma.TransactionClient, workshopId: string): Promise<WorkshopContext> {
  const [workshop, gathering, lecture] = await Promise.all([
    tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { packageSeatsTaken: true } }),
    tx.gathering.findFirst({ where: { workshopId, status: { not: "CANCELLED" } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } }),
    tx.lecture.findFirst({ where: { workshopId, status: { not: "CANCELLED" } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } }),
  ]);
  const starts = [gathering?.startsAt, lecture?.startsAt].filter((d): d is Date => d instanceof Date);
  const first = starts.length ? new Date(Math.min(...starts.map((d) => d.getTime()))) : null;
  return { packageSeatsTaken: workshop.packageSeatsTaken, firstSessionStartsAt: first };
}

/** Refuses settings that break a rule, with every field's problem at once (nothing is written). */
export function assertValidSettings(fields: WorkshopFields, context: WorkshopContext): void {
  const errors = validateWorkshopSettings(settingsOf(fields), context);
  if (hasErrors(errors)) throw new AppError("INVALID_INPUT", `Workshop settings break ${Object.keys(errors).join(", ")}`, errors);
}
