/**
 * The sample-file writer behind `npm run invoices:samples` (scripts/invoice-samples.ts), on a
 * freshly seeded demo in this file's own database: the five cases through the real use cases, one
 * UBL file each, and every file passes the official Peppol BIS Billing 3.0 validator.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { PEPPOL_VALIDATOR, validateSamples, writeInvoiceSamples, type InvoiceSample } from "@/scripts/invoice-samples";

const dir = mkdtempSync(path.join(os.tmpdir(), "verkstad-samples-"));
let samples: InvoiceSample[] = [];

beforeAll(async () => {
  await seedDemo(db);
  samples = await writeInvoiceSamples(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xml = (name: string) => readFileSync(path.join(dir, name), "utf8");
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("invoice samples from the demo", () => {
  it("writes one file per document, numbered in order, and nothing else", () => {
    expect(samples.map((s) => [path.basename(s.file), s.kind, s.number])).toEqual([
      ["01-single-lecture-non-member-vat25.xml", "INVOICE", "F2026-00001"],
      ["02-package-member-price.xml", "INVOICE", "F2026-00002"],
      ["03-exempt-vat-line-and-vat25-line.xml", "INVOICE", "F2026-00003"],
      ["04-consolidated-3-participants.xml", "INVOICE", "F2026-00004"],
      ["05-credit-note.xml", "CREDIT_NOTE", "K2026-00001"],
    ]);
    expect(readdirSync(dir).sort()).toEqual(samples.map((s) => path.basename(s.file)));
  });

  it("each file is the stored UBL of its document, byte for byte", async () => {
    for (const s of samples) {
      const stored =
        s.kind === "INVOICE"
          ? (await db.invoice.findUniqueOrThrow({ where: { displayNumber: s.number }, select: { ublXml: true } })).ublXml
          : (await db.creditNote.findUniqueOrThrow({ where: { displayNumber: s.number }, select: { ublXml: true } })).ublXml;
      expect(readFileSync(s.file, "utf8")).toBe(stored);
    }
  });

  it("shows the cases: a 25 % lecture at the non-member price, the package at the member price, an exempt line, a consolidated invoice, a credit note", () => {
    const single = xml("01-single-lecture-non-member-vat25.xml");
    expect(count(single, /<cac:InvoiceLine>/g)).toBe(1);
    expect(single).toContain('<cbc:PriceAmount currencyID="SEK">2400.00</cbc:PriceAmount>');
    expect(single).toContain("<cbc:Percent>25</cbc:Percent>");

    const pkg = xml("02-package-member-price.xml");
    expect(count(pkg, /<cac:InvoiceLine>/g)).toBe(1);
    expect(pkg).toContain('<cbc:PriceAmount currencyID="SEK">12000.00</cbc:PriceAmount>');
    expect(pkg).toContain("<cbc:Note>Deltagare: Eva Ström</cbc:Note>");

    const mixed = xml("03-exempt-vat-line-and-vat25-line.xml");
    expect(mixed).toContain("<cbc:TaxExemptionReason>");
    expect(mixed).toMatch(/<cac:ClassifiedTaxCategory>\s*<cbc:ID>E<\/cbc:ID>/);
    expect(mixed).toMatch(/<cac:ClassifiedTaxCategory>\s*<cbc:ID>S<\/cbc:ID>/);

    const consolidated = xml("04-consolidated-3-participants.xml");
    expect(count(consolidated, /<cac:InvoiceLine>/g)).toBe(5);
    expect(consolidated).toContain("<cbc:BuyerReference>Socialförvaltningen 8812</cbc:BuyerReference>");
    for (const name of ["Ali Hassan", "Britt Nilsson", "Jonas Berg"]) expect(consolidated).toContain(`<cbc:Note>Deltagare: ${name}</cbc:Note>`);

    const credit = xml("05-credit-note.xml");
    expect(credit).toMatch(/^<\?xml[^>]*\?>\s*<CreditNote /);
    expect(credit).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>F2026-00004<\/cbc:ID>/);
    expect(count(credit, /<cac:CreditNoteLine>/g)).toBe(1);
  });

  it("refuses a database that has invoices already (it needs a fresh demo)", async () => {
    await expect(writeInvoiceSamples(mkdtempSync(path.join(os.tmpdir(), "verkstad-samples-again-")))).rejects.toThrow(/freshly seeded demo/);
  });
});

const toolsMissing = (() => {
  if (!existsSync(PEPPOL_VALIDATOR)) return `${PEPPOL_VALIDATOR} not found`;
  const tools = spawnSync("bash", ["-c", 'command -v java && command -v xmllint && test -r "${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}"'], { encoding: "utf8" });
  return tools.status === 0 ? null : "java, xmllint or Saxon-HE missing (run: bash ../shared/peppol/install.sh)";
})();
const skipPeppol = toolsMissing !== null && !process.env.CI;

describe.skipIf(skipPeppol)(`Peppol BIS Billing 3.0 validation of the samples${skipPeppol ? ` (skipped: ${toolsMissing})` : ""}`, () => {
  it("every sample file: 0 fatal", { timeout: 300_000 }, () => {
    const result = validateSamples(samples.map((s) => s.file));
    expect(result).not.toBeNull();
    console.log(result!.output.replaceAll(`${dir}/`, ""));
    for (const s of samples) expect(result!.output).toMatch(new RegExp(`RESULT ${s.file.replaceAll(".", "\\.")}: VALID \\(0 fatal`));
    expect(result!.output).not.toContain("FATAL");
    expect(result!.status).toBe(0);
  });
});
