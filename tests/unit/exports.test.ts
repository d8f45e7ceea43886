/**
 * The spreadsheet writers: a CSV that Swedish Excel opens as columns (BOM, `;`, CRLF, decimal
 * comma), read back with a small RFC 4180 parser written here (independent of csv-stringify); and
 * an .xlsx read back with exceljs, checking that amounts are numbers, dates are dates and text
 * that looks like a formula stays text.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportColumn, ExportTable } from "@/lib/exports/columns";
import { CSV_CONTENT_TYPE, formatKronorForCsv, neutraliseFormula, writeCsv } from "@/lib/exports/csv";
import { sheetName, writeXlsx, XLSX_CONTENT_TYPE, XLSX_FORMATS } from "@/lib/exports/xlsx";

type Row = { name: string | null; count: number | null; amount: number | null; day: string | null; at: Date | null };

const columns: ExportColumn<Row>[] = [
  { header: "Namn", type: "text", value: (r) => r.name },
  { header: "Antal", type: "integer", value: (r) => r.count },
  { header: "Belopp (kr)", type: "amount", value: (r) => r.amount },
  { header: "Datum", type: "date", value: (r) => r.day },
  { header: "Tid", type: "datetime", value: (r) => r.at },
];

const rows: Row[] = [
  // Summer time (UTC+2) and a text that needs quoting: separator, quote, line break, å ä ö.
  { name: 'Åsa "Ö"; Ärlig\nrad två', count: 3, amount: 123_450, day: "2031-07-01", at: new Date("2031-07-01T10:05:00Z") },
  // Winter time (UTC+1) across midnight, a negative amount and a name that looks like a formula.
  { name: "=HYPERLINK(\"http://x\")", count: 0, amount: -5, day: "2031-01-16", at: new Date("2031-01-15T23:30:00Z") },
  { name: null, count: null, amount: null, day: null, at: null },
  { name: "-1+2", count: 12, amount: 100_000_000, day: "2031-12-31", at: new Date("2031-12-31T22:59:00Z") },
];

const table: ExportTable<Row> = { columns, rows };

/** RFC 4180: fields separated by `sep`, records by CRLF, quoted fields may hold anything ("" is a quote). */
function parseCsv(text: string, sep: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      i += 1;
    } else if (ch === sep) {
      record.push(field);
      field = "";
      i += 1;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (ch === "\n" || ch === "\r") {
      throw new Error(`A bare line break at ${i}: records must end with CRLF`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== "" || record.length) throw new Error("The last record does not end with CRLF");
  return records;
}

describe("writeCsv", () => {
  const csv = writeCsv(table);

  it("starts with the UTF-8 byte order mark and ends every record with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(CSV_CONTENT_TYPE).toBe("text/csv; charset=utf-8");
  });

  it("reads back as a header row and one record per row, `;`-separated, with typed cells formatted for Swedish Excel", () => {
    const records = parseCsv(csv.slice(1), ";");
    expect(records).toEqual([
      ["Namn", "Antal", "Belopp (kr)", "Datum", "Tid"],
      ['Åsa "Ö"; Ärlig\nrad två', "3", "1234,50", "2031-07-01", "2031-07-01 12:05"],
      ["'=HYPERLINK(\"http://x\")", "0", "-0,05", "2031-01-16", "2031-01-16 00:30"],
      ["", "", "", "", ""],
      ["'-1+2", "12", "1000000,00", "2031-12-31", "2031-12-31 23:59"],
    ]);
  });

  it("writes only the header for no rows", () => {
    expect(writeCsv({ columns, rows: [] })).toBe("\uFEFFNamn;Antal;Belopp (kr);Datum;Tid\r\n");
  });

  it("formats öre as kronor with a decimal comma and keeps formulas out of text", () => {
    expect(formatKronorForCsv(0)).toBe("0,00");
    expect(formatKronorForCsv(1)).toBe("0,01");
    expect(formatKronorForCsv(-250_000)).toBe("-2500,00");
    expect(() => formatKronorForCsv(1.5)).toThrow();
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("+46 70")).toBe("'+46 70");
    expect(neutraliseFormula("Anna")).toBe("Anna");
  });
});

describe("writeXlsx", () => {
  const created = new Date("2031-11-23T09:00:00Z");

  async function open(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return workbook;
  }

  it("opens in exceljs with one named sheet, a bold frozen header with a filter, and typed cells", async () => {
    const bytes = await writeXlsx(table, { sheetName: "Fakturor", created });
    expect(Buffer.from(bytes).subarray(0, 2).toString("latin1")).toBe("PK"); // a zip, as .xlsx is
    expect(XLSX_CONTENT_TYPE).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    const workbook = await open(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Fakturor"]);
    const sheet = workbook.getWorksheet("Fakturor")!;
    expect(sheet.rowCount).toBe(1 + rows.length);
    expect(sheet.getRow(1).values).toEqual([undefined, "Namn", "Antal", "Belopp (kr)", "Datum", "Tid"]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Åsa "Ö"; Ärlig\nrad två');
    expect(first.getCell(2).value).toBe(3);
    expect(first.getCell(3).value).toBe(1234.5);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(3).numFmt).toBe(XLSX_FORMATS.amount);
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(4).value).toEqual(new Date("2031-07-01T00:00:00Z"));
    expect(first.getCell(4).numFmt).toBe(XLSX_FORMATS.date);
    // Stockholm wall-clock time (summer time), as the reader should see it.
    expect(first.getCell(5).value).toEqual(new Date("2031-07-01T12:05:00Z"));
    expect(first.getCell(5).numFmt).toBe(XLSX_FORMATS.datetime);

    const second = sheet.getRow(3);
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(second.getCell(3).value).toBe(-0.05);
    expect(second.getCell(5).value).toEqual(new Date("2031-01-16T00:30:00Z"));

    const empty = sheet.getRow(4);
    for (let c = 1; c <= columns.length; c++) expect(empty.getCell(c).type).toBe(ExcelJS.ValueType.Null);

    expect(sheet.getRow(5).getCell(3).value).toBe(1_000_000);
  });

  it("writes a header-only sheet for no rows and a safe sheet name", async () => {
    const workbook = await open(await writeXlsx({ columns, rows: [] }, { sheetName: "Kredit/fakturor: [alla] och mycket mer än så", created }));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(sheetName("Kredit/fakturor: [alla] och mycket mer än så"));
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
    expect(sheet.rowCount).toBe(1);
  });
});
