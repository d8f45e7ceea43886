import "server-only";
import { z } from "zod";
import { addDays, localDateToDateColumn, startOfStockholmDay, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localDateField } from "@/lib/validation/date-field";
import { idField } from "@/lib/validation/fields";

/**
 * The filter the admin's billing lists share (workshop, organisation, free text, Stockholm dates),
 * used by the page and by the export alike, so a download holds exactly the rows the page counts.
 * Each list adds its own status field (the statuses differ per kind).
 */


export const billingFilterFields = {
  workshopId: idField.optional(),
  organisationId: idField.optional(),
  /** Reference, invoice number, name or e-mail: part of it, any case. */
  q: z.string().trim().max(100, { error: "tooLong" }).optional(),
  /** First Stockholm day included. */
  from: localDateField.optional(),
  /** Last Stockholm day included. */
  to: localDateField.optional(),
};

export const pageField = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(10_000, { error: "invalid" }).default(1);

export const BILLING_PAGE_SIZE = 50;
/** The export reads the rows in batches of this many, in one snapshot. */
export const EXPORT_BATCH_SIZE = 1000;

export type BillingFilter = {
  workshopId?: string;
  organisationId?: string;
  q?: string;
  from?: LocalDate;
  to?: LocalDate;
};

/** Case-insensitive "contains" for the free-text search. */
export function containsText(q: string): Prisma.StringFilter {
  return { contains: q, mode: "insensitive" };
}

/** Instants from the start of `from` up to (not including) the day after `to`, Stockholm time. */
export function stockholmDayRange(from: LocalDate | undefined, to: LocalDate | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from && { gte: startOfStockholmDay(from) }),
    ...(to && { lt: startOfStockholmDay(addDays(to, 1)) }),
  };
}

/** A PostgreSQL `date` column between two calendar days, both included. */
export function dateColumnRange(from: LocalDate | undefined, to: LocalDate | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from && { gte: localDateToDateColumn(from) }),
    ...(to && { lte: localDateToDateColumn(to) }),
  };
}

/** Where-clauses joined with AND, the empty ones left out. */
export function allOf<W>(...parts: (W | false | undefined | null | "")[]): { AND: W[] } {
  return { AND: parts.filter((p): p is W => Boolean(p)) };
}

/** A person as the lists show them: name and e-mail (an erased person keeps neither). */
export type PersonRef = { name: string | null; email: string };
