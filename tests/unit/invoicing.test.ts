import { describe, expect, it } from "vitest";
import {
  allocateVat,
  assertVatNumberMatches,
  createCreditNoteDocument,
  createInvoiceDocument,
  dueDateFor,
  EDUCATION_EXEMPTION,
  formatDocumentNumber,
  formatOrgNumber,
  gapsInSeries,
  invoiceDates,
  InvoicingError,
  isValidOrgNumber,
  luhnCheckDigit,
  normalizeBankgiro,
  normalizeOrgNumber,
  parseDocumentNumber,
  parsePeppolEndpoint,
  peppolEndpointFor,
  seriesFor,
  takeNumber,
  vatBreakdown,
  vatCategoryFor,
  vatNumberFor,
  type InvoiceInput,
  type InvoicingErrorCode,
  type LineInput,
} from "@/lib/domain/invoicing";
import { vatOre } from "@/lib/domain/money";
import { formatAmount, formatPercent } from "@/lib/peppol/format";

// Organisation numbers with a valid Luhn digit (2021005489 is the one the SE-R-013 test uses).
const SELLER_ORG = "222000-1230";
const BUYER_ORG = "212000-1561";

const invoiceInput = (over: Partial<InvoiceInput> = {}): InvoiceInput => ({
  number: "F2026-00001",
  issueDate: "2026-09-15",
  paymentTermsDays: 30,
  paymentTermsText: "30 dagar netto",
  seller: {
    name: "FoU Sjuhärad Välfärd",
    orgNumber: SELLER_ORG,
    vatNumber: "SE222000123001",
    address: { street: "Skaraborgsvägen 3", postalCode: "506 30", city: "Borås", countryCode: "SE" },
    bankgiro: "5050-1055",
    email: "fou@verkstad.test",
    fTaxApproved: true,
  },
  buyer: {
    name: "Borås Stad",
    orgNumber: BUYER_ORG,
    peppolEndpoint: "0007:2120001561",
    address: { street: "Box 100", postalCode: "501 80", city: "Borås", countryCode: "SE" },
  },
  buyerReference: "4711-ANNA",
  lines: [{ description: "Föreläsning", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0 }],
  ...over,
});

const line = (unitPriceOre: number, vatRateBp: number, quantity = 1): LineInput => ({ description: "Rad", quantity, unitPriceOre, vatRateBp });

function invoicingError(fn: () => unknown): InvoicingErrorCode | "no error" {
  try {
    fn();
    return "no error";
  } catch (e) {
    if (e instanceof InvoicingError) return e.code;
    throw e;
  }
}

