/**
 * The columns of a spreadsheet export, typed, so each writer (CSV, Excel) formats a value by what
 * it is rather than by guessing from the value: an amount stays a number, a date stays a date.
 * Shared by lib/exports/csv.ts and lib/exports/xlsx.ts; no I/O, no framework.
 */
import type { Ore } from "@/lib/domain/money";
import type { LocalDate } from "@/lib/domain/time";

export type ExportColumn<R> =
  | { readonly header: string; readonly type: "text"; readonly value: (row: R) => string | null }
  /** Whole numbers (counts, quantities). */
  | { readonly header: string; readonly type: "integer"; readonly value: (row: R) => number | null }
  /** Money in öre; written as kronor with two decimals. */
  | { readonly header: string; readonly type: "amount"; readonly value: (row: R) => Ore | null }
  /** A calendar date, "YYYY-MM-DD" (an invoice's issue date). */
  | { readonly header: string; readonly type: "date"; readonly value: (row: R) => LocalDate | null }
  /** An instant, written as Stockholm wall-clock time to the minute (a payment's time). */
  | { readonly header: string; readonly type: "datetime"; readonly value: (row: R) => Date | null };

export type ExportTable<R> = {
  readonly columns: readonly ExportColumn<R>[];
  readonly rows: Iterable<R>;
};

export const ORE_PER_KRONA = 100;
