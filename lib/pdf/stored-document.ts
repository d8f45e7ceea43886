/**
 * Reading the frozen documents back from Invoice.document / CreditNote.document (JSON columns):
 * a runtime check that the stored value has the shape the PDF needs, so a malformed row fails
 * loudly instead of printing "undefined" on an invoice. The documents were built and checked by
 * lib/domain/invoicing when issued; this does not re-validate the business rules.
 */
import { z } from "zod";
import type { CreditNoteDocument, InvoiceDocument } from "@/lib/domain/invoicing/document";

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ore = z.number().int();
const text = z.string().min(1);

const address = z.object({ street: z.string(), postalCode: z.string(), city: z.string(), countryCode: z.string() });
const endpoint = z.object({ scheme: z.literal("0007"), id: text });

const seller = z.object({
  name: text,
  orgNumber: text,
  vatNumber: text,
  endpoint,
  address,
  bankgiro: text,
  email: text,
  phone: z.string().optional(),
  fTaxApproved: z.boolean(),
});

const buyer = z.object({ name: text, orgNumber: text, endpoint, address });

const line = z.object({
  id: text,
  description: text,
  note: z.string().optional(),
  quantity: z.number().int(),
  unitPriceOre: ore,
  lineExclVatOre: ore,
  vatRateBp: z.number().int(),
  vatCategory: z.enum(["S", "E"]),
  vatOre: ore,
  accountingCost: z.string().optional(),
  period: z.object({ start: localDate, end: localDate }).optional(),
});

const breakdown = z.object({
  category: z.enum(["S", "E"]),
  rateBp: z.number().int(),
  taxableOre: ore,
  vatOre: ore,
  exemption: z.object({ code: text, text }).optional(),
});

const totals = z.object({ lineExtensionOre: ore, taxExclusiveOre: ore, vatOre: ore, taxInclusiveOre: ore, payableOre: ore });

const common = {
  number: text,
  issueDate: localDate,
  currency: z.literal("SEK"),
  seller,
  buyer,
  buyerReference: text,
  accountingCost: z.string().optional(),
  note: z.string().optional(),
  lines: z.array(line).min(1),
  vatBreakdown: z.array(breakdown).min(1),
  totals,
};

const invoiceDocument = z.object({
  ...common,
  kind: z.literal("INVOICE"),
  dueDate: localDate,
  orderReference: z.string().optional(),
  paymentTermsDays: z.number().int(),
  paymentTermsText: text,
  paymentReference: text,
});

const creditNoteDocument = z.object({
  ...common,
  kind: z.literal("CREDIT_NOTE"),
  invoiceReference: z.object({ number: text, issueDate: localDate }),
  reason: text,
  creditedInvoiceLineIds: z.array(z.string()),
  sharePercent: z.number().int().min(1).max(100).optional(),
});

export class StoredDocumentError extends Error {}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredDocumentError(`The stored ${what} is not a valid document: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function parseStoredInvoiceDocument(value: unknown): InvoiceDocument {
  return parse(invoiceDocument, value, "invoice");
}

export function parseStoredCreditNoteDocument(value: unknown): CreditNoteDocument {
  return parse(creditNoteDocument, value, "credit note");
}
