/**
 * The invoice, credit note and receipt PDFs, read back the way a person's PDF reader does:
 * poppler's pdftotext (-layout) and pdfinfo on the bytes. What mervärdesskattelagen 17 kap. 24 §
 * asks of an invoice must be there (number, dates, both parties, VAT number, lines, VAT per rate,
 * total), plus what a Swedish public buyer pays with (bankgiro, due date, reference, their
 * reference and cost centre). poppler-utils is required: CI installs it (.ci/run); without it
 * these tests fail, they are never skipped.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  createCreditNoteDocument,
  createInvoiceDocument,
  type InvoiceDocument,
  type InvoiceInput,
} from "@/lib/domain/invoicing";
import { formatAmount, formatBankgiro, formatMoney, pdfText, safeFileName } from "@/lib/pdf/format";
import { renderCreditNotePdf, renderInvoicePdf } from "@/lib/pdf/invoice-pdf";
import { createReceiptDocument, renderReceiptPdf, type ReceiptInput } from "@/lib/pdf/receipt-pdf";
import { parseStoredCreditNoteDocument, parseStoredInvoiceDocument, StoredDocumentError } from "@/lib/pdf/stored-document";

function poppler(tool: "pdftotext" | "pdfinfo", args: string[], pdf: Buffer): string {
  const r = spawnSync(tool, args, { input: pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(`${tool} is not installed: these tests need poppler-utils (apt-get install poppler-utils; CI installs it in .ci/run)`);
  }
  if (r.error || r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** The text of each page (pdftotext ends every page with a form feed), non-breaking spaces as spaces. */
