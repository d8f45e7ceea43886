/**
 * Every UBL document the builders produce passes the official Peppol BIS Billing 3.0 validation
 * (UBL 2.1 XSD, CEN EN 16931 and Peppol Schematron, Swedish SE-R-* rules included), run by the
 * offline validator in ../shared/peppol. It needs java, Saxon-HE and xmllint, which .ci/run
 * installs; without them the file is skipped locally, but in CI (CI set) it always runs.
 * No database is used: this layer is the one for tests against real outside components.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createCreditNoteDocument,
  createInvoiceDocument,
  type InvoiceDocument,
  type InvoiceInput,
  type VatBreakdownEntry,
} from "@/lib/domain/invoicing";
import { vatOre } from "@/lib/domain/money";
import { buildCreditNoteXml, buildInvoiceXml } from "@/lib/peppol/ubl";

const VALIDATOR = path.resolve(import.meta.dirname, "../../../shared/peppol/validate.sh");

function validatorMissing(): string | null {
  if (!existsSync(VALIDATOR)) return `${VALIDATOR} not found`;
  const tools = spawnSync("bash", ["-c", 'command -v java && command -v xmllint && test -r "${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}"'], { encoding: "utf8" });
  return tools.status === 0 ? null : "java, xmllint or Saxon-HE missing (run: bash ../shared/peppol/install.sh)";
}

const missing = validatorMissing();
const skip = missing !== null && !process.env.CI;
if (skip) console.warn(`[peppol.test] SKIPPED: the Peppol validator is not installed here: ${missing}. CI always runs these tests.`);

const dir = mkdtempSync(path.join(os.tmpdir(), "verkstad-peppol-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the XML and runs `validate.sh -q` on it; returns the exit code and what it printed. */
function validate(name: string, xml: string): { status: number | null; output: string } {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  const r = spawnSync("bash", [VALIDATOR, "-q", file], { encoding: "utf8", timeout: 60_000 });
  const output = `${r.stdout}${r.stderr}`.trim();
  console.log(output.replaceAll(`${dir}/`, ""));
  return { status: r.status, output };
}

function expectValid(name: string, xml: string) {
  const { status, output } = validate(name, xml);
  expect(output).toContain(`RESULT ${path.join(dir, name)}: VALID (0 fatal, 0 warnings)`);
  expect(status).toBe(0);
}

function expectInvalid(name: string, xml: string, ruleIds: string[]) {
  const { status, output } = validate(name, xml);
  expect(status).toBe(1);
  for (const id of ruleIds) expect(output).toContain(`[${id}]`);
}

// Organisation numbers with valid Luhn digits (PEPPOL-COMMON-R049, SE-R-013).
const seller: InvoiceInput["seller"] = {
  name: "FoU Sjuhärad Välfärd",
  orgNumber: "222000-1230",
  vatNumber: "SE222000123001",
  peppolEndpoint: "0007:2220001230",
  address: { street: "Skaraborgsvägen 3", postalCode: "506 30", city: "Borås", countryCode: "SE" },
  bankgiro: "5050-1055",
  email: "fou@verkstad.test",
  phone: "033-35 70 00",
  fTaxApproved: true,
};

const municipality = (name: string, orgNumber: string, city: string): InvoiceInput["buyer"] => ({
  name,
  orgNumber,
  peppolEndpoint: `0007:${orgNumber.replace("-", "")}`,
  address: { street: "Box 100", postalCode: "501 80", city, countryCode: "SE" },
});

const boras = municipality("Borås Stad", "212000-1561", "Borås");
const mark = municipality("Marks kommun", "212000-1538", "Kinna");

const invoice = (over: Partial<InvoiceInput>): InvoiceDocument =>
  createInvoiceDocument({
    number: "F2026-00001",
    issueDate: "2026-09-15",
    paymentTermsDays: 30,
    paymentTermsText: "30 dagar netto",
    seller,
    buyer: boras,
    buyerReference: "ANNA-4711",
    lines: [],
    ...over,
  });

const LECTURE_DAY = { start: "2026-10-13", end: "2026-10-13" };
const PACKAGE_PERIOD = { start: "2026-09-13", end: "2027-03-31" };

const consolidated = invoice({
  number: "F2026-00004",
  buyer: mark,
  buyerReference: "Socialförvaltningen Ref 8812",
  orderReference: "IO-2026-0042",
  accountingCost: "Kst 4410 Äldreomsorg",
  note: "Samlingsfaktura: förbättringsverkstad 2026/27, Marks kommun",
  lines: [
    { description: "Hela verkstaden 2026/27 (medlemspris)", note: "Deltagare: Anna Andersson", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0, period: PACKAGE_PERIOD },
    { description: "Hela verkstaden 2026/27 (medlemspris)", note: "Deltagare: Björn Öberg", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0, period: PACKAGE_PERIOD, accountingCost: "Kst 4420 Hemtjänst" },
    { description: "Föreläsning: Tillit & styrning <halvdag>", note: "Deltagare: Cecilia Åkesson", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0, period: LECTURE_DAY },
    { description: "Kursdokumentation, tryckt", note: "Deltagare: Anna Andersson, Björn Öberg", quantity: 2, unitPriceOre: 34_950, vatRateBp: 2500 },
    { description: "Kursbok: Förbättringskunskap i praktiken", quantity: 3, unitPriceOre: 29_900, vatRateBp: 600 },
  ],
});

