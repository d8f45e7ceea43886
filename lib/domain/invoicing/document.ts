/**
 * The invoice and credit note as documents: everything a Peppol BIS Billing 3.0 invoice, the PDF
 * copy and the Invoice/CreditNote rows need, computed from lines, checked against the Swedish and
 * Peppol rules the code can know, and frozen. An issued document is never changed: a correction is
 * a credit note that refers to the invoice (mervärdesskattelagen 17 kap. 22 §, "ändringsfaktura").
 */
import { assertOre, type Ore } from "../money";
import { shareOfOre } from "../billing/refund";
import { addDays, type LocalDate } from "../time";
import { InvoicingError } from "./errors";
import { assertVatNumberMatches, normalizeBankgiro, normalizeOrgNumber, parsePeppolEndpoint, type PeppolParticipant } from "./org-number";
import { assertPaymentTerms } from "./terms";
import { allocateVat, EDUCATION_EXEMPTION, vatBreakdown, vatCategoryFor, type VatBreakdownEntry, type VatCategory, type VatExemption } from "./vat";

export type Currency = "SEK";

export type PostalAddress = {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly countryCode: string;
};

export type Seller = {
  readonly name: string;
  /** Ten digits. */
  readonly orgNumber: string;
  /** "SE" + org number + "01". */
  readonly vatNumber: string;
  /** Peppol participant id of the seller; defaults to 0007:<org number>. */
  readonly endpoint: PeppolParticipant;
  readonly address: PostalAddress;
  /** Digits only, 7–8. */
  readonly bankgiro: string;
  readonly email: string;
  readonly phone?: string;
  /** States "Godkänd för F-skatt" (BT-32, SE-R-005) only when true. */
  readonly fTaxApproved: boolean;
};

export type Buyer = {
  readonly name: string;
  readonly orgNumber: string;
  readonly endpoint: PeppolParticipant;
  readonly address: PostalAddress;
};

export type DocumentLine = {
  /** 1, 2, 3 … in document order (BT-126). */
  readonly id: string;
  readonly description: string;
  /** Free text for the line (BT-127), e.g. the participant's name. */
  readonly note?: string;
  /** Whole units; negative for a credit line such as an upgrade credit (the price stays positive, BR-27). */
  readonly quantity: number;
  readonly unitPriceOre: Ore;
  /** quantity × unit price (PEPPOL-EN16931-R120). */
  readonly lineExclVatOre: Ore;
  readonly vatRateBp: number;
  readonly vatCategory: VatCategory;
  /** This line's share of its breakdown's VAT (see vat.ts); informative, not sent in UBL. */
  readonly vatOre: Ore;
  /** The cost centre for this line (BT-133), when participants of one invoice have different ones. */
  readonly accountingCost?: string;
  /** When the service is supplied (BT-134/135), e.g. the lecture's day. */
  readonly period?: { readonly start: LocalDate; readonly end: LocalDate };
};

export type DocumentTotals = {
  /** Σ line net amounts (BT-106). */
  readonly lineExtensionOre: Ore;
  /** BT-109: no document-level allowances or charges here, so equal to BT-106. */
  readonly taxExclusiveOre: Ore;
  /** Σ breakdown VAT (BT-110, BR-CO-14). */
  readonly vatOre: Ore;
  /** BT-112 = BT-109 + BT-110 (BR-CO-15). */
  readonly taxInclusiveOre: Ore;
  /** BT-115. */
  readonly payableOre: Ore;
};

type CommonDocument = {
  readonly number: string;
  readonly issueDate: LocalDate;
  readonly currency: Currency;
  readonly seller: Seller;
  readonly buyer: Buyer;
  /** BT-10: required by Swedish public buyers to route the invoice. */
  readonly buyerReference: string;
  /** BT-19: the buyer's cost centre / accounting string for the whole document. */
  readonly accountingCost?: string;
  readonly note?: string;
  readonly lines: readonly DocumentLine[];
  readonly vatBreakdown: readonly VatBreakdownEntry[];
  readonly totals: DocumentTotals;
};

