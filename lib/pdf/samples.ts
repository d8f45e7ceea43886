/**
 * Sample documents for looking at the PDFs (scripts/render-invoice-pdf.ts): a consolidated
 * invoice with exempt education and two VAT rates, a long one, a credit note and a refunded
 * receipt. Made with the real domain functions, so they obey every rule an issued one does.
 */
import {
  createCreditNoteDocument,
  createInvoiceDocument,
  type CreditNoteDocument,
  type InvoiceDocument,
  type InvoiceInput,
} from "@/lib/domain/invoicing/document";
import { stockholmToInstant } from "@/lib/domain/time";
import { createReceiptDocument, type ReceiptDocument } from "./receipt-pdf";

export const sampleSeller: InvoiceInput["seller"] = {
  name: "FoU Sjuhärad Välfärd",
  orgNumber: "222000-1230",
  vatNumber: "SE222000123001",
  address: { street: "Skaraborgsvägen 3", postalCode: "506 30", city: "Borås", countryCode: "SE" },
  bankgiro: "5050-1055",
  email: "fou@sjuharad.test",
  phone: "033-35 70 00",
  fTaxApproved: true,
};

export const sampleBuyer: InvoiceInput["buyer"] = {
  name: "Marks kommun",
  orgNumber: "212000-1538",
  address: { street: "Box 100, Socialförvaltningen", postalCode: "511 80", city: "Kinna", countryCode: "SE" },
};

const PACKAGE_PERIOD = { start: "2031-01-16", end: "2031-06-12" };

export function sampleInvoice(): InvoiceDocument {
  return createInvoiceDocument({
    number: "F2031-00017",
    issueDate: "2031-01-08",
    paymentTermsDays: 30,
    paymentTermsText: "30 dagar netto",
    seller: sampleSeller,
    buyer: sampleBuyer,
    buyerReference: "Socialförvaltningen Ref 8812",
    orderReference: "IO-2031-0042",
    accountingCost: "Kst 4410 Äldreomsorg",
    lines: [
      { description: "Förbättringsverkstad 2030/31, hela verkstaden (medlemspris)", note: "Deltagare: Anna Andersson", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0, period: PACKAGE_PERIOD },
      { description: "Förbättringsverkstad 2030/31, hela verkstaden (medlemspris)", note: "Deltagare: Björn Öberg", quantity: 1, unitPriceOre: 1_200_000, vatRateBp: 0, period: PACKAGE_PERIOD, accountingCost: "Kst 4420 Hemtjänst" },
      { description: "Föreläsning: Tillit & styrning i vardagen", note: "Deltagare: Cecilia Åkesson", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0, period: { start: "2031-02-06", end: "2031-02-06" } },
      { description: "Kursdokumentation, tryckt", note: "Deltagare: Anna Andersson, Björn Öberg", quantity: 2, unitPriceOre: 34_950, vatRateBp: 2500 },
      { description: "Kursbok: Förbättringskunskap i praktiken", quantity: 3, unitPriceOre: 29_900, vatRateBp: 600 },
    ],
  });
}

/** An invoice of `count` lecture places, to see the page breaks. */
export function sampleLongInvoice(count = 300): InvoiceDocument {
  return createInvoiceDocument({
    number: "F2031-00018",
    issueDate: "2031-01-08",
    paymentTermsDays: 30,
    paymentTermsText: "30 dagar netto",
    seller: sampleSeller,
    buyer: { ...sampleBuyer, name: "Göteborgs Stad", orgNumber: "212000-1355" },
    buyerReference: "SDF Centrum 4471",
    lines: Array.from({ length: count }, (_, i) => ({
      description: `Föreläsning ${(i % 6) + 1}: Att leda förbättringsarbete`,
      note: `Deltagare: Deltagare ${String(i + 1).padStart(3, "0")} Svensson`,
      quantity: 1,
      unitPriceOre: 190_000,
      vatRateBp: i % 10 === 0 ? 2500 : 0,
      period: { start: "2031-02-06", end: "2031-02-06" },
    })),
  });
}

export function sampleCreditNote(invoice: InvoiceDocument = sampleInvoice()): CreditNoteDocument {
  return createCreditNoteDocument({
    number: "K2031-00003",
    issueDate: "2031-01-20",
    invoice,
    invoiceLineIds: ["3"],
    reason: "Avbokning av Föreläsning: Tillit & styrning i vardagen för Cecilia Åkesson, gjord 2031-01-19 (före sista avbokningsdag).",
  });
}

export function sampleReceipt(): ReceiptDocument {
  return createReceiptDocument({
    number: "V-2031-000123",
    paidAt: stockholmToInstant("2031-01-08", "14:32"),
    seller: {
      name: sampleSeller.name,
      orgNumber: "2220001230",
      vatNumber: sampleSeller.vatNumber,
      address: sampleSeller.address,
      email: sampleSeller.email,
      phone: "033-35 70 00",
      fTaxApproved: true,
    },
    payer: { name: "Anna Andersson", email: "anna.andersson@mark.test" },
    lines: [
      { description: "Föreläsning: Att leda förbättringsarbete", participant: "Anna Andersson", quantity: 1, unitPriceOre: 240_000, vatRateBp: 0, lineExclVatOre: 240_000, vatOre: 0 },
      { description: "Föreläsning: Tillit & styrning i vardagen", participant: "Anna Andersson", quantity: 1, unitPriceOre: 240_000, vatRateBp: 0, lineExclVatOre: 240_000, vatOre: 0 },
      { description: "Kursbok: Förbättringskunskap i praktiken", quantity: 1, unitPriceOre: 29_900, vatRateBp: 600, lineExclVatOre: 29_900, vatOre: 1_794 },
    ],
    paidOre: 511_694,
    refunds: [{ date: "2031-01-20", amountOre: 240_000 }],
  });
}
