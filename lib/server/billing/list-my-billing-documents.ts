import "server-only";
import { db } from "@/lib/db";
import { dateColumnToLocalDate, toStockholmDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceStatus, PaymentStatus } from "@/lib/generated/prisma/enums";

/**
 * The invoices a person may see as their own: those with a line from an order they placed. An
 * invoice goes to the employer and may (consolidated invoicing) also hold colleagues' lines with
 * the same buyer reference; whoever placed one of its orders sees the whole invoice, as the
 * employer's copy. Exported so the document routes can apply the very same rule.
 */
export function invoicesOfOrdersPlacedBy(userId: string): Prisma.InvoiceWhereInput {
  return { lines: { some: { orderLine: { order: { placedById: userId } } } } };
}

/** Card payments that have a receipt: the money came in (and may since have been given back). */
export const RECEIPT_PAYMENT_STATUSES = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const satisfies readonly PaymentStatus[];
export type ReceiptPaymentStatus = (typeof RECEIPT_PAYMENT_STATUSES)[number];

/** Payments of orders the person placed that have a receipt. */
export function receiptsOfOrdersPlacedBy(userId: string): Prisma.PaymentWhereInput {
  return { order: { placedById: userId }, status: { in: [...RECEIPT_PAYMENT_STATUSES] } };
}

export type MyInvoice = {
  id: string;
  displayNumber: string;
  workshop: string;
  organisation: string;
  issueDate: LocalDate;
  dueDate: LocalDate;
  totalInclVatOre: number;
  status: InvoiceStatus;
  /** Not paid and the due date has passed (Stockholm days). */
  overdue: boolean;
};

export type MyCreditNote = {
  id: string;
  displayNumber: string;
  invoice: { id: string; displayNumber: string };
  workshop: string;
  reason: string;
  issueDate: LocalDate;
  totalInclVatOre: number;
};

export type MyReceipt = {
  paymentId: string;
  orderReference: string;
  workshop: string;
  paidAt: Date | null;
  amountOre: number;
  refundedOre: number;
  status: ReceiptPaymentStatus;
};

function isReceiptStatus(status: PaymentStatus): status is ReceiptPaymentStatus {
  return (RECEIPT_PAYMENT_STATUSES as readonly PaymentStatus[]).includes(status);
}

/**
 * "Fakturor och kvitton": the invoices on orders the person placed, the credit notes of those
 * invoices, and the receipts of their card payments, newest first. Ownership is part of every
 * query, so nothing of anyone else is ever loaded.
 */
export async function listMyBillingDocuments(user: { id: string }, now: Date) {
  const today = toStockholmDate(now);
  const mine = invoicesOfOrdersPlacedBy(user.id);
  const [invoices, creditNotes, payments] = await Promise.all([
    db.invoice.findMany({
      where: mine,
      orderBy: [{ issueDate: "desc" }, { series: "desc" }, { number: "desc" }],
      select: {
        id: true, displayNumber: true, issueDate: true, dueDate: true, totalInclVatOre: true, status: true,
        workshop: { select: { title: true } },
        organisation: { select: { name: true } },
      },
    }),
    db.creditNote.findMany({
      where: { invoice: mine },
      orderBy: [{ issueDate: "desc" }, { series: "desc" }, { number: "desc" }],
      select: {
        id: true, displayNumber: true, reason: true, issueDate: true, totalInclVatOre: true,
        invoice: { select: { id: true, displayNumber: true, workshop: { select: { title: true } } } },
      },
    }),
    db.payment.findMany({
      where: receiptsOfOrdersPlacedBy(user.id),
      orderBy: [{ paidAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true, status: true, amountOre: true, refundedOre: true, paidAt: true,
        order: { select: { reference: true, workshop: { select: { title: true } } } },
      },
    }),
  ]);

  return {
    invoices: invoices.map((i): MyInvoice => {
      const dueDate = dateColumnToLocalDate(i.dueDate);
      return {
        id: i.id,
        displayNumber: i.displayNumber,
        workshop: i.workshop.title,
        organisation: i.organisation.name,
        issueDate: dateColumnToLocalDate(i.issueDate),
        dueDate,
        totalInclVatOre: i.totalInclVatOre,
        status: i.status,
        overdue: i.status === "ISSUED" && dueDate < today,
      };
    }),
    creditNotes: creditNotes.map(
      (c): MyCreditNote => ({
        id: c.id,
        displayNumber: c.displayNumber,
        invoice: { id: c.invoice.id, displayNumber: c.invoice.displayNumber },
        workshop: c.invoice.workshop.title,
        reason: c.reason,
        issueDate: dateColumnToLocalDate(c.issueDate),
        totalInclVatOre: c.totalInclVatOre,
      }),
    ),
    receipts: payments.flatMap((p): MyReceipt[] =>
      isReceiptStatus(p.status)
        ? [{ paymentId: p.id, orderReference: p.order.reference, workshop: p.order.workshop.title, paidAt: p.paidAt, amountOre: p.amountOre, refundedOre: p.refundedOre, status: p.status }]
        : [],
    ),
  };
}

export type MyBillingDocuments = Awaited<ReturnType<typeof listMyBillingDocuments>>;