export type InvoiceDocument = CommonDocument & {
  readonly kind: "INVOICE";
  readonly dueDate: LocalDate;
  /** BT-13: the buyer's purchase order number, when they gave one. */
  readonly orderReference?: string;
  readonly paymentTermsDays: number;
  /** BT-20, for people, e.g. "30 dagar netto". */
  readonly paymentTermsText: string;
  /** BT-83: what the payer writes with the payment; the invoice number. */
  readonly paymentReference: string;
};

export type CreditNoteDocument = CommonDocument & {
  readonly kind: "CREDIT_NOTE";
  /** BT-25/BT-26: the invoice this credits. */
  readonly invoiceReference: { readonly number: string; readonly issueDate: LocalDate };
  /** Why (BT-22 note), e.g. "Avbokning av …". */
  readonly reason: string;
  /** Which invoice line each credit line credits (same order as `lines`). */
  readonly creditedInvoiceLineIds: readonly string[];
  /** The share of each credited line's price that is credited; 100 (or absent) for whole lines. */
  readonly sharePercent?: number;
};

// ---------------------------------------------------------------------------------------------
// Input

export type SellerInput = {
  name: string;
  orgNumber: string;
  vatNumber: string;
  /** Stored participant id; when absent, 0007:<org number>. */
  peppolEndpoint?: string | null;
  address: PostalAddress;
  bankgiro: string;
  email: string;
  phone?: string | null;
  fTaxApproved: boolean;
};

export type BuyerInput = {
  name: string;
  orgNumber: string;
  /** Stored participant id; when absent, 0007:<org number>. */
  peppolEndpoint?: string | null;
  address: PostalAddress;
};

export type LineInput = {
  description: string;
  note?: string;
  quantity: number;
  unitPriceOre: Ore;
  vatRateBp: number;
  accountingCost?: string;
  period?: { start: LocalDate; end: LocalDate };
};

export type InvoiceInput = {
  number: string;
  issueDate: LocalDate;
  paymentTermsDays: number;
  /** Terms as the buyer reads them; the caller translates. */
  paymentTermsText: string;
  seller: SellerInput;
  buyer: BuyerInput;
  buyerReference: string;
  orderReference?: string | null;
  accountingCost?: string | null;
  note?: string | null;
  lines: readonly LineInput[];
  /** Reason stated for exempt lines; defaults to education (see vat.ts). */
  exemption?: VatExemption;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function required(value: string | null | undefined, field: string): string {
  const v = value?.trim() ?? "";
  if (!v) throw new InvoicingError(field === "buyerReference" ? "MISSING_BUYER_REFERENCE" : "MISSING_FIELD", `${field} is required`);
  return v;
}

function optional(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function date(value: string, field: string): LocalDate {
  // addDays parses strictly and refuses impossible dates such as 2026-02-30.
  if (!DATE_RE.test(value)) throw new InvoicingError("INVALID_DATES", `${field} is not a date (YYYY-MM-DD): ${value}`);
  try {
    addDays(value, 0);
  } catch {
    throw new InvoicingError("INVALID_DATES", `${field} is not a date: ${value}`);
  }
  return value;
}

function address(a: PostalAddress, who: string): PostalAddress {
  const countryCode = required(a.countryCode, `${who}.address.countryCode`).toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode)) throw new InvoicingError("MISSING_FIELD", `${who}.address.countryCode is not a country code: ${a.countryCode}`);
  return {
    street: required(a.street, `${who}.address.street`),
    postalCode: required(a.postalCode, `${who}.address.postalCode`),
    city: required(a.city, `${who}.address.city`),
    countryCode,
  };
}

function endpoint(stored: string | null | undefined, orgNumber: string): PeppolParticipant {
  return stored ? parsePeppolEndpoint(stored) : { scheme: "0007", id: orgNumber };
}

function seller(input: SellerInput): Seller {
  const orgNumber = normalizeOrgNumber(input.orgNumber);
  const phone = optional(input.phone);
  return {
    name: required(input.name, "seller.name"),
    orgNumber,
    vatNumber: assertVatNumberMatches(input.vatNumber, orgNumber),
    endpoint: endpoint(input.peppolEndpoint, orgNumber),
    address: address(input.address, "seller"),
    bankgiro: normalizeBankgiro(input.bankgiro),
    email: required(input.email, "seller.email"),
    ...(phone ? { phone } : {}),
    fTaxApproved: input.fTaxApproved,
  };
}

