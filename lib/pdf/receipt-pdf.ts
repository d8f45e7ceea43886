/**
 * The receipt of a card payment (Stripe Checkout) as a PDF: who sold (name, organisation and VAT
 * number, address), the receipt number (the order's reference), when it was paid (Stockholm time),
 * who paid, what was bought with its VAT rate, the VAT per rate, the totals, and any refunds to
 * the card. Amounts are those charged: the order lines' snapshot prices and VAT (lib/domain/pricing).
 */
import type { PostalAddress } from "@/lib/domain/invoicing/document";
import { EDUCATION_EXEMPTION } from "@/lib/domain/invoicing/vat";
import { assertOre, type AppLocale, type Ore } from "@/lib/domain/money";
import { formatStockholmTime, toStockholmDate, type LocalDate } from "@/lib/domain/time";
import { formatAmount, formatMoney } from "./format";
import { addressLines, exemptionText, PDF_LANGUAGE, sellerFooter, sellerParty, vatRateText } from "./invoice-pdf";
import { pdfTranslator } from "./messages";
import { renderPdf, type LabelledValue, type PdfModel } from "./render";

export type ReceiptLine = {
  readonly description: string;
  /** Who the line is for, when it is a person's place. */
  readonly participant?: string;
  /** Negative for a credit line (an upgrade's already paid lectures). */
  readonly quantity: number;
  readonly unitPriceOre: Ore;
  readonly vatRateBp: number;
  readonly lineExclVatOre: Ore;
  readonly vatOre: Ore;
};

export type ReceiptVatEntry = { readonly rateBp: number; readonly taxableOre: Ore; readonly vatOre: Ore };

export type ReceiptRefund = { readonly date: LocalDate; readonly amountOre: Ore };

export type ReceiptDocument = {
  /** The order's reference, e.g. "V-2026-000123". */
  readonly number: string;
  readonly paidAt: Date;
  readonly seller: {
    readonly name: string;
    readonly orgNumber: string;
    readonly vatNumber: string;
    readonly address: PostalAddress;
    readonly email: string;
    readonly phone?: string;
    readonly fTaxApproved: boolean;
  };
  readonly payer: { readonly name: string | null; readonly email: string };
  readonly paymentMethod: "CARD_STRIPE";
  readonly lines: readonly ReceiptLine[];
  /** One entry per rate, highest first; rate 0 is exempt education. */
  readonly vatBreakdown: readonly ReceiptVatEntry[];
  readonly totals: { readonly exclVatOre: Ore; readonly vatOre: Ore; readonly inclVatOre: Ore };
  /** What the card was charged. */
  readonly paidOre: Ore;
  /** Refunds that went through, oldest first. */
  readonly refunds: readonly ReceiptRefund[];
  readonly refundedOre: Ore;
};

export type ReceiptInput = Omit<ReceiptDocument, "vatBreakdown" | "totals" | "refundedOre" | "paymentMethod">;

/** The receipt with its VAT per rate and totals summed from the lines as they were charged. */
export function createReceiptDocument(input: ReceiptInput): ReceiptDocument {
  const byRate = new Map<number, { taxableOre: Ore; vatOre: Ore }>();
  for (const line of input.lines) {
    const entry = byRate.get(line.vatRateBp) ?? { taxableOre: 0, vatOre: 0 };
    entry.taxableOre = assertOre(entry.taxableOre + line.lineExclVatOre);
    entry.vatOre = assertOre(entry.vatOre + line.vatOre);
    byRate.set(line.vatRateBp, entry);
  }
  const vatBreakdown = [...byRate.entries()].sort(([a], [b]) => b - a).map(([rateBp, e]) => ({ rateBp, ...e }));
  const exclVatOre = vatBreakdown.reduce((s, e) => s + e.taxableOre, 0);
  const vatOre = vatBreakdown.reduce((s, e) => s + e.vatOre, 0);
  return {
    ...input,
    paymentMethod: "CARD_STRIPE",
    vatBreakdown,
    totals: { exclVatOre, vatOre, inclVatOre: exclVatOre + vatOre },
    refundedOre: input.refunds.reduce((s, r) => s + r.amountOre, 0),
  };
}