describe("Swedish organisation numbers", () => {
  it.each([
    ["202100-5489", "2021005489"],
    ["2021005489", "2021005489"],
    [" 212000-1561 ", "2120001561"],
    ["16212000-1561", "2120001561"],
    ["162120001561", "2120001561"],
  ])("%s is %s", (input, digits) => {
    expect(normalizeOrgNumber(input)).toBe(digits);
    expect(isValidOrgNumber(input)).toBe(true);
  });

  it.each([
    ["2021005488", "wrong Luhn digit (SE-R-013)"],
    ["2220001234", "wrong Luhn digit"],
    ["202100548", "nine digits"],
    ["20210054890", "eleven digits"],
    ["20210A5489", "a letter"],
    ["", "empty"],
    ["8112189876", "a personal identity number (third digit < 2): never stored"],
  ])("refuses %j (%s)", (input) => {
    expect(invoicingError(() => normalizeOrgNumber(input))).toBe("INVALID_ORG_NUMBER");
    expect(isValidOrgNumber(input)).toBe(false);
  });

  it("computes the Luhn digit like the Peppol rules", () => {
    expect(luhnCheckDigit("202100548")).toBe(9);
    expect(luhnCheckDigit("222000123")).toBe(0);
    expect(luhnCheckDigit("212000156")).toBe(1);
  });

  it("formats for people, derives the VAT number and the Peppol id", () => {
    expect(formatOrgNumber("2021005489")).toBe("202100-5489");
    expect(vatNumberFor("202100-5489")).toBe("SE202100548901");
    expect(vatNumberFor("202100-5489")).toHaveLength(14); // SE-R-001
    expect(peppolEndpointFor("202100-5489")).toBe("0007:2021005489");
    expect(parsePeppolEndpoint("0007:2021005489")).toEqual({ scheme: "0007", id: "2021005489" });
  });

  it("checks a VAT number against its organisation number", () => {
    expect(assertVatNumberMatches("se 2021005489 01", "2021005489")).toBe("SE202100548901");
    expect(invoicingError(() => assertVatNumberMatches("SE222000123001", "2021005489"))).toBe("INVALID_VAT_NUMBER");
  });

  it.each(["0088:2021005489", "0007:2021005488", "2021005489", "0007:"])("refuses the Peppol id %j", (endpoint) => {
    expect(invoicingError(() => parsePeppolEndpoint(endpoint))).toBe("INVALID_PEPPOL_ENDPOINT");
  });

  it("keeps a bankgiro number as 7–8 digits (SE-R-008, SE-R-009)", () => {
    expect(normalizeBankgiro("5050-1055")).toBe("50501055");
    expect(normalizeBankgiro("123-4567")).toBe("1234567");
    expect(invoicingError(() => normalizeBankgiro("12-345"))).toBe("INVALID_BANKGIRO");
    expect(invoicingError(() => normalizeBankgiro("1234-56789"))).toBe("INVALID_BANKGIRO");
  });
});

describe("document numbers", () => {
  it("has one gap-free series per kind and year", () => {
    expect(seriesFor("INVOICE", "2026-12-31")).toEqual({ code: "F2026", prefix: "F2026-" });
    expect(seriesFor("INVOICE", "2027-01-01")).toEqual({ code: "F2027", prefix: "F2027-" });
    expect(seriesFor("CREDIT_NOTE", "2026-09-15")).toEqual({ code: "K2026", prefix: "K2026-" });
  });

  it("takes numbers one after the other", () => {
    let state = { code: "F2026", prefix: "F2026-", nextValue: 1 };
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = takeNumber(state);
      taken.push(t.displayNumber);
      state = { ...state, nextValue: t.nextValue };
    }
    expect(taken).toEqual(["F2026-00001", "F2026-00002", "F2026-00003"]);
    expect(takeNumber({ ...state, nextValue: 17 })).toEqual({ series: "F2026", number: 17, displayNumber: "F2026-00017", nextValue: 18 });
  });

  it("grows past five digits instead of wrapping", () => {
    expect(formatDocumentNumber("F2026-", 123_456)).toBe("F2026-123456");
    expect(invoicingError(() => formatDocumentNumber("F2026-", 0))).toBe("INVALID_DOCUMENT_NUMBER");
  });

  it("parses a number back", () => {
    expect(parseDocumentNumber("K2026-00003")).toEqual({ kind: "CREDIT_NOTE", year: 2026, number: 3 });
    expect(invoicingError(() => parseDocumentNumber("X-1"))).toBe("INVALID_DOCUMENT_NUMBER");
  });

  it("finds gaps in a series", () => {
    expect(gapsInSeries([1, 2, 3])).toEqual([]);
    expect(gapsInSeries([3, 1, 5])).toEqual([2, 4]);
    expect(gapsInSeries([])).toEqual([]);
  });
});

describe("due date", () => {
  it.each([
    ["2026-09-15", 30, "2026-10-15"],
    ["2026-12-15", 30, "2027-01-14"], // over the year end
    ["2028-02-01", 30, "2028-03-02"], // leap year
    ["2026-10-20", 10, "2026-10-30"],
    ["2026-09-15", 0, "2026-09-15"],
  ])("issued %s with %i days is due %s", (issue, days, due) => {
    expect(dueDateFor(issue, days)).toBe(due);
  });

  it("takes the issue date as the Stockholm calendar day", () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm: a new year, a new series.
    expect(invoiceDates(new Date("2026-12-31T23:30:00Z"))).toEqual({ issueDate: "2027-01-01", dueDate: "2027-01-31" });
    expect(invoiceDates(new Date("2026-09-15T10:00:00Z"), 20)).toEqual({ issueDate: "2026-09-15", dueDate: "2026-10-05" });
  });

  it.each([-1, 61, 1.5])("refuses terms of %j days", (days) => {
    expect(invoicingError(() => dueDateFor("2026-09-15", days))).toBe("INVALID_TERMS");
  });
});