// Each file is one JVM run of the official validator (a few seconds): no database, so it runs once,
// in the unit layer, not once per database.
describe.skipIf(skip)(`Peppol BIS Billing 3.0 validation of generated UBL${skip ? ` (skipped: ${missing})` : ""}`, { timeout: 60_000 }, () => {
  it("a single lecture, exempt from VAT (category E with exemption reason)", () => {
    const doc = invoice({
      number: "F2026-00001",
      lines: [{ description: "Föreläsning: Att leda förbättringsarbete", note: "Deltagare: Anna Andersson", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0, period: LECTURE_DAY }],
    });
    expect(doc.totals.payableOre).toBe(190_000);
    expectValid("01-single-lecture-exempt.xml", buildInvoiceXml(doc));
  });

  it("the whole workshop at the member price, less lectures already paid (negative line)", () => {
    const doc = invoice({
      number: "F2026-00002",
      accountingCost: "Kst 4711",
      lines: [
        { description: "Hela verkstaden 2026/27 (medlemspris)", note: "Deltagare: Anna Andersson", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0, period: PACKAGE_PERIOD },
        { description: "Avgår: redan betalda föreläsningar (uppgradering)", quantity: -2, unitPriceOre: 190_000, vatRateBp: 0 },
      ],
    });
    expect(doc.totals.payableOre).toBe(820_000);
    expectValid("02-package-member-price.xml", buildInvoiceXml(doc));
  });

  it("a lecture at 25 % VAT with an öre price", () => {
    const doc = invoice({
      number: "F2026-00003",
      buyer: { ...municipality("Vård & Omsorg i Väst AB", "802000-1239", "Göteborg"), peppolEndpoint: null },
      lines: [{ description: "Föreläsning (icke-medlemspris, momspliktig)", quantity: 3, unitPriceOre: 240_001, vatRateBp: 2500, period: LECTURE_DAY }],
    });
    expect(doc.totals).toMatchObject({ lineExtensionOre: 720_003, vatOre: 180_001, payableOre: 900_004 });
    expectValid("03-lecture-25-percent.xml", buildInvoiceXml(doc));
  });

  it("a consolidated invoice of several participants, mixed E and S (25 % and 6 %)", () => {
    expect(consolidated.vatBreakdown.map((b) => [b.category, b.rateBp, b.taxableOre, b.vatOre])).toEqual([
      ["S", 2500, 69_900, 17_475],
      ["S", 600, 89_700, 5382],
      ["E", 0, 2_590_000, 0],
    ]);
    expectValid("04-consolidated-mixed.xml", buildInvoiceXml(consolidated));
  });

  it("a credit note that refers to the invoice it credits (BT-25, BT-26)", () => {
    const cn = createCreditNoteDocument({
      number: "K2026-00001",
      issueDate: "2026-09-28",
      invoice: consolidated,
      invoiceLineIds: ["2", "4"],
      reason: "Avbokning: Björn Öberg, hela verkstaden och kursdokumentation",
    });
    const xml = buildCreditNoteXml(cn);
    expect(xml).toContain("<cbc:ID>F2026-00004</cbc:ID>");
    expectValid("05-credit-note.xml", xml);
  });

  it("a consolidated invoice of 300 participants with öre prices stays within BR-CO-17", () => {
    const doc = invoice({
      number: "F2026-00005",
      lines: Array.from({ length: 300 }, (_, i) => ({
        description: "Föreläsning (icke-medlemspris, momspliktig)",
        note: `Deltagare ${i + 1}`,
        quantity: 1,
        unitPriceOre: 1001,
        vatRateBp: 2500,
      })),
    });
    expect(doc.totals.vatOre).toBe(75_075); // 3 003.00 kr × 25 %
    expectValid("06-large-consolidated.xml", buildInvoiceXml(doc));
  });

  it("bites: without a buyer reference the validator reports PEPPOL-EN16931-R003", () => {
    const xml = buildInvoiceXml(invoice({ number: "F2026-00006", lines: [{ description: "Föreläsning", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0 }] }));
    const withoutReference = xml.replace(/\s*<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, "");
    expect(withoutReference).not.toContain("BuyerReference");
    expectInvalid("90-no-buyer-reference.xml", withoutReference, ["PEPPOL-EN16931-R003"]);
  });

  it("bites: VAT summed from per-line rounding instead of per breakdown fails BR-CO-17", () => {
    // 400 × 10.01 kr at 25 %: per breakdown 1 001.00 kr, per line 400 × 2.50 = 1 000.00 kr.
    const doc = invoice({
      number: "F2026-00007",
      lines: Array.from({ length: 400 }, () => ({ description: "Föreläsning", quantity: 1, unitPriceOre: 1001, vatRateBp: 2500 })),
    });
    const lineSum = doc.lines.reduce((s, l) => s + vatOre(l.lineExclVatOre, l.vatRateBp), 0);
    expect([doc.totals.vatOre, lineSum]).toEqual([100_100, 100_000]);
    // A self-consistent document (BR-CO-14/15 hold) whose only fault is the rounding method.
    const perLine: InvoiceDocument = {
      ...doc,
      vatBreakdown: doc.vatBreakdown.map((b): VatBreakdownEntry => ({ ...b, vatOre: lineSum })),
      totals: { ...doc.totals, vatOre: lineSum, taxInclusiveOre: doc.totals.taxExclusiveOre + lineSum, payableOre: doc.totals.taxExclusiveOre + lineSum },
    };
    expectInvalid("91-per-line-vat.xml", buildInvoiceXml(perLine), ["BR-CO-17"]);
  });
});
