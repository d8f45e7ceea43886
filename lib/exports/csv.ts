/**
 * A CSV file that Excel with Swedish settings opens as columns: `;` between fields (Swedish Excel
 * reads `,` as the decimal sign), decimals with a comma, a UTF-8 byte order mark (without it
 * Excel reads the file as Windows-1252 and å, ä, ö come out wrong) and CRLF line ends (RFC 4180).
 */
import { stringify } from "csv-stringify/sync";
import { assertOre } from "@/lib/domain/money";
import { toStockholmDate, toStockholmTime } from "@/lib/domain/time";
import { ORE_PER_KRONA, type ExportColumn, type ExportTable } from "./columns";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const CSV_SEPARATOR = ";";

/** "1234,50", "-0,05": kronor with two decimals and a decimal comma, no grouping (Excel reads it as a number). */
export function formatKronorForCsv(ore: number): string {
  assertOre(ore);
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / ORE_PER_KRONA)},${String(abs % ORE_PER_KRONA).padStart(2, "0")}`;
}

/**
 * A text that starts like a formula (=, +, -, @, tab, carriage return) gets a leading apostrophe, so
 * a name such as "=HYPERLINK(…)" typed into a profile is shown as text and never run by the
 * spreadsheet (OWASP: CSV injection). Only text cells: numbers are written by us.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell<R>(column: ExportColumn<R>, row: R): string {
  switch (column.type) {
    case "text": {
      const v = column.value(row);
      return v === null ? "" : neutraliseFormula(v);
    }
    case "integer": {
      const v = column.value(row);
      return v === null ? "" : String(v);
    }
    case "amount": {
      const v = column.value(row);
      return v === null ? "" : formatKronorForCsv(v);
    }
    case "date":
      return column.value(row) ?? "";
    case "datetime": {
      const v = column.value(row);
      return v === null ? "" : `${toStockholmDate(v)} ${toStockholmTime(v)}`;
    }
  }
}

/** The whole file: byte order mark, a header row, then one record per row. */
export function writeCsv<R>(table: ExportTable<R>): string {
  const records: string[][] = [table.columns.map((c) => neutraliseFormula(c.header))];
  for (const row of table.rows) records.push(table.columns.map((c) => cell(c, row)));
  return stringify(records, { delimiter: CSV_SEPARATOR, record_delimiter: "windows", bom: true, eof: true });
}