export function receiptPdfModel(receipt: ReceiptDocument, locale: AppLocale): PdfModel {
  const t = pdfTranslator(locale);
  const title = t("receiptTitle");
  const paid = formatMoney(receipt.paidOre, locale);
  const paidAt = t("paidAtValue", { date: toStockholmDate(receipt.paidAt), time: formatStockholmTime(receipt.paidAt, locale) });
  const { seller } = receipt;
  const exemption = receipt.vatBreakdown.some((e) => e.rateBp === 0) ? exemptionText({ exemption: EDUCATION_EXEMPTION }, locale, t) : undefined;
  const refunds: LabelledValue[] = receipt.refunds.map((r) => ({ label: t("refundLine", { date: r.date }), value: formatMoney(r.amountOre, locale) }));
  return {
    info: {
      title: `${title} ${receipt.number}`,
      author: seller.name,
      subject: t("documentSubjectReceipt", { number: receipt.number }),
      created: receipt.paidAt,
      language: PDF_LANGUAGE[locale],
    },
    title,
    numberLine: t("numberShort", { number: receipt.number }),
    seller: { name: seller.name, addressLine: addressLines(seller.address).join(", ") },
    parties: [
      sellerParty(seller, t),
      { heading: t("payer"), lines: [receipt.payer.name ?? receipt.payer.email, ...(receipt.payer.name ? [receipt.payer.email] : [])] },
    ],
    facts: [
      { label: t("receiptNumber"), value: receipt.number },
      { label: t("paidAt"), value: paidAt },
      { label: t("paymentMethod"), value: t("cardViaStripe") },
      { label: t("paid"), value: paid, strong: true },
    ],
    notes: [],
    columns: {
      description: t("colDescription"),
      quantity: t("colQuantity"),
      unitPrice: t("colUnitPrice"),
      vat: t("colVat"),
      amount: t("colAmount"),
    },
    lines: receipt.lines.map((l) => ({
      description: l.description,
      details: l.participant ? [t("lineParticipant", { name: l.participant })] : [],
      quantity: String(l.quantity),
      unitPrice: formatAmount(l.unitPriceOre, locale),
      vat: vatRateText(l.vatRateBp, locale, t),
      amount: formatAmount(l.lineExclVatOre, locale),
    })),
    vatBreakdown: {
      heading: t("vatBreakdown"),
      columns: { rate: t("vatColRate"), taxable: t("vatColTaxable"), vat: t("vatColVat") },
      rows: receipt.vatBreakdown.map((e) => ({
        rate: vatRateText(e.rateBp, locale, t),
        taxable: formatMoney(e.taxableOre, locale),
        vat: formatMoney(e.vatOre, locale),
        ...(e.rateBp === 0 && exemption ? { note: exemption } : {}),
      })),
    },
    totals: [
      { label: t("sumExclVat"), value: formatMoney(receipt.totals.exclVatOre, locale) },
      { label: t("sumVat"), value: formatMoney(receipt.totals.vatOre, locale) },
      { label: t("paid"), value: paid, strong: true },
    ],
    ...(refunds.length > 0
      ? {
          closing: {
            heading: t("refundsHeading"),
            facts: [
              ...refunds,
              { label: t("refundedTotal"), value: formatMoney(receipt.refundedOre, locale) },
              { label: t("netPaid"), value: formatMoney(receipt.paidOre - receipt.refundedOre, locale), strong: true },
            ],
            text: t("refundInfo"),
          },
        }
      : {}),
    footer: sellerFooter(seller, t),
    pageLabel: (page, pages) => t("page", { page, pages }),
  };
}

export function renderReceiptPdf(receipt: ReceiptDocument, locale: AppLocale): Promise<Buffer> {
  return renderPdf(receiptPdfModel(receipt, locale));
}