function pages(pdf: Buffer): string[] {
  const text = poppler("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], pdf).replaceAll("\u00a0", " ");
  return text.split("\f").slice(0, -1);
}

/** All pages with every run of white space made one space: rows of the layout become one line each. */
const squash = (text: string) => text.replace(/[ \t]+/g, " ");

function info(pdf: Buffer): Record<string, string> {
  return Object.fromEntries(
    poppler("pdfinfo", ["-isodates", "-"], pdf)
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

const seller: InvoiceInput["seller"] = {
  name: "FoU Sjuhärad Välfärd",
  orgNumber: "222000-1230",
  vatNumber: "SE222000123001",
  address: { street: "Skaraborgsvägen 3", postalCode: "506 30", city: "Borås", countryCode: "SE" },
  bankgiro: "5050-1055",
  email: "fou@sjuharad.test",
  phone: "033-35 70 00",
  fTaxApproved: true,
};

const buyer: InvoiceInput["buyer"] = {
  name: "Borås Stad",
  orgNumber: "2120001561",
  address: { street: "Box 100", postalCode: "501 80", city: "Borås", countryCode: "SE" },
};

const LECTURE_DAY = { start: "2031-02-06", end: "2031-02-06" };
const PACKAGE_PERIOD = { start: "2031-01-16", end: "2031-06-12" };

function invoice(over: Partial<InvoiceInput> = {}): InvoiceDocument {
  return createInvoiceDocument({
    number: "F2031-00017",
    issueDate: "2031-01-08",
    paymentTermsDays: 30,
    paymentTermsText: "30 dagar netto",
    seller,
    buyer,
    buyerReference: "Socialförvaltningen Ref 8812",
    orderReference: "IO-2031-0042",
    accountingCost: "Kst 4410 Äldreomsorg",
    lines: [
      { description: "Hela verkstaden 2030/31 (medlemspris)", note: "Deltagare: Anna Andersson", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0, period: PACKAGE_PERIOD },
      { description: "Föreläsning: Tillit & styrning", note: "Deltagare: Björn Öberg", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0, period: LECTURE_DAY, accountingCost: "Kst 4420 Hemtjänst" },
      { description: "Kursdokumentation, tryckt", note: "Deltagare: Anna Andersson, Björn Öberg", quantity: 2, unitPriceOre: 34_950, vatRateBp: 2500 },
      { description: "Kursbok: Förbättringskunskap i praktiken", quantity: 3, unitPriceOre: 29_900, vatRateBp: 600 },
    ],
    ...over,
  });
}

describe("formatting for the PDFs", () => {
  it("writes amounts with öre, Swedish or English style, and the bankgiro with its hyphen", () => {
    expect(formatAmount(190_000, "sv").replaceAll("\u00a0", " ")).toBe("1 900,00");
    expect(formatAmount(123_456_789, "sv").replaceAll("\u00a0", " ")).toBe("1 234 567,89");
    expect(formatMoney(190_000, "sv")).toBe("1\u00a0900,00\u00a0kr");
    expect(formatMoney(190_000, "en")).toBe("SEK\u00a01,900.00");
    expect(pdfText(formatAmount(-190_000, "sv"))).toBe("-1\u00a0900,00");
    expect(formatBankgiro("50501055")).toBe("5050-1055");
    expect(formatBankgiro("1234567")).toBe("123-4567");
  });

  it("keeps å ä ö and other WinAnsi letters, and strips only accents the standard fonts lack", () => {
    expect(pdfText("Åsa Öberg-Ängström, Ærø, Müller, François")).toBe("Åsa Öberg-Ängström, Ærø, Müller, François");
    expect(pdfText("Łukasz Żółć, Nguyễn, Şahin\nrad två")).toBe("Lukasz Zólc, Nguyen, Sahin rad två");
    expect(pdfText("日本")).toBe("??");
    expect(safeFileName("F2031-00017", "pdf")).toBe("F2031-00017.pdf");
    expect(safeFileName('kvitto-V-2031-000123"; x=1', "pdf")).toBe("kvitto-V-2031-000123-x-1.pdf");
  });
});

describe("the invoice PDF", () => {
  it("shows everything a Swedish invoice must, with amounts and VAT per rate", async () => {
    const doc = invoice();
    expect(doc.totals.payableOre).toBe(1_572_457);
    const text = pages(await renderInvoicePdf(doc, "sv"));
    expect(text).toHaveLength(1);
    const page = squash(text[0]!);

    expect(page).toMatch(/Faktura\n/);
    expect(page).toContain("Nr F2031-00017");
    expect(page).toMatch(/FAKTURANUMMER FAKTURADATUM FÖRFALLODATUM BETALNINGSVILLKOR\n F2031-00017 2031-01-08 2031-02-07 30 dagar netto/);
    // Seller: name, address, organisation and VAT numbers, F-tax; buyer: name, address, org number.
    for (const s of ["FoU Sjuhärad Välfärd", "Skaraborgsvägen 3", "506 30 Borås", "Org.nr 222000-1230", "Momsreg.nr SE222000123001", "Godkänd för F-skatt"]) {
      expect(page).toContain(s);
    }
    for (const s of ["Borås Stad", "Box 100", "501 80 Borås", "Org.nr 212000-1561"]) expect(page).toContain(s);
    // The buyer's reference (wrapped within its cell), cost centre and order number.
    expect(page).toMatch(/ER REFERENS KOSTNADSSTÄLLE ERT ORDERNUMMER ATT BETALA\n Socialförvaltningen Ref Kst 4410 Äldreomsorg IO-2031-0042 15 724,57 kr\n 8812\n/);
    // Lines: description, quantity, unit price, rate, amount; participant, date of supply and line cost centre below.
    expect(page).toMatch(/Hela verkstaden 2030\/31 \(medlemspris\) 1 12 000,00 Momsfri 12 000,00\n Deltagare: Anna Andersson · Period: 2031-01-16 – 2031-06-12/);
    expect(page).toMatch(/Föreläsning: Tillit & styrning 1 1 900,00 Momsfri 1 900,00\n Deltagare: Björn Öberg · Datum: 2031-02-06 ·\n Kostnadsställe: Kst 4420 Hemtjänst\n/);
    expect(page).toMatch(/Kursdokumentation, tryckt 2 349,50 25 ?% 699,00\n Deltagare: Anna Andersson, Björn Öberg/);
    expect(page).toMatch(/Kursbok: Förbättringskunskap i praktiken 3 299,00 6 ?% 897,00/);
    // VAT per rate (taxable amount and VAT), the exemption reason, totals.
    expect(page).toMatch(/25 ?% 699,00 kr 174,75 kr/);
    expect(page).toMatch(/6 ?% 897,00 kr 53,82 kr/);
    expect(page).toMatch(/Momsfri 13 900,00 kr 0,00 kr/);
    expect(page).toContain("Undantagen från skatteplikt: utbildning (artikel 132.1 i i mervärdesskattedirektivet");
    expect(page).toMatch(/Summa exkl\. moms 15 496,00 kr/);
    expect(page).toMatch(/Moms 228,57 kr/);
    expect(page).toMatch(/Att betala 15 724,57 kr/);
    // How to pay.
    expect(page).toMatch(/BANKGIRO FÖRFALLODATUM BETALNINGSREFERENS ATT BETALA\n 5050-1055 2031-02-07 F2031-00017 15 724,57 kr/);
    expect(page).toContain("Betala till bankgiro 5050-1055 senast 2031-02-07. Ange F2031-00017 som referens när du betalar.");
    expect(page).toContain("Sida 1 av 1");
  });

  it("states F-tax only for a seller approved for it", async () => {
    const page = pages(await renderInvoicePdf(invoice({ seller: { ...seller, fTaxApproved: false } }), "sv")).join("");
    expect(page).not.toContain("F-skatt");
    expect(page).toContain("Momsreg.nr SE222000123001");
  });

  it("leaves out the cost centre and order number when the buyer gave none", async () => {
    const page = pages(await renderInvoicePdf(invoice({ accountingCost: null, orderReference: null }), "sv")).join("");
    expect(page).not.toContain("KOSTNADSSTÄLLE");
    expect(page).not.toContain("ERT ORDERNUMMER");
    expect(page).toContain("Socialförvaltningen Ref");
  });

  it("is written in English for an English reader, with the F-tax statement kept in Swedish", async () => {
    const page = squash(pages(await renderInvoicePdf(invoice(), "en"))[0]!);
    expect(page).toMatch(/Invoice\n/);
    expect(page).toContain("No. F2031-00017");
    expect(page).toMatch(/INVOICE NUMBER INVOICE DATE DUE DATE PAYMENT TERMS\n F2031-00017 2031-01-08 2031-02-07 30 days net/);
    expect(page).toContain("Godkänd för F-skatt (approved for F-tax)");
    expect(page).toContain("VAT no. SE222000123001");
    expect(page).toMatch(/Exempt SEK 13,900.00 SEK 0.00/);
    expect(page).toContain("Exempt from VAT: education (Article 132(1)(i) of the VAT Directive 2006/112/EC)");
    expect(page).toMatch(/Amount due SEK 15,724.57/);
    expect(page).toContain("Page 1 of 1");
  });

  it("carries its title, author and language, and gives the same bytes for the same document", async () => {
    const doc = invoice();
    const pdf = await renderInvoicePdf(doc, "sv");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const meta = info(pdf);
    expect(meta.Title).toBe("Faktura F2031-00017");
    expect(meta.Author).toBe("FoU Sjuhärad Välfärd");
    expect(meta.Subject).toBe("Faktura F2031-00017 till Borås Stad");
    expect(meta["Page size"]).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    // Midnight of the issue date in Stockholm (UTC+1 in January).
    expect(meta.CreationDate).toBe("2031-01-07T23:00:00Z");
    expect(pdf.toString("latin1")).toContain("/Lang (sv-SE)");
    expect((await renderInvoicePdf(doc, "sv")).equals(pdf)).toBe(true);
    expect((await renderInvoicePdf(doc, "en")).toString("latin1")).toContain("/Lang (en-GB)");
  });

  it("breaks a 300-line invoice over pages, repeating the header and the table head, with page numbers", async () => {
    const names = Array.from({ length: 300 }, (_, i) => `Deltagare ${String(i + 1).padStart(3, "0")} Łukasiewicz`);
    const doc = invoice({
      number: "F2031-00300",
      lines: names.map((name, i) => ({
        description: `Föreläsning ${(i % 6) + 1}: Att leda förbättringsarbete`,
        note: `Deltagare: ${name}`,
        quantity: 1,
        unitPriceOre: 190_000,
        vatRateBp: i % 10 === 0 ? 2500 : 0,
        period: LECTURE_DAY,
      })),
    });
    expect(doc.totals.payableOre).toBe(300 * 190_000 + 30 * 47_500);
    const pdf = await renderInvoicePdf(doc, "sv");
    const text = pages(pdf);
    const n = text.length;
    expect(n).toBeGreaterThan(10);
    expect(info(pdf).Pages).toBe(String(n));
    text.forEach((page, i) => {
      expect(page).toMatch(/^FoU Sjuhärad Välfärd +Faktura\n/);
      expect(page).toContain("Nr F2031-00300");
      expect(squash(page)).toMatch(/Beskrivning Antal À-pris exkl\. moms Moms Belopp exkl\. moms/);
      expect(page).toContain(`Sida ${i + 1} av ${n}`);
      expect(page).toContain("Org.nr 222000-1230");
    });
    // Every participant once, in order (the Polish ł drawn as l), nobody cut off at a page break.
    const all = text.join("");
    const shown = [...all.matchAll(/Deltagare: (Deltagare \d{3} Lukasiewicz)/g)].map((m) => m[1]);
    expect(shown).toEqual(names.map((name) => name.replace("Ł", "L")));
    // Parties and facts only on page 1; the totals and payment only on the last page.
    expect(text[0]).toContain("KÖPARE");
    expect(text[1]).not.toContain("KÖPARE");
    expect(squash(text[n - 1]!)).toMatch(/Att betala 584 250,00 kr/);
    expect(squash(text[n - 1]!)).toMatch(/25 ?% 57 000,00 kr 14 250,00 kr/);
    expect(squash(text[n - 1]!)).toMatch(/Momsfri 513 000,00 kr 0,00 kr/);
    expect(text.slice(1, -1).join("")).not.toContain("Att betala");
  });
});

describe("the credit note PDF", () => {
  it("is a Kreditfaktura that names the invoice it credits, with its date, the reason and the amount", async () => {
    const credited = invoice();
    const doc = createCreditNoteDocument({
      number: "K2031-00003",
      issueDate: "2031-01-20",
      invoice: credited,
      invoiceLineIds: ["2", "3"],
      reason: "Avbokning av Föreläsning: Tillit & styrning för Björn Öberg",
    });
    const pdf = await renderCreditNotePdf(doc, "sv");
    const page = squash(pages(pdf)[0]!);
    expect(page).toMatch(/Kreditfaktura\n/);
    expect(page).toContain("Nr K2031-00003");
    expect(page).toMatch(/KREDITFAKTURANUMMER DATUM KREDITERAR FAKTURA FAKTURANS DATUM\n K2031-00003 2031-01-20 F2031-00017 2031-01-08/);
    expect(page).toContain("Orsak: Avbokning av Föreläsning: Tillit & styrning för Björn Öberg");
    expect(page).toContain("Godkänd för F-skatt");
    expect(page).toContain("Org.nr 212000-1561");
    expect(page).toMatch(/ER REFERENS KOSTNADSSTÄLLE ATT KREDITERA\n Socialförvaltningen Ref Kst 4410 Äldreomsorg 2 773,75 kr/);
    expect(page).toMatch(/25 ?% 699,00 kr 174,75 kr/);
    expect(page).toMatch(/Att kreditera 2 773,75 kr/);
    expect(page).toContain("Kreditfakturan gäller faktura F2031-00017 daterad 2031-01-08 och minskar beloppet att betala med 2 773,75 kr.");
    expect(page).not.toContain("Kursbok");
    expect(page).not.toContain("BANKGIRO\n");
    expect(info(pdf).Title).toBe("Kreditfaktura K2031-00003");

    const en = squash(pages(await renderCreditNotePdf(doc, "en"))[0]!);
    expect(en).toMatch(/Credit note\n/);
    expect(en).toMatch(/Amount credited SEK 2,773.75/);
  });
});

describe("the receipt PDF", () => {
  const input: ReceiptInput = {
    number: "V-2031-000123",
    // 13:32 UTC is 14:32 in Stockholm in January.
    paidAt: new Date("2031-01-08T13:32:00Z"),
    seller: {
      name: "FoU Sjuhärad Välfärd",
      orgNumber: "222000-1230",
      vatNumber: "SE222000123001",
      address: seller.address,
      email: "fou@sjuharad.test",
      fTaxApproved: true,
    },
    payer: { name: "Anna Andersson", email: "anna@kommun.test" },
    lines: [
      { description: "Föreläsning: Att leda förbättringsarbete", participant: "Anna Andersson", quantity: 1, unitPriceOre: 240_000, vatRateBp: 0, lineExclVatOre: 240_000, vatOre: 0 },
      { description: "Kursbok", quantity: 2, unitPriceOre: 29_950, vatRateBp: 2500, lineExclVatOre: 59_900, vatOre: 14_975 },
    ],
    paidOre: 314_875,
    refunds: [],
  };

  it("shows seller, receipt number, Stockholm time of payment, payer, card via Stripe, VAT per rate and total", async () => {
    const receipt = createReceiptDocument(input);
    expect(receipt.totals).toEqual({ exclVatOre: 299_900, vatOre: 14_975, inclVatOre: 314_875 });
    const pdf = await renderReceiptPdf(receipt, "sv");
    const page = squash(pages(pdf)[0]!);
    expect(page).toMatch(/Kvitto\n/);
    expect(page).toMatch(/KVITTONUMMER BETALD DEN BETALSÄTT BETALT BELOPP\n V-2031-000123 2031-01-08 kl\. 14\.32 Kort \(via Stripe\) 3 148,75 kr/);
    for (const s of ["Org.nr 222000-1230", "Momsreg.nr SE222000123001", "Anna Andersson", "anna@kommun.test", "Deltagare: Anna Andersson"]) {
      expect(page).toContain(s);
    }
    expect(page).toMatch(/Kursbok 2 299,50 25 ?% 599,00/);
    expect(page).toMatch(/25 ?% 599,00 kr 149,75 kr/);
    expect(page).toMatch(/Momsfri 2 400,00 kr 0,00 kr/);
    expect(page).toMatch(/Betalt belopp 3 148,75 kr/);
    expect(page).not.toContain("Återbetal");
    expect(info(pdf).CreationDate).toBe("2031-01-08T13:32:00Z");
  });

  it("lists refunds to the card and what remains paid", async () => {
    const receipt = createReceiptDocument({ ...input, refunds: [{ date: "2031-01-20", amountOre: 240_000 }] });
    expect(receipt.refundedOre).toBe(240_000);
    const page = squash(pages(await renderReceiptPdf(receipt, "en"))[0]!);
    expect(page).toMatch(/Receipt\n/);
    expect(page).toContain("2031-01-08 at 14:32");
    expect(page).toMatch(/REFUNDED 2031-01-20 TOTAL REFUNDED PAID AFTER REFUNDS\n SEK 2,400.00 SEK 2,400.00 SEK 748.75/);
  });
});

describe("the stored documents", () => {
  it("reads back what was stored as JSON, and refuses a malformed one", () => {
    const doc = invoice();
    expect(parseStoredInvoiceDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    const credit = createCreditNoteDocument({ number: "K2031-00001", issueDate: "2031-01-09", invoice: doc, reason: "Fel pris" });
    expect(parseStoredCreditNoteDocument(JSON.parse(JSON.stringify(credit)))).toEqual(credit);
    expect(() => parseStoredInvoiceDocument(JSON.parse(JSON.stringify(credit)))).toThrow(StoredDocumentError);
    expect(() => parseStoredInvoiceDocument({ ...doc, totals: { ...doc.totals, payableOre: "1 478,69" } })).toThrow(/payableOre/);
    expect(() => parseStoredInvoiceDocument({ ...doc, lines: [] })).toThrow(StoredDocumentError);
  });
});
