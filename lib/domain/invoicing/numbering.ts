/**
 * Invoice and credit note numbers. Mervärdesskattelagen requires a serial number that identifies
 * the invoice uniquely, and the bookkeeping rules want unbroken series, so each series is gap-free:
 * the number is taken from NumberSeries inside the transaction that issues the document (a rolled
 * back issue gives its number back). One series per kind and calendar year (Stockholm):
 * "F2026-00017" is invoice 17 of 2026, "K2026-00003" credit note 3 of 2026.
 */
import { InvoicingError } from "./errors";
import type { LocalDate } from "../time";

export type DocumentKind = "INVOICE" | "CREDIT_NOTE";

const LETTER: Record<DocumentKind, string> = { INVOICE: "F", CREDIT_NOTE: "K" };
const DIGITS = 5;

export type SeriesId = { code: string; prefix: string };

/** The series a document issued on `issueDate` belongs to: code "F2026", prefix "F2026-". */
export function seriesFor(kind: DocumentKind, issueDate: LocalDate): SeriesId {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(issueDate)?.[1];
  if (!year) throw new InvoicingError("INVALID_DATES", `Not a date (YYYY-MM-DD): ${issueDate}`);
  const code = `${LETTER[kind]}${year}`;
  return { code, prefix: `${code}-` };
}

export function formatDocumentNumber(prefix: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 1) throw new InvoicingError("INVALID_DOCUMENT_NUMBER", `Not a document number: ${value}`);
  return `${prefix}${String(value).padStart(DIGITS, "0")}`;
}

export type SeriesState = { code: string; prefix: string; nextValue: number };

/**
 * Takes the next number of a series: what to store on the document and the series' new state.
 * The caller writes `nextValue` back in the same transaction, with a row lock (or a conditional
 * update on the old value) so two concurrent issues never take the same number.
 */
export function takeNumber(series: SeriesState): { series: string; number: number; displayNumber: string; nextValue: number } {
  const number = series.nextValue;
  return { series: series.code, number, displayNumber: formatDocumentNumber(series.prefix, number), nextValue: number + 1 };
}

export function parseDocumentNumber(displayNumber: string): { kind: DocumentKind; year: number; number: number } {
  const m = /^([FK])(\d{4})-(\d{5,})$/.exec(displayNumber);
  if (!m) throw new InvoicingError("INVALID_DOCUMENT_NUMBER", `Not a document number: ${displayNumber}`);
  return { kind: m[1] === "F" ? "INVOICE" : "CREDIT_NOTE", year: Number(m[2]), number: Number(m[3]) };
}

/** The numbers missing from 1..max of a series, for an audit check; empty when the series is unbroken. */
export function gapsInSeries(numbers: readonly number[]): number[] {
  const seen = new Set(numbers);
  const max = numbers.reduce((m, n) => Math.max(m, n), 0);
  const gaps: number[] = [];
  for (let n = 1; n <= max; n++) if (!seen.has(n)) gaps.push(n);
  return gaps;
}