function buyer(input: BuyerInput): Buyer {
  const orgNumber = normalizeOrgNumber(input.orgNumber);
  return {
    name: required(input.name, "buyer.name"),
    orgNumber,
    endpoint: endpoint(input.peppolEndpoint, orgNumber),
    address: address(input.address, "buyer"),
  };
}

type UnallocatedLine = Omit<DocumentLine, "vatOre">;

function lines(inputs: readonly LineInput[]): UnallocatedLine[] {
  // BR-16: at least one line.
  if (inputs.length === 0) throw new InvoicingError("NO_LINES", "A document needs at least one line");
  return inputs.map((l, i): UnallocatedLine => {
    const where = `line ${i + 1}`;
    if (!Number.isSafeInteger(l.quantity) || l.quantity === 0) throw new InvoicingError("INVALID_LINE", `${where}: quantity must be a non-zero whole number`);
    assertOre(l.unitPriceOre);
    if (l.unitPriceOre < 0) throw new InvoicingError("INVALID_LINE", `${where}: the unit price may not be negative (BR-27); use a negative quantity`);
    if (l.period) {
      date(l.period.start, `${where}.period.start`);
      date(l.period.end, `${where}.period.end`);
      if (l.period.end < l.period.start) throw new InvoicingError("INVALID_DATES", `${where}: the period ends before it starts (BR-30)`);
    }
    const note = optional(l.note);
    const accountingCost = optional(l.accountingCost);
    return {
      id: String(i + 1),
      description: required(l.description, `${where}.description`),
      ...(note ? { note } : {}),
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      lineExclVatOre: assertOre(l.quantity * l.unitPriceOre),
      vatRateBp: l.vatRateBp,
      vatCategory: vatCategoryFor(l.vatRateBp),
      ...(accountingCost ? { accountingCost } : {}),
      ...(l.period ? { period: { start: l.period.start, end: l.period.end } } : {}),
    };
  });
}