describe("VAT categories and breakdown", () => {
  it.each([
    [0, "E"],
    [2500, "S"],
    [1200, "S"],
    [600, "S"],
  ])("%i bp is category %s", (rate, category) => {
    expect(vatCategoryFor(rate)).toBe(category);
  });

  it.each([1000, 2000, 10_000, -1])("refuses %i bp: not a Swedish rate (SE-R-006)", (rate) => {
    expect(invoicingError(() => vatCategoryFor(rate))).toBe("INVALID_VAT_RATE");
  });

  it("groups by category and rate, S first, and states the exemption only for E", () => {
    const b = vatBreakdown([
      { lineExclVatOre: 190_000, vatRateBp: 0 },
      { lineExclVatOre: 10_000, vatRateBp: 600 },
      { lineExclVatOre: 20_000, vatRateBp: 2500 },
      { lineExclVatOre: 1_200_000, vatRateBp: 0 },
      { lineExclVatOre: 30_000, vatRateBp: 2500 },
    ]);
    expect(b).toEqual([
      { category: "S", rateBp: 2500, taxableOre: 50_000, vatOre: 12_500 },
      { category: "S", rateBp: 600, taxableOre: 10_000, vatOre: 600 },
      { category: "E", rateBp: 0, taxableOre: 1_390_000, vatOre: 0, exemption: EDUCATION_EXEMPTION },
    ]);
  });

  it("rounds VAT once per breakdown (BR-CO-17), not per line", () => {
    // 101 öre × 25 % = 25.25 öre per line: rounded per line 25 + 25 = 50, per breakdown 50.5 → 51.
    const lines = [
      { lineExclVatOre: 101, vatRateBp: 2500 },
      { lineExclVatOre: 101, vatRateBp: 2500 },
    ];
    const [entry] = vatBreakdown(lines);
    expect(entry?.vatOre).toBe(51);
    expect(lines.reduce((s, l) => s + vatOre(l.lineExclVatOre, l.vatRateBp), 0)).toBe(50);
  });

  it("on a large consolidated invoice the per-line sum would be a whole krona off", () => {
    // 400 participants × 10.01 kr at 25 %: per line 2.5025 kr → 2.50 kr, Σ = 1 000.00 kr;
    // per breakdown 4 004.00 kr × 25 % = 1 001.00 kr. BR-CO-17 allows less than 1 kr of difference.
    const lines = Array.from({ length: 400 }, () => ({ lineExclVatOre: 1001, vatRateBp: 2500 }));
    expect(vatBreakdown(lines)[0]?.vatOre).toBe(100_100);
    expect(lines.reduce((s, l) => s + vatOre(l.lineExclVatOre, l.vatRateBp), 0)).toBe(100_000);
  });

  it("allocates the breakdown's VAT to the lines so they add up exactly", () => {
    const lines = [
      { lineExclVatOre: 101, vatRateBp: 2500 }, // 25.25
      { lineExclVatOre: 190_000, vatRateBp: 0 },
      { lineExclVatOre: 102, vatRateBp: 2500 }, // 25.50
      { lineExclVatOre: 101, vatRateBp: 2500 }, // 25.25
      { lineExclVatOre: 12_345, vatRateBp: 600 }, // 740.70
    ];
    const breakdown = vatBreakdown(lines);
    expect(breakdown.map((b) => b.vatOre)).toEqual([76, 741, 0]); // 76.00 → 76, 740.70 → 741
    const shares = allocateVat(lines, breakdown);
    // The largest remainder (25.50) takes the extra öre, the others stay rounded down.
    expect(shares).toEqual([25, 0, 26, 25, 741]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(76 + 741);
  });

  it("allocates negative lines (upgrade credits) too", () => {
    const lines = [
      { lineExclVatOre: 1_200_001, vatRateBp: 2500 },
      { lineExclVatOre: -380_001, vatRateBp: 2500 },
    ];
    const breakdown = vatBreakdown(lines);
    expect(breakdown[0]?.vatOre).toBe(vatOre(820_000, 2500));
    const shares = allocateVat(lines, breakdown);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(205_000);
    shares.forEach((share, i) => expect(Math.abs(share - vatOre(lines[i]!.lineExclVatOre, 2500))).toBeLessThanOrEqual(1));
  });

  it("never leaves a line more than one öre from its own rounding, whatever the mix", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let run = 0; run < 200; run++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 30) }, () => ({
        lineExclVatOre: Math.floor(random() * 500_000) - (random() < 0.1 ? 600_000 : 0),
        vatRateBp: [0, 600, 1200, 2500][Math.floor(random() * 4)]!,
      }));
      const breakdown = vatBreakdown(lines);
      const shares = allocateVat(lines, breakdown);
      for (const entry of breakdown) {
        const sum = shares.filter((_, i) => lines[i]!.vatRateBp === entry.rateBp).reduce((a, b) => a + b, 0);
        expect(sum).toBe(entry.vatOre);
      }
      shares.forEach((share, i) => expect(Math.abs(share - vatOre(lines[i]!.lineExclVatOre, lines[i]!.vatRateBp))).toBeLessThanOrEqual(1));
    }
  });
});

