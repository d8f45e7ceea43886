/**
 * Peppol BIS Billing 3.0 (UBL 2.1) Invoice and CreditNote XML from the pure documents in
 * lib/domain/invoicing. Element order follows the UBL 2.1 schemas; which elements are used, and
 * how, follows the EN 16931 and Peppol rules named in the comments (the Swedish ones are SE-R-*).
 * xmlbuilder2 escapes text and attribute values, so names like "Vård & Omsorg" are safe.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Buyer, CreditNoteDocument, DocumentLine, DocumentTotals, InvoiceDocument, PostalAddress, Seller } from "@/lib/domain/invoicing/document";
import type { VatBreakdownEntry } from "@/lib/domain/invoicing/vat";
import { formatAmount, formatPercent } from "./format";

export const CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
export const PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

const NS = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

/** UN/ECE Recommendation 20 "one" (each): a seat, a lecture, a package. */
const UNIT_CODE = "EA";
/** UNCL4461 30: credit transfer, with SE:BANKGIRO as the branch id (SE-R-011, SE-R-012). */
const PAYMENT_MEANS_CREDIT_TRANSFER = "30";
const BANKGIRO_BRANCH = "SE:BANKGIRO";
/** SE-R-005: the only value a Swedish seller may state as tax registration (BT-32). */
const F_TAX_TEXT = "Godkänd för F-skatt";

const cbc = (parent: XMLBuilder, name: string, text: string, attributes?: Record<string, string>): XMLBuilder =>
  parent.ele(NS.cbc, `cbc:${name}`, attributes).txt(text).up();
const cac = (parent: XMLBuilder, name: string): XMLBuilder => parent.ele(NS.cac, `cac:${name}`);
const amount = (parent: XMLBuilder, name: string, ore: number, currency: string) => cbc(parent, name, formatAmount(ore), { currencyID: currency });

function postalAddress(party: XMLBuilder, address: PostalAddress) {
  const a = cac(party, "PostalAddress");
  cbc(a, "StreetName", address.street);
  cbc(a, "CityName", address.city);
  cbc(a, "PostalZone", address.postalCode);
  cbc(cac(a, "Country"), "IdentificationCode", address.countryCode);
}

function taxScheme(parent: XMLBuilder, id: "VAT" | "TAX") {
  cbc(cac(parent, "TaxScheme"), "ID", id);
}

function supplierParty(root: XMLBuilder, seller: Seller) {
  const party = cac(cac(root, "AccountingSupplierParty"), "Party");
  // BT-34, PEPPOL-EN16931-R020; scheme 0007 is checked against the Luhn digit (PEPPOL-COMMON-R049).
  cbc(party, "EndpointID", seller.endpoint.id, { schemeID: seller.endpoint.scheme });
  cbc(cac(party, "PartyName"), "Name", seller.name);
  postalAddress(party, seller.address);
  // BT-31 seller VAT identifier, 14 characters for Swedish sellers (SE-R-001, SE-R-002).
  const vat = cac(party, "PartyTaxScheme");
  cbc(vat, "CompanyID", seller.vatNumber);
  taxScheme(vat, "VAT");
  if (seller.fTaxApproved) {
    // BT-32 seller tax registration: for a Swedish seller only "Godkänd för F-skatt" (SE-R-005).
    const fTax = cac(party, "PartyTaxScheme");
    cbc(fTax, "CompanyID", F_TAX_TEXT);
    taxScheme(fTax, "TAX");
  }
  const legal = cac(party, "PartyLegalEntity");
  cbc(legal, "RegistrationName", seller.name);
  // BT-30 organisation number: 10 digits with a valid Luhn digit (SE-R-003, SE-R-004, SE-R-013).
  cbc(legal, "CompanyID", seller.orgNumber, { schemeID: "0007" });
  const contact = cac(party, "Contact");
  if (seller.phone) cbc(contact, "Telephone", seller.phone);
  cbc(contact, "ElectronicMail", seller.email);
}

function customerParty(root: XMLBuilder, buyer: Buyer) {
  const party = cac(cac(root, "AccountingCustomerParty"), "Party");
  // BT-49, PEPPOL-EN16931-R010: where the buyer receives Peppol documents.
  cbc(party, "EndpointID", buyer.endpoint.id, { schemeID: buyer.endpoint.scheme });
  cbc(cac(party, "PartyName"), "Name", buyer.name);
  postalAddress(party, buyer.address);
  const legal = cac(party, "PartyLegalEntity");
  cbc(legal, "RegistrationName", buyer.name);
  cbc(legal, "CompanyID", buyer.orgNumber, { schemeID: "0007" });
}

function taxCategory(parent: XMLBuilder, name: "TaxCategory" | "ClassifiedTaxCategory", entry: Pick<VatBreakdownEntry, "category" | "rateBp" | "exemption">) {
  const c = cac(parent, name);
  cbc(c, "ID", entry.category);
  // Exempt lines carry the rate 0 (BR-E-05); the breakdown of E states why (BR-E-10).
  cbc(c, "Percent", formatPercent(entry.rateBp));
  if (name === "TaxCategory" && entry.exemption) {
    cbc(c, "TaxExemptionReasonCode", entry.exemption.code);
    cbc(c, "TaxExemptionReason", entry.exemption.text);
  }
  taxScheme(c, "VAT");
}

function taxTotal(root: XMLBuilder, breakdown: readonly VatBreakdownEntry[], totals: DocumentTotals, currency: string) {
  const t = cac(root, "TaxTotal");
  // BR-CO-14: the document VAT is the sum of the breakdowns.
  amount(t, "TaxAmount", totals.vatOre, currency);
  for (const entry of breakdown) {
    const s = cac(t, "TaxSubtotal");
    amount(s, "TaxableAmount", entry.taxableOre, currency);
    amount(s, "TaxAmount", entry.vatOre, currency);
    taxCategory(s, "TaxCategory", entry);
  }
}