function totalsAndVat(priced: readonly UnallocatedLine[], exemption: VatExemption) {
  const breakdown = vatBreakdown(priced, exemption);
  const shares = allocateVat(priced, breakdown);
  const withVat: DocumentLine[] = priced.map((l, i) => ({ ...l, vatOre: shares[i] ?? 0 }));
  const lineExtensionOre = priced.reduce((sum, l) => sum + l.lineExclVatOre, 0);
  const vat = breakdown.reduce((sum, b) => sum + b.vatOre, 0);
  const totals: DocumentTotals = {
    lineExtensionOre,
    taxExclusiveOre: lineExtensionOre,
    vatOre: vat,
    taxInclusiveOre: lineExtensionOre + vat,
    payableOre: lineExtensionOre + vat,
  };
  if (totals.taxInclusiveOre < 0) {
    throw new InvoicingError("NEGATIVE_TOTAL", "The document total is negative: credit the buyer with a credit note instead");
  }
  return { lines: withVat, vatBreakdown: breakdown, totals };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Builds the invoice from its lines; throws InvoicingError when a rule would be broken. */
export function createInvoiceDocument(input: InvoiceInput): InvoiceDocument {
  const number = required(input.number, "number");
  const issueDate = date(input.issueDate, "issueDate");
  const paymentTermsDays = assertPaymentTerms(input.paymentTermsDays);
  const orderReference = optional(input.orderReference);
  const accountingCost = optional(input.accountingCost);
  const note = optional(input.note);
  const computed = totalsAndVat(lines(input.lines), input.exemption ?? EDUCATION_EXEMPTION);
  return deepFreeze({
    kind: "INVOICE",
    number,
    issueDate,
    dueDate: addDays(issueDate, paymentTermsDays),
    currency: "SEK",
    seller: seller(input.seller),
    buyer: buyer(input.buyer),
    buyerReference: required(input.buyerReference, "buyerReference"),
    ...(orderReference ? { orderReference } : {}),
    ...(accountingCost ? { accountingCost } : {}),
    ...(note ? { note } : {}),
    paymentTermsDays,
    paymentTermsText: required(input.paymentTermsText, "paymentTermsText"),
    paymentReference: number,
    ...computed,
  });
}

export type CreditNoteInput = {
  number: string;
  issueDate: LocalDate;
  /** The invoice as issued; the credit note copies its parties, references and lines. */
  invoice: InvoiceDocument;
  /** Ids of the invoice lines to credit, whole lines; all of them when absent. */
  invoiceLineIds?: readonly string[];
  /** Invoice lines already credited by earlier credit notes: crediting one twice is refused. */
  alreadyCreditedLineIds?: readonly string[];
  /**
   * Credit only this share (1–100) of each line's price, e.g. a late cancellation under a partial
   * refund policy. The credited unit price is the share rounded down to whole öre (see
   * lib/domain/billing/refund.ts); quantity, rate and texts stay those of the invoice line.
   */
  sharePercent?: number;
  reason: string;
};

/**
 * A credit note for whole lines of an issued invoice, or for a share of them (sharePercent).
 * Amounts are positive (a credit note with type 381 credits what it lists); the VAT breakdown is
 * computed for the credited lines with the same rounding rule, so crediting a whole invoice gives
 * back exactly its VAT.
 */
export function createCreditNoteDocument(input: CreditNoteInput): CreditNoteDocument {
  const { invoice } = input;
  const number = required(input.number, "number");
  const issueDate = date(input.issueDate, "issueDate");
  if (issueDate < invoice.issueDate) throw new InvoicingError("INVALID_DATES", "A credit note cannot be dated before the invoice it credits");
  const sharePercent = input.sharePercent ?? 100;
  if (!Number.isInteger(sharePercent) || sharePercent < 1 || sharePercent > 100) {
    throw new InvoicingError("INVALID_SHARE", `The credited share must be a whole percentage 1–100: ${sharePercent}`);
  }
  const wanted = input.invoiceLineIds ?? invoice.lines.map((l) => l.id);
  const already = new Set(input.alreadyCreditedLineIds ?? []);
  const seen = new Set<string>();
  const credited = wanted.map((id) => {
    const line = invoice.lines.find((l) => l.id === id);
    if (!line) throw new InvoicingError("UNKNOWN_INVOICE_LINE", `Invoice ${invoice.number} has no line ${id}`);
    if (already.has(id) || seen.has(id)) throw new InvoicingError("LINE_ALREADY_CREDITED", `Line ${id} of invoice ${invoice.number} is already credited`);
    seen.add(id);
    return line;
  });
  const exemption = invoice.vatBreakdown.find((b) => b.exemption)?.exemption ?? EDUCATION_EXEMPTION;
  const computed = totalsAndVat(
    lines(
      credited.map((l) => ({
        description: l.description,
        ...(l.note ? { note: l.note } : {}),
        quantity: l.quantity,
        unitPriceOre: sharePercent === 100 ? l.unitPriceOre : shareOfOre(l.unitPriceOre, sharePercent),
        vatRateBp: l.vatRateBp,
        ...(l.accountingCost ? { accountingCost: l.accountingCost } : {}),
        ...(l.period ? { period: l.period } : {}),
      })),
    ),
    exemption,
  );
  if (computed.totals.payableOre <= 0) {
    throw new InvoicingError("NEGATIVE_TOTAL", "A credit note must credit a positive amount");
  }
  return deepFreeze({
    kind: "CREDIT_NOTE",
    number,
    issueDate,
    currency: "SEK",
    seller: invoice.seller,
    buyer: invoice.buyer,
    buyerReference: invoice.buyerReference,
    ...(invoice.accountingCost ? { accountingCost: invoice.accountingCost } : {}),
    invoiceReference: { number: invoice.number, issueDate: invoice.issueDate },
    reason: required(input.reason, "reason"),
    creditedInvoiceLineIds: credited.map((l) => l.id),
    sharePercent,
    ...computed,
  });
}