describe("invoice document", () => {
  it("computes lines, breakdown, totals and the due date", () => {
    const doc = createInvoiceDocument(
      invoiceInput({
        lines: [
          { description: "Hela verkstaden (medlemspris)", note: "Anna Andersson", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0 },
          { description: "Föreläsning", quantity: 2, unitPriceOre: 190_050, vatRateBp: 0 },
          { description: "Material", quantity: 3, unitPriceOre: 12_345, vatRateBp: 2500 },
        ],
      }),
    );
    expect(doc.dueDate).toBe("2026-10-15");
    expect(doc.lines.map((l) => [l.id, l.lineExclVatOre, l.vatCategory, l.vatOre])).toEqual([
      ["1", 1_200_000, "E", 0],
      ["2", 380_100, "E", 0],
      ["3", 37_035, "S", 9259], // 370.35 kr × 25 % = 92.5875 → 92.59
    ]);
    expect(doc.vatBreakdown.map((b) => [b.category, b.rateBp, b.taxableOre, b.vatOre])).toEqual([
      ["S", 2500, 37_035, 9259],
      ["E", 0, 1_580_100, 0],
    ]);
    expect(doc.totals).toEqual({
      lineExtensionOre: 1_617_135,
      taxExclusiveOre: 1_617_135,
      vatOre: 9259,
      taxInclusiveOre: 1_626_394,
      payableOre: 1_626_394,
    });
    expect(doc.seller).toMatchObject({ orgNumber: "2220001230", vatNumber: "SE222000123001", bankgiro: "50501055", endpoint: { scheme: "0007", id: "2220001230" } });
    expect(doc.buyer.endpoint).toEqual({ scheme: "0007", id: "2120001561" });
    expect(doc.paymentReference).toBe("F2026-00001");
  });

  it("is immutable once created", () => {
    const doc = createInvoiceDocument(invoiceInput());
    expect(Object.isFrozen(doc) && Object.isFrozen(doc.lines[0]) && Object.isFrozen(doc.totals)).toBe(true);
    expect(() => {
      (doc.totals as { payableOre: number }).payableOre = 1;
    }).toThrow(TypeError);
  });

  it("derives the buyer's Peppol id from the org number when none is stored", () => {
    const doc = createInvoiceDocument(invoiceInput({ buyer: { ...invoiceInput().buyer, peppolEndpoint: null } }));
    expect(doc.buyer.endpoint).toEqual({ scheme: "0007", id: "2120001561" });
  });

  it("carries a negative line with a negative quantity and a positive price (BR-27)", () => {
    const doc = createInvoiceDocument(
      invoiceInput({
        lines: [
          { description: "Hela verkstaden", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0 },
          { description: "Avgår: redan betalda föreläsningar", quantity: -2, unitPriceOre: 190_000, vatRateBp: 0 },
        ],
      }),
    );
    expect(doc.lines[1]?.lineExclVatOre).toBe(-380_000);
    expect(doc.totals.payableOre).toBe(820_000);
  });

  it.each<[string, Partial<InvoiceInput>, InvoicingErrorCode]>([
    ["no buyer reference (BT-10)", { buyerReference: "  " }, "MISSING_BUYER_REFERENCE"],
    ["no lines (BR-16)", { lines: [] }, "NO_LINES"],
    ["a rate that is not Swedish (SE-R-006)", { lines: [line(100, 1000)] }, "INVALID_VAT_RATE"],
    ["a negative price (BR-27)", { lines: [line(-100, 0)] }, "INVALID_LINE"],
    ["a zero quantity", { lines: [line(100, 0, 0)] }, "INVALID_LINE"],
    ["a fractional quantity", { lines: [line(100, 0, 1.5)] }, "INVALID_LINE"],
    ["a negative total", { lines: [line(100, 0, -1)] }, "NEGATIVE_TOTAL"],
    ["an impossible date", { issueDate: "2026-02-30" }, "INVALID_DATES"],
    ["terms beyond 60 days", { paymentTermsDays: 90 }, "INVALID_TERMS"],
    ["a line period that ends before it starts", { lines: [{ ...line(100, 0), period: { start: "2026-10-02", end: "2026-10-01" } }] }, "INVALID_DATES"],
    ["a seller VAT number of another organisation", { seller: { ...invoiceInput().seller, vatNumber: "SE202100548901" } }, "INVALID_VAT_NUMBER"],
    ["a buyer org number with a wrong Luhn digit", { buyer: { ...invoiceInput().buyer, orgNumber: "212000-1562" } }, "INVALID_ORG_NUMBER"],
    ["a buyer Peppol id under another scheme", { buyer: { ...invoiceInput().buyer, peppolEndpoint: "0088:7300010000001" } }, "INVALID_PEPPOL_ENDPOINT"],
    ["no seller e-mail", { seller: { ...invoiceInput().seller, email: "" } }, "MISSING_FIELD"],
  ])("refuses %s", (_name, over, code) => {
    expect(invoicingError(() => createInvoiceDocument(invoiceInput(over)))).toBe(code);
  });
});

