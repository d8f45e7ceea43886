import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/domain/money";
import { toStockholmDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "@/lib/exports/columns";
import { CSV_CONTENT_TYPE, writeCsv } from "@/lib/exports/csv";
import { writeXlsx, XLSX_CONTENT_TYPE } from "@/lib/exports/xlsx";
import type { LooseTranslator } from "@/lib/i18n/loose-translator";
import { siteTranslator } from "@/lib/i18n/site-messages";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { EXPORT_BATCH_SIZE, type PersonRef } from "./billing-filter";
import { creditNoteFilterInput, creditNotesWhere, findCreditNoteRows, type CreditNoteRow } from "./list-credit-notes";
import { findInvoiceRows, invoiceFilterInput, invoicesWhere, type InvoiceRow } from "./list-invoices";
import { findOrderRows, orderFilterInput, ordersWhere, type OrderRow } from "./list-orders";
import { findPaymentRows, paymentFilterInput, paymentsWhere, type PaymentRow } from "./list-payments";

/** The four billing lists, as named in the address ("?kind=credit-notes"). */
export const BILLING_KINDS = ["orders", "payments", "invoices", "credit-notes"] as const;
export type BillingKind = (typeof BILLING_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The translation key of a kind ("credit-notes" → "creditNotes"). */
export function kindKey(kind: BillingKind): "orders" | "payments" | "invoices" | "creditNotes" {
  return kind === "credit-notes" ? "creditNotes" : kind;
}

const format = z.enum(EXPORT_FORMATS, { error: "invalidChoice" });

/** What the export route accepts: the list, the file format, and the list's own filter (as the page's). */
export const exportBillingInput = z.discriminatedUnion(
  "kind",
  [
    orderFilterInput.extend({ kind: z.literal("orders"), format }),
    paymentFilterInput.extend({ kind: z.literal("payments"), format }),
    invoiceFilterInput.extend({ kind: z.literal("invoices"), format }),
    creditNoteFilterInput.extend({ kind: z.literal("credit-notes"), format }),
  ],
  { error: "invalidChoice" },
);
export type ExportBillingInput = z.output<typeof exportBillingInput>;

export type BillingExport = {
  fileName: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
  rowCount: number;
};


/** Every row of the filter, read in batches in the order the page shows them. */
async function readAll<W, R>(find: (where: W, page: { skip: number; take: number }) => Promise<R[]>, where: W): Promise<R[]> {
  const rows: R[] = [];
  for (let skip = 0; ; skip += EXPORT_BATCH_SIZE) {
    const batch = await find(where, { skip, take: EXPORT_BATCH_SIZE });
    rows.push(...batch);
    if (batch.length < EXPORT_BATCH_SIZE) return rows;
  }
}

function words(t: LooseTranslator) {
  const col = (key: string) => t(`billingAdmin.columns.${key}`);
  const name = (p: PersonRef) => p.name;
  return { col, name };
}

function orderColumns(t: LooseTranslator): ExportColumn<OrderRow>[] {
  const { col, name } = words(t);
  return [
    { header: col("reference"), type: "text", value: (r) => r.reference },
    { header: col("orderedAt"), type: "datetime", value: (r) => r.createdAt },
    { header: col("workshop"), type: "text", value: (r) => r.workshop.title },
    { header: col("orderer"), type: "text", value: (r) => name(r.orderer) },
    { header: col("ordererEmail"), type: "text", value: (r) => r.orderer.email },
    { header: col("organisation"), type: "text", value: (r) => r.organisation?.name ?? null },
    { header: col("method"), type: "text", value: (r) => t(`billingAdmin.method.${r.paymentMethod ?? "none"}`) },
    { header: col("buyerReference"), type: "text", value: (r) => r.buyerReference },
    { header: col("costCentre"), type: "text", value: (r) => r.costCentre },
    { header: col("participants"), type: "integer", value: (r) => r.bookings },
    { header: col("status"), type: "text", value: (r) => t(`billingAdmin.status.order.${r.status}`) },
    { header: col("exclVat"), type: "amount", value: (r) => r.totalExclVatOre },
    { header: col("vat"), type: "amount", value: (r) => r.totalVatOre },
    { header: col("total"), type: "amount", value: (r) => r.totalInclVatOre },
  ];
}

function paymentColumns(t: LooseTranslator): ExportColumn<PaymentRow>[] {
  const { col, name } = words(t);
  return [
    { header: col("reference"), type: "text", value: (r) => r.order.reference },
    { header: col("workshop"), type: "text", value: (r) => r.workshop.title },
    { header: col("orderer"), type: "text", value: (r) => name(r.orderer) },
    { header: col("ordererEmail"), type: "text", value: (r) => r.orderer.email },
    { header: col("organisation"), type: "text", value: (r) => r.organisation?.name ?? null },
    { header: col("method"), type: "text", value: (r) => t(`billingAdmin.method.${r.method}`) },
    { header: col("checkoutSession"), type: "text", value: (r) => r.stripeCheckoutSessionId },
    { header: col("paymentIntent"), type: "text", value: (r) => r.stripePaymentIntentId },
    { header: col("amount"), type: "amount", value: (r) => r.amountOre },
    { header: col("refunded"), type: "amount", value: (r) => r.refundedOre },
    { header: col("status"), type: "text", value: (r) => t(`billingAdmin.status.payment.${r.status}`) },
    { header: col("paidAt"), type: "datetime", value: (r) => r.paidAt },
    { header: col("startedAt"), type: "datetime", value: (r) => r.createdAt },
  ];
}

function invoiceColumns(t: LooseTranslator): ExportColumn<InvoiceRow>[] {
  const { col } = words(t);
  return [
    { header: col("invoiceNumber"), type: "text", value: (r) => r.displayNumber },
    { header: col("organisation"), type: "text", value: (r) => r.organisation.name },
    { header: col("orgNumber"), type: "text", value: (r) => r.organisation.orgNumber },
    { header: col("workshop"), type: "text", value: (r) => r.workshop.title },
    { header: col("buyerReference"), type: "text", value: (r) => r.buyerReference },
    { header: col("costCentre"), type: "text", value: (r) => r.costCentre },
    { header: col("issueDate"), type: "date", value: (r) => r.issueDate },
    { header: col("dueDate"), type: "date", value: (r) => r.dueDate },
    { header: col("exclVat"), type: "amount", value: (r) => r.totalExclVatOre },
    { header: col("vat"), type: "amount", value: (r) => r.totalVatOre },
    { header: col("payable"), type: "amount", value: (r) => r.totalInclVatOre },
    { header: col("status"), type: "text", value: (r) => t(`billingAdmin.status.invoice.${r.status}`) },
    { header: col("paidAt"), type: "datetime", value: (r) => r.paidAt },
  ];
}

function creditNoteColumns(t: LooseTranslator): ExportColumn<CreditNoteRow>[] {
  const { col } = words(t);
  return [
    { header: col("creditNoteNumber"), type: "text", value: (r) => r.displayNumber },
    { header: col("creditedInvoice"), type: "text", value: (r) => r.invoice.displayNumber },
    { header: col("organisation"), type: "text", value: (r) => r.organisation.name },
    { header: col("orgNumber"), type: "text", value: (r) => r.organisation.orgNumber },
    { header: col("workshop"), type: "text", value: (r) => r.workshop.title },
    { header: col("buyerReference"), type: "text", value: (r) => r.invoice.buyerReference },
    { header: col("creditNoteDate"), type: "date", value: (r) => r.issueDate },
    { header: col("reason"), type: "text", value: (r) => r.reason },
    { header: col("exclVat"), type: "amount", value: (r) => r.totalExclVatOre },
    { header: col("vat"), type: "amount", value: (r) => r.totalVatOre },
    { header: col("total"), type: "amount", value: (r) => r.totalInclVatOre },
  ];
}

/** The rows of one kind with their columns, ready to be written in either format. */
type Table = { rowCount: number; write: (format: ExportFormat, sheetName: string, created: Date) => Promise<Uint8Array<ArrayBuffer>> };

function table<R>(columns: ExportColumn<R>[], rows: R[]): Table {
  return {
    rowCount: rows.length,
    write: async (fileFormat, sheetName, created) =>
      fileFormat === "csv" ? new TextEncoder().encode(writeCsv({ columns, rows })) : writeXlsx({ columns, rows }, { sheetName, created }),
  };
}

/** The rows and columns of one kind, read with the same where-clause as the page's list. */
async function tableFor(tx: Prisma.TransactionClient, input: ExportBillingInput, t: LooseTranslator): Promise<Table> {
  switch (input.kind) {
    case "orders":
      return table(orderColumns(t), await readAll((w, p) => findOrderRows(tx, w, p), ordersWhere(input)));
    case "payments":
      return table(paymentColumns(t), await readAll((w, p) => findPaymentRows(tx, w, p), paymentsWhere(input)));
    case "invoices":
      return table(invoiceColumns(t), await readAll((w, p) => findInvoiceRows(tx, w, p), invoicesWhere(input)));
    case "credit-notes":
      return table(creditNoteColumns(t), await readAll((w, p) => findCreditNoteRows(tx, w, p), creditNotesWhere(input)));
  }
}

/**
 * One of the admin's billing lists as a CSV or Excel file, with every row the filter matches and
 * the column headers in the requester's language. The rows are read in one snapshot, and the
 * export is written to the audit log in the same transaction (who, which list, which filter, how
 * many rows): the file holds personal data, and GDPR asks that such disclosures can be traced.
 */
export async function exportBilling(
  user: SessionUser,
  input: ExportBillingInput,
  now: Date,
  options: { locale: AppLocale; requestId?: string },
): Promise<BillingExport> {
  assertCan(user, "billing.readAll");
  const t = siteTranslator(options.locale);
  const { kind, format: fileFormat, ...filter } = input;

  const table = await db.$transaction(
    async (tx) => {
      const read = await tableFor(tx, input, t);
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "billing.exported",
        entityType: "BillingExport",
        entityId: kind,
        after: { kind, format: fileFormat, filter: JSON.parse(JSON.stringify(filter)) as Prisma.InputJsonValue, rows: read.rowCount },
        requestId: options.requestId,
      });
      return read;
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 10_000 },
  );

  const key = kindKey(kind);
  const fileName = `${t(`billingAdmin.fileNames.${key}`)}-${toStockholmDate(now)}.${fileFormat}`;
  const body = await table.write(fileFormat, t(`billingAdmin.sheetNames.${key}`), now);
  return { fileName, contentType: fileFormat === "csv" ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE, body, rowCount: table.rowCount };
}
