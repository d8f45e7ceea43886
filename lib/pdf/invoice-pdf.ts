/**
 * The invoice and the credit note as PDFs for people, drawn from the frozen documents of
 * lib/domain/invoicing (the same data as the Peppol UBL). What a Swedish invoice must state,
 * mervärdesskattelagen (2023:200) 17 kap. 24 §: issue date, a unique number, the seller's VAT
 * number, seller's and buyer's names and addresses, what was supplied and how much, the date of
 * supply (the line's day or period), the price excluding VAT, the VAT rate, the VAT per rate and
 * the amount to pay; for exempt supplies the reason (17 kap. 24 § p. 10). Besides: "Godkänd för
 * F-skatt", the organisation numbers, bankgiro, due date and terms, the payment reference, the
 * buyer's reference and cost centre, and who took part (the line notes). A credit note states
 * which invoice it credits (17 kap. 22 §) and why.
 */
import type { CreditNoteDocument, DocumentLine, InvoiceDocument, PostalAddress } from "@/lib/domain/invoicing/document";
import { formatOrgNumber } from "@/lib/domain/invoicing/org-number";
import { EDUCATION_EXEMPTION, type VatBreakdownEntry } from "@/lib/domain/invoicing/vat";
import type { AppLocale } from "@/lib/domain/money";
import { startOfStockholmDay } from "@/lib/domain/time";
import { formatAmount, formatBankgiro, formatMoney, formatRateNumber } from "./format";
import { pdfTranslator, type PdfTranslator } from "./messages";
import { renderPdf, type LabelledValue, type PdfLanguage, type PdfLine, type PdfModel } from "./render";

export const PDF_LANGUAGE: Record<AppLocale, PdfLanguage> = { sv: "sv-SE", en: "en-GB" };

/** "212000-1561"; a stored number that does not parse is shown as it is rather than failing the PDF. */
export function orgNumberText(orgNumber: string): string {
  try {
    return formatOrgNumber(orgNumber);
  } catch {
    return orgNumber;
  }
}

export function addressLines(address: PostalAddress): string[] {
  const lines = [address.street, `${address.postalCode} ${address.city}`];
  if (address.countryCode !== "SE") lines.push(address.countryCode);
  return lines;
}

export function vatRateText(rateBp: number, locale: AppLocale, t: PdfTranslator): string {
  return rateBp === 0 ? t("vatExempt") : t("vatRate", { rate: formatRateNumber(rateBp, locale) });
}

/** The exemption reason as issued; in English the standard education text is translated. */
export function exemptionText(entry: Pick<VatBreakdownEntry, "exemption">, locale: AppLocale, t: PdfTranslator): string | undefined {
  const exemption = entry.exemption;
  if (!exemption) return undefined;
  if (locale === "en" && exemption.code === EDUCATION_EXEMPTION.code && exemption.text === EDUCATION_EXEMPTION.text) {
    return t("educationExemption");
  }
  return exemption.text;
}

type Seller = InvoiceDocument["seller"];

export function sellerParty(seller: Pick<Seller, "name" | "address" | "orgNumber" | "vatNumber" | "fTaxApproved">, t: PdfTranslator) {
  return {
    heading: t("seller"),
    lines: [
      seller.name,
      ...addressLines(seller.address),
      `${t("orgNumber")} ${orgNumberText(seller.orgNumber)}`,
      `${t("vatNumber")} ${seller.vatNumber}`,
      ...(seller.fTaxApproved ? [t("fTax")] : []),
    ],
  };
}