describe("credit note document", () => {
  const invoice = createInvoiceDocument(
    invoiceInput({
      accountingCost: "Kst 4711",
      lines: [
        { description: "Föreläsning 1", note: "Anna Andersson", quantity: 1, unitPriceOre: 190_001, vatRateBp: 2500 },
        { description: "Föreläsning 2", quantity: 1, unitPriceOre: 190_001, vatRateBp: 2500 },
        { description: "Hela verkstaden", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0 },
      ],
    }),
  );

  it("credits a whole invoice back to the öre", () => {
    const cn = createCreditNoteDocument({ number: "K2026-00001", issueDate: "2026-09-20", invoice, reason: "Avbokning" });
    expect(cn.totals).toEqual(invoice.totals);
    expect(cn.vatBreakdown).toEqual(invoice.vatBreakdown);
    expect(cn.invoiceReference).toEqual({ number: "F2026-00001", issueDate: "2026-09-15" });
    expect(cn).toMatchObject({ buyerReference: "4711-ANNA", accountingCost: "Kst 4711", seller: invoice.seller, buyer: invoice.buyer });
    expect(cn.creditedInvoiceLineIds).toEqual(["1", "2", "3"]);
  });

  it("credits chosen lines, renumbered, with positive amounts", () => {
    const cn = createCreditNoteDocument({ number: "K2026-00002", issueDate: "2026-09-20", invoice, invoiceLineIds: ["3", "1"], reason: "Avbokning" });
    expect(cn.lines.map((l) => [l.id, l.description, l.lineExclVatOre])).toEqual([
      ["1", "Hela verkstaden", 1_200_000],
      ["2", "Föreläsning 1", 190_001],
    ]);
    expect(cn.lines[1]?.note).toBe("Anna Andersson");
    expect(cn.totals.vatOre).toBe(47_500); // 1 900.01 kr × 25 % = 475.0025 → 475.00
    expect(cn.creditedInvoiceLineIds).toEqual(["3", "1"]);
  });

  it("credits a share of chosen lines (a late cancellation): the unit price rounded down, VAT per breakdown", () => {
    const cn = createCreditNoteDocument({ number: "K2026-00004", issueDate: "2026-09-20", invoice, invoiceLineIds: ["1", "3"], sharePercent: 50, reason: "Sen avbokning" });
    // 1 900.01 kr × 50 % = 950.005 → 950.00 kr; 12 000 kr × 50 % = 6 000 kr.
    expect(cn.lines.map((l) => [l.description, l.quantity, l.unitPriceOre, l.lineExclVatOre, l.vatOre])).toEqual([
      ["Föreläsning 1", 1, 95_000, 95_000, 23_750],
      ["Hela verkstaden", 1, 600_000, 600_000, 0],
    ]);
    expect(cn.totals).toMatchObject({ lineExtensionOre: 695_000, vatOre: 23_750, payableOre: 718_750 });
    expect(cn.sharePercent).toBe(50);
    expect(cn.creditedInvoiceLineIds).toEqual(["1", "3"]);
    // A whole credit states 100.
    expect(createCreditNoteDocument({ number: "K2026-00005", issueDate: "2026-09-20", invoice, reason: "Avbokning" }).sharePercent).toBe(100);
  });

  it.each<[string, Partial<Parameters<typeof createCreditNoteDocument>[0]>, InvoicingErrorCode]>([
    ["a share of 0 %", { sharePercent: 0 }, "INVALID_SHARE"],
    ["a share above 100 %", { sharePercent: 101 }, "INVALID_SHARE"],
    ["a share that is not a whole percentage", { sharePercent: 12.5 }, "INVALID_SHARE"],
    ["a share that rounds to nothing", { invoiceLineIds: ["1"], sharePercent: 1, invoice: createInvoiceDocument(invoiceInput({ lines: [line(99, 0)] })) }, "NEGATIVE_TOTAL"],
    ["a line credited before", { invoiceLineIds: ["1"], alreadyCreditedLineIds: ["1"] }, "LINE_ALREADY_CREDITED"],
    ["the same line twice", { invoiceLineIds: ["2", "2"] }, "LINE_ALREADY_CREDITED"],
    ["a line the invoice does not have", { invoiceLineIds: ["9"] }, "UNKNOWN_INVOICE_LINE"],
    ["a date before the invoice", { issueDate: "2026-09-14" }, "INVALID_DATES"],
    ["no reason", { reason: "" }, "MISSING_FIELD"],
    ["nothing to credit", { invoiceLineIds: [] }, "NO_LINES"],
  ])("refuses %s", (_name, over, code) => {
    expect(invoicingError(() => createCreditNoteDocument({ number: "K2026-00003", issueDate: "2026-09-20", invoice, reason: "Avbokning", ...over }))).toBe(code);
  });
});

describe("UBL number formats", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [100, "1.00"],
    [190_050, "1900.50"],
    [-123_456, "-1234.56"],
    [123_456_789_012, "1234567890.12"],
  ])("%i öre is %s", (ore, text) => {
    expect(formatAmount(ore)).toBe(text);
  });

  it("refuses fractions of an öre", () => {
    expect(() => formatAmount(0.1 + 0.2)).toThrow();
  });

  it.each([
    [2500, "25"],
    [1200, "12"],
    [600, "6"],
    [0, "0"],
    [1250, "12.5"],
    [705, "7.05"],
  ])("%i bp is %s %%", (bp, text) => {
    expect(formatPercent(bp)).toBe(text);
  });
});
