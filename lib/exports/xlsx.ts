/**
 * An Excel workbook with one sheet: a bold, frozen header row with a filter, then one row per
 * record. Amounts are numbers in kronor with a two-decimal number format (Excel shows them with the
 * reader's own separators and can sum them), dates and times are real dates, text is text (a cell
 * is never written as a formula, so a name like "=1+1" stays a name).
 */
import ExcelJS from "exceljs";
import { toStockholmDate, toStockholmTime } from "@/lib/domain/time";
import { ORE_PER_KRONA, type ExportColumn, type ExportTable } from "./columns";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const XLSX_FORMATS = {
  amount: "#,##0.00",
  integer: "0",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
} as const;

type CellValue = string | number | Date | null;

/**
 * Excel has no time zones: a time is the wall clock the reader should see. An instant becomes the
 * Date whose UTC fields are its Stockholm wall-clock time, which exceljs writes as that serial.
 */
function stockholmWallClock(instant: Date): Date {
  return new Date(`${toStockholmDate(instant)}T${toStockholmTime(instant)}:00.000Z`);
}

function cellValue<R>(column: ExportColumn<R>, row: R): CellValue {
  switch (column.type) {
    case "text":
      return column.value(row);
    case "integer":
      return column.value(row);
    case "amount": {
      const v = column.value(row);
      return v === null ? null : v / ORE_PER_KRONA;
    }
    case "date": {
      const v = column.value(row);
      return v === null ? null : new Date(`${v}T00:00:00.000Z`);
    }
    case "datetime": {
      const v = column.value(row);
      return v === null ? null : stockholmWallClock(v);
    }
  }
}

/** What Excel allows as a sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31);
  return clean || "Sheet1";
}

function displayLength(value: CellValue, type: ExportColumn<unknown>["type"]): number {
  if (value === null) return 0;
  if (type === "date") return 10;
  if (type === "datetime") return 16;
  if (typeof value === "number" && type === "amount") {
    // "1 234 567,00": the digits, the decimals and a space per group of three.
    const digits = Math.abs(value).toFixed(2);
    return digits.length + Math.floor((digits.length - 4) / 3) + (value < 0 ? 1 : 0);
  }
  return String(value).length;
}

export type XlsxOptions = {
  sheetName: string;
  /** Stored as the workbook's creation time (pass `now`, so the same export gives the same file). */
  created: Date;
};

/** The workbook as the bytes of an .xlsx file. */
export async function writeXlsx<R>(table: ExportTable<R>, options: XlsxOptions): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Verkstad";
  workbook.created = options.created;
  workbook.modified = options.created;
  const sheet = workbook.addWorksheet(sheetName(options.sheetName), { views: [{ state: "frozen", ySplit: 1 }] });

  const widths = table.columns.map((c) => c.header.length);
  sheet.columns = table.columns.map((column, i) => ({
    key: String(i),
    style: column.type === "text" ? {} : { numFmt: XLSX_FORMATS[column.type] },
  }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };

  for (const row of table.rows) {
    const values = table.columns.map((column, i) => {
      const value = cellValue(column, row);
      widths[i] = Math.max(widths[i] ?? 0, displayLength(value, column.type));
      return value;
    });
    sheet.addRow(values);
  }
  // The header row's cells are text; the column's number format must not apply to them.
  header.eachCell((c) => {
    c.numFmt = "@";
  });
  table.columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, (widths[i] ?? 0) + 2));
  });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  const bytes = await workbook.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}