function monetaryTotal(root: XMLBuilder, totals: DocumentTotals, currency: string) {
  const m = cac(root, "LegalMonetaryTotal");
  amount(m, "LineExtensionAmount", totals.lineExtensionOre, currency);
  amount(m, "TaxExclusiveAmount", totals.taxExclusiveOre, currency);
  amount(m, "TaxInclusiveAmount", totals.taxInclusiveOre, currency);
  amount(m, "PayableAmount", totals.payableOre, currency);
}

function documentLine(root: XMLBuilder, kind: "InvoiceLine" | "CreditNoteLine", line: DocumentLine, currency: string) {
  const l = cac(root, kind);
  cbc(l, "ID", line.id);
  if (line.note) cbc(l, "Note", line.note);
  cbc(l, kind === "InvoiceLine" ? "InvoicedQuantity" : "CreditedQuantity", String(line.quantity), { unitCode: UNIT_CODE });
  // PEPPOL-EN16931-R120: net amount = quantity × net price.
  amount(l, "LineExtensionAmount", line.lineExclVatOre, currency);
  if (line.accountingCost) cbc(l, "AccountingCost", line.accountingCost);
  if (line.period) {
    const p = cac(l, "InvoicePeriod");
    cbc(p, "StartDate", line.period.start);
    cbc(p, "EndDate", line.period.end);
  }
  const item = cac(l, "Item");
  cbc(item, "Name", line.description);
  taxCategory(item, "ClassifiedTaxCategory", { category: line.vatCategory, rateBp: line.vatRateBp });
  amount(cac(l, "Price"), "PriceAmount", line.unitPriceOre, currency);
}

function start(rootNs: string, rootName: "Invoice" | "CreditNote"): XMLBuilder {
  return create({ version: "1.0", encoding: "UTF-8" }).ele(rootNs, rootName, { "xmlns:cac": NS.cac, "xmlns:cbc": NS.cbc });
}

function header(root: XMLBuilder, doc: InvoiceDocument | CreditNoteDocument) {
  cbc(root, "CustomizationID", CUSTOMIZATION_ID);
  cbc(root, "ProfileID", PROFILE_ID);
  cbc(root, "ID", doc.number);
  cbc(root, "IssueDate", doc.issueDate);
}

/** A Peppol BIS Billing 3.0 UBL Invoice (type 380, commercial invoice). */
export function buildInvoiceXml(doc: InvoiceDocument): string {
  const root = start(NS.invoice, "Invoice");
  header(root, doc);
  cbc(root, "DueDate", doc.dueDate);
  cbc(root, "InvoiceTypeCode", "380");
  if (doc.note) cbc(root, "Note", doc.note);
  cbc(root, "DocumentCurrencyCode", doc.currency);
  if (doc.accountingCost) cbc(root, "AccountingCost", doc.accountingCost);
  // BT-10; PEPPOL-EN16931-R003 wants a buyer reference or an order reference, Swedish public buyers the former.
  cbc(root, "BuyerReference", doc.buyerReference);
  if (doc.orderReference) cbc(cac(root, "OrderReference"), "ID", doc.orderReference);
  supplierParty(root, doc.seller);
  customerParty(root, doc.buyer);
  const means = cac(root, "PaymentMeans");
  cbc(means, "PaymentMeansCode", PAYMENT_MEANS_CREDIT_TRANSFER);
  cbc(means, "PaymentID", doc.paymentReference);
  const account = cac(means, "PayeeFinancialAccount");
  // SE-R-008/009: the bankgiro number, digits only, 7–8 of them.
  cbc(account, "ID", doc.seller.bankgiro);
  cbc(cac(account, "FinancialInstitutionBranch"), "ID", BANKGIRO_BRANCH);
  cbc(cac(root, "PaymentTerms"), "Note", doc.paymentTermsText);
  taxTotal(root, doc.vatBreakdown, doc.totals, doc.currency);
  monetaryTotal(root, doc.totals, doc.currency);
  for (const line of doc.lines) documentLine(root, "InvoiceLine", line, doc.currency);
  return root.end({ prettyPrint: true });
}

/** A Peppol BIS Billing 3.0 UBL CreditNote (type 381) that refers to the invoice it credits. */
export function buildCreditNoteXml(doc: CreditNoteDocument): string {
  const root = start(NS.creditNote, "CreditNote");
  header(root, doc);
  cbc(root, "CreditNoteTypeCode", "381");
  cbc(root, "Note", doc.reason);
  cbc(root, "DocumentCurrencyCode", doc.currency);
  if (doc.accountingCost) cbc(root, "AccountingCost", doc.accountingCost);
  cbc(root, "BuyerReference", doc.buyerReference);
  // BT-25/BT-26: the preceding invoice, which the buyer matches the credit against.
  const ref = cac(cac(root, "BillingReference"), "InvoiceDocumentReference");
  cbc(ref, "ID", doc.invoiceReference.number);
  cbc(ref, "IssueDate", doc.invoiceReference.issueDate);
  supplierParty(root, doc.seller);
  customerParty(root, doc.buyer);
  taxTotal(root, doc.vatBreakdown, doc.totals, doc.currency);
  monetaryTotal(root, doc.totals, doc.currency);
  for (const line of doc.lines) documentLine(root, "CreditNoteLine", line, doc.currency);
  return root.end({ prettyPrint: true });
}