export function sellerFooter(
  seller: Pick<Seller, "name" | "address" | "orgNumber" | "vatNumber" | "email" | "phone"> & { bankgiro?: string; fTaxApproved?: boolean },
  t: PdfTranslator,
): string[][] {
  return [
    [seller.name, ...addressLines(seller.address)],
    [`${t("orgNumber")} ${orgNumberText(seller.orgNumber)}`, `${t("vatNumber")} ${seller.vatNumber}`, ...(seller.fTaxApproved ? [t("fTax")] : [])],
    [
      `${t("email")}: ${seller.email}`,
      ...(seller.phone ? [`${t("phone")}: ${seller.phone}`] : []),
      ...(seller.bankgiro ? [`${t("bankgiro")}: ${formatBankgiro(seller.bankgiro)}`] : []),
    ],
  ];
}

function lineOf(line: DocumentLine, locale: AppLocale, t: PdfTranslator): PdfLine {
  const details: string[] = line.note ? [line.note] : [];
  if (line.period) {
    details.push(
      line.period.start === line.period.end
        ? t("lineDate", { date: line.period.start })
        : t("linePeriod", { start: line.period.start, end: line.period.end }),
    );
  }
  if (line.accountingCost) details.push(t("lineCostCentre", { costCentre: line.accountingCost }));
  // A date, period or cost centre never breaks inside itself, only between the items.
  for (let i = line.note ? 1 : 0; i < details.length; i++) details[i] = details[i]!.replaceAll(" ", "\u00a0");
  return {
    description: line.description,
    // Participant, day of supply and cost centre on one small line (wrapped when long): a
    // 300-participant invoice stays readable without doubling its pages.
    details: details.length ? [details.join("  ·  ")] : [],
    quantity: String(line.quantity),
    unitPrice: formatAmount(line.unitPriceOre, locale),
    vat: vatRateText(line.vatRateBp, locale, t),
    amount: formatAmount(line.lineExclVatOre, locale),
  };
}

function commonModel(doc: InvoiceDocument | CreditNoteDocument, locale: AppLocale, t: PdfTranslator) {
  return {
    seller: { name: doc.seller.name, addressLine: addressLines(doc.seller.address).join(", ") },
    parties: [
      sellerParty(doc.seller, t),
      { heading: t("buyer"), lines: [doc.buyer.name, ...addressLines(doc.buyer.address), `${t("orgNumber")} ${orgNumberText(doc.buyer.orgNumber)}`] },
    ],
    columns: {
      description: t("colDescription"),
      quantity: t("colQuantity"),
      unitPrice: t("colUnitPrice"),
      vat: t("colVat"),
      amount: t("colAmount"),
    },
    lines: doc.lines.map((l) => lineOf(l, locale, t)),
    vatBreakdown: {
      heading: t("vatBreakdown"),
      columns: { rate: t("vatColRate"), taxable: t("vatColTaxable"), vat: t("vatColVat") },
      rows: doc.vatBreakdown.map((b) => {
        const note = exemptionText(b, locale, t);
        return {
          rate: vatRateText(b.category === "E" ? 0 : b.rateBp, locale, t),
          taxable: formatMoney(b.taxableOre, locale),
          vat: formatMoney(b.vatOre, locale),
          ...(note ? { note } : {}),
        };
      }),
    },
    footer: sellerFooter(doc.seller, t),
    pageLabel: (page: number, pages: number) => t("page", { page, pages }),
  };
}

function referenceFacts(doc: InvoiceDocument | CreditNoteDocument, t: PdfTranslator): LabelledValue[] {
  return [
    { label: t("buyerReference"), value: doc.buyerReference },
    ...(doc.accountingCost ? [{ label: t("costCentre"), value: doc.accountingCost }] : []),
  ];
}

export function invoicePdfModel(doc: InvoiceDocument, locale: AppLocale): PdfModel {
  const t = pdfTranslator(locale);
  const title = t("invoiceTitle");
  const due = formatMoney(doc.totals.payableOre, locale);
  return {
    info: {
      title: `${title} ${doc.number}`,
      author: doc.seller.name,
      subject: t("documentSubjectInvoice", { number: doc.number, buyer: doc.buyer.name }),
      created: startOfStockholmDay(doc.issueDate),
      language: PDF_LANGUAGE[locale],
    },
    title,
    numberLine: t("numberShort", { number: doc.number }),
    ...commonModel(doc, locale, t),
    facts: [
      { label: t("invoiceNumber"), value: doc.number },
      { label: t("invoiceDate"), value: doc.issueDate },
      { label: t("dueDate"), value: doc.dueDate },
      { label: t("paymentTerms"), value: locale === "sv" ? doc.paymentTermsText : t("paymentTermsDays", { days: String(doc.paymentTermsDays) }) },
      ...referenceFacts(doc, t),
      ...(doc.orderReference ? [{ label: t("orderReference"), value: doc.orderReference }] : []),
      { label: t("amountDue"), value: due, strong: true },
    ],
    notes: doc.note ? [{ label: t("note"), value: doc.note }] : [],
    totals: [
      { label: t("sumExclVat"), value: formatMoney(doc.totals.taxExclusiveOre, locale) },
      { label: t("sumVat"), value: formatMoney(doc.totals.vatOre, locale) },
      { label: t("amountDue"), value: due, strong: true },
    ],
    closing: {
      heading: t("paymentHeading"),
      facts: [
        { label: t("bankgiro"), value: formatBankgiro(doc.seller.bankgiro) },
        { label: t("dueDate"), value: doc.dueDate },
        { label: t("paymentReference"), value: doc.paymentReference },
        { label: t("amountDue"), value: due, strong: true },
      ],
      text: t("paymentInstruction", { bankgiro: formatBankgiro(doc.seller.bankgiro), dueDate: doc.dueDate, reference: doc.paymentReference }),
    },
  };
}

export function creditNotePdfModel(doc: CreditNoteDocument, locale: AppLocale): PdfModel {
  const t = pdfTranslator(locale);
  const title = t("creditNoteTitle");
  const credited = formatMoney(doc.totals.payableOre, locale);
  const invoice = doc.invoiceReference;
  return {
    info: {
      title: `${title} ${doc.number}`,
      author: doc.seller.name,
      subject: t("documentSubjectCreditNote", { number: doc.number, buyer: doc.buyer.name, invoice: invoice.number }),
      created: startOfStockholmDay(doc.issueDate),
      language: PDF_LANGUAGE[locale],
    },
    title,
    numberLine: t("numberShort", { number: doc.number }),
    ...commonModel(doc, locale, t),
    facts: [
      { label: t("creditNoteNumber"), value: doc.number },
      { label: t("creditNoteDate"), value: doc.issueDate },
      { label: t("creditedInvoice"), value: invoice.number },
      { label: t("creditedInvoiceDate"), value: invoice.issueDate },
      ...(doc.sharePercent !== undefined && doc.sharePercent < 100
        ? [{ label: t("creditedShare"), value: t("vatRate", { rate: String(doc.sharePercent) }) }]
        : []),
      ...referenceFacts(doc, t),
      { label: t("amountCredited"), value: credited, strong: true },
    ],
    notes: [{ label: t("reason"), value: doc.reason }],
    totals: [
      { label: t("sumExclVat"), value: formatMoney(doc.totals.taxExclusiveOre, locale) },
      { label: t("sumVat"), value: formatMoney(doc.totals.vatOre, locale) },
      { label: t("amountCredited"), value: credited, strong: true },
    ],
    closing: {
      heading: `${t("creditedInvoice")} ${invoice.number}`,
      facts: [],
      text: t("creditInfo", { number: invoice.number, date: invoice.issueDate, amount: credited }),
    },
  };
}

export function renderInvoicePdf(doc: InvoiceDocument, locale: AppLocale): Promise<Buffer> {
  return renderPdf(invoicePdfModel(doc, locale));
}

export function renderCreditNotePdf(doc: CreditNoteDocument, locale: AppLocale): Promise<Buffer> {
  return renderPdf(creditNotePdfModel(doc, locale));
}
