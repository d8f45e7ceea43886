/**
 * Gives back what a cancelled booking cost, in the cancelling transaction (cancelBooking calls it
 * right after the booking became CANCELLED). How much: everything when cancelled on or before the
 * workshop's cancellation day, `Workshop.lateCancellationRefundPercent` of it after (late = true;
 * only coordinators can cancel then), nothing at 0 % (lib/domain/billing/refund.ts, rounded down
 * to whole öre).
 *
 * - The booking's order line is on an invoice → a credit note (UBL CreditNote, "K" series, gap-free)
 *   that refers to the invoice, for the line or the refunded share of it. The invoice itself is never
 *   edited: only its status moves to PARTIALLY_CREDITED or CREDITED.
 * - The order was paid by card → a Refund row (PENDING) for the line's amount incl. VAT, or the share;
 *   the refund job sends it to Stripe with the row id as idempotency key.
 * - The order is INVOICED but the line waits for the consolidated run (not invoiced yet) → nothing is
 *   written here. The run decides from the booking: cancelled on time, the line is never invoiced;
 *   cancelled late, it is invoiced at the share the seller keeps (100 − the refund percentage), which
 *   comes to the same as invoicing it whole and crediting the refunded share
 *   (lib/domain/billing/consolidation.ts).
 * - Unpaid orders have nothing to give back.
 *
 * A package bought as an upgrade gives back what its order charged for it: the package line less
 * the credits for the participant's lectures (UPGRADE_CREDIT lines). The lecture bookings the
 * upgrade ended are not revived, and what was paid for them earlier is not given back.
 *
 * Lock order: the caller holds the order and booking rows; this locks the invoice row (two bookings
 * of one consolidated invoice may be cancelled at once), then the number series.
 *
 * No `server-only` here, like the enrollment helpers it is called beside.
 */
import { documentTexts } from "@/lib/domain/billing/document-texts";
import { refundPercent, refundShare } from "@/lib/domain/billing/refund";
import { createCreditNoteDocument, type InvoiceDocument } from "@/lib/domain/invoicing/document";
import { InvoicingError } from "@/lib/domain/invoicing/errors";
import { localDateToDateColumn, toStockholmDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildCreditNoteXml } from "@/lib/peppol/ubl";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { takeDocumentNumber } from "@/lib/server/billing/number-series";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

export type CreditCancelledBookingInput = {
  bookingId: string;
  now: Date;
  actorId: string | null;
  /** What the person who cancelled wrote, if anything (kept on the refund row, not on the credit note). */
  reason: string | null;
  /** Cancelled after the cancellation day. */
  late: boolean;
  requestId?: string;
};

export type CreditCancelledBookingResult = { creditNoteId: string | null; refundId: string | null };

const REFUNDABLE_PAYMENTS = ["SUCCEEDED", "PARTIALLY_REFUNDED"] as const;

export async function creditCancelledBooking(tx: Prisma.TransactionClient, input: CreditCancelledBookingInput): Promise<CreditCancelledBookingResult> {
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: input.bookingId },
    select: {
      id: true,
      kind: true,
      status: true,
      orderId: true,
      participantId: true,
      participant: { select: { name: true, email: true, erasedAt: true } },
      workshop: { select: { title: true, lateCancellationRefundPercent: true } },
      order: {
        select: {
          id: true, reference: true, status: true, paymentMethod: true,
          placedBy: { select: { email: true, locale: true, erasedAt: true } },
          payments: { where: { status: { in: [...REFUNDABLE_PAYMENTS] } }, orderBy: { createdAt: "desc" }, select: { id: true, amountOre: true } },
        },
      },
    },
  });
  const none: CreditCancelledBookingResult = { creditNoteId: null, refundId: null };
  if (booking.status !== "CANCELLED" || !booking.order || !booking.orderId) return none;
  const percent = refundPercent({ late: input.late, lateRefundPercent: booking.workshop.lateCancellationRefundPercent });
  if (percent === 0) return none;

  // What the booking cost: its own lines and, for a package bought as an upgrade, the credits for the
  // participant's lectures deducted from it (they point at the lecture bookings the upgrade ended).
  // So what is given back is what this order charged for the package, never more.
  const orderLines = await tx.orderLine.findMany({
    where: {
      orderId: booking.orderId,
      OR: [
        { bookingId: booking.id, kind: { not: "UPGRADE_CREDIT" } },
        ...(booking.kind === "PACKAGE" ? [{ kind: "UPGRADE_CREDIT" as const, booking: { participantId: booking.participantId } }] : []),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, description: true, lineExclVatOre: true, vatOre: true, invoiceLines: { select: { id: true, position: true, invoiceId: true } } },
  });
  const invoiced = orderLines.flatMap((l) => l.invoiceLines.map((il) => ({ ...il, description: l.description })));
  let creditNoteId: string | null = null;
  for (const invoiceId of [...new Set(invoiced.map((l) => l.invoiceId))]) {
    const lines = invoiced.filter((l) => l.invoiceId === invoiceId);
    const participant = booking.participant.erasedAt ? "" : (booking.participant.name ?? booking.participant.email);
    const id = await creditInvoiceLines(tx, {
      invoiceId,
      invoiceLineIds: lines.map((l) => l.id),
      percent,
      reason: documentTexts.creditReason({ description: lines[0]?.description ?? "", participant, percent }),
      workshop: booking.workshop.title,
      orderer: booking.order.placedBy,
      now: input.now,
      actorId: input.actorId,
      requestId: input.requestId,
      bookingId: booking.id,
    });
    creditNoteId ??= id;
  }

  let refundId: string | null = null;
  const payment = booking.order.status === "PAID" ? booking.order.payments[0] : undefined;
  const cardLines = orderLines.filter((l) => l.invoiceLines.length === 0);
  if (payment && cardLines.length > 0) {
    refundId = await recordRefund(tx, {
      paymentId: payment.id,
      paymentAmountOre: payment.amountOre,
      bookingId: booking.id,
      amountOre: refundShare({
        amountOre: cardLines.reduce((sum, l) => sum + l.lineExclVatOre + l.vatOre, 0),
        late: input.late,
        lateRefundPercent: booking.workshop.lateCancellationRefundPercent,
      }),
      reason: input.reason,
      actorId: input.actorId,
      requestId: input.requestId,
      orderReference: booking.order.reference,
    });
  }
  return { creditNoteId, refundId };
}

async function creditInvoiceLines(
  tx: Prisma.TransactionClient,
  input: {
    invoiceId: string;
    invoiceLineIds: string[];
    percent: number;
    reason: string;
    workshop: string;
    orderer: { email: string; locale: "sv" | "en"; erasedAt: Date | null };
    now: Date;
    actorId: string | null;
    requestId?: string;
    bookingId: string;
  },
): Promise<string | null> {
  // Two bookings on one invoice may be cancelled at the same moment: one credit note at a time.
  await tx.$queryRaw`select "id" from "Invoice" where "id" = ${input.invoiceId} for update`;
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: input.invoiceId },
    select: {
      id: true, displayNumber: true, status: true, totalInclVatOre: true, document: true,
      lines: { select: { id: true, position: true } },
      creditNotes: { select: { totalInclVatOre: true, lines: { select: { invoiceLineId: true } } } },
    },
  });
  // The frozen document exactly as issued (issueInvoice wrote it from createInvoiceDocument).
  const document = invoice.document as unknown as InvoiceDocument;
  const positionOf = new Map(invoice.lines.map((l) => [l.id, String(l.position)]));
  const idOfPosition = new Map(invoice.lines.map((l) => [String(l.position), l.id]));
  const alreadyCredited = invoice.creditNotes.flatMap((cn) => cn.lines.map((l) => positionOf.get(l.invoiceLineId) ?? ""));
  const issueDate = toStockholmDate(input.now);
  const draft = (number: string) =>
    createCreditNoteDocument({
      number,
      issueDate,
      invoice: document,
      invoiceLineIds: input.invoiceLineIds.map((id) => positionOf.get(id) ?? ""),
      alreadyCreditedLineIds: alreadyCredited,
      sharePercent: input.percent,
      reason: input.reason,
    });
  try {
    draft("K0000-00000");
  } catch (error) {
    // A share so small it rounds to nothing: there is nothing to credit.
    if (error instanceof InvoicingError && error.code === "NEGATIVE_TOTAL") return null;
    throw error;
  }
  const taken = await takeDocumentNumber(tx, "CREDIT_NOTE", issueDate);
  const doc = draft(taken.displayNumber);
  const creditNote = await tx.creditNote.create({
    data: {
      series: taken.series,
      number: taken.number,
      displayNumber: taken.displayNumber,
      invoiceId: invoice.id,
      reason: doc.reason,
      issueDate: localDateToDateColumn(doc.issueDate),
      currency: doc.currency,
      totalExclVatOre: doc.totals.taxExclusiveOre,
      totalVatOre: doc.totals.vatOre,
      totalInclVatOre: doc.totals.taxInclusiveOre,
      ublXml: buildCreditNoteXml(doc),
      document: doc as unknown as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
  await tx.creditNoteLine.createMany({
    data: doc.lines.map((l, i) => ({
      creditNoteId: creditNote.id,
      invoiceLineId: idOfPosition.get(doc.creditedInvoiceLineIds[i] ?? "")!,
      position: Number(l.id),
      description: l.description,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      vatRateBp: l.vatRateBp,
      lineExclVatOre: l.lineExclVatOre,
      vatOre: l.vatOre,
    })),
  });
  const creditedOre = invoice.creditNotes.reduce((sum, cn) => sum + cn.totalInclVatOre, 0) + doc.totals.taxInclusiveOre;
  const status = creditedOre >= invoice.totalInclVatOre ? "CREDITED" : "PARTIALLY_CREDITED";
  // Status only: the trigger refuses any other change to an issued invoice.
  await tx.invoice.update({ where: { id: invoice.id }, data: { status } });
  await recordAuditEvent(tx, {
    actorId: input.actorId,
    action: "credit-note.issued",
    entityType: "CreditNote",
    entityId: creditNote.id,
    after: {
      number: taken.displayNumber,
      invoice: invoice.displayNumber,
      booking: input.bookingId,
      sharePercent: input.percent,
      totalInclVatOre: doc.totals.taxInclusiveOre,
    },
    requestId: input.requestId,
  });
  if (status !== invoice.status) {
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: "invoice.status-changed",
      entityType: "Invoice",
      entityId: invoice.id,
      before: { status: invoice.status },
      after: { status, creditNote: taken.displayNumber },
      requestId: input.requestId,
    });
  }
  if (!input.orderer.erasedAt) {
    await enqueueEmail(tx, {
      to: input.orderer.email,
      locale: input.orderer.locale,
      template: "credit-note-issued",
      params: { number: taken.displayNumber, invoiceNumber: invoice.displayNumber, workshop: input.workshop, totalInclVatOre: doc.totals.taxInclusiveOre },
    });
  }
  return creditNote.id;
}

async function recordRefund(
  tx: Prisma.TransactionClient,
  input: {
    paymentId: string;
    paymentAmountOre: number;
    bookingId: string;
    amountOre: number;
    reason: string | null;
    actorId: string | null;
    requestId?: string;
    orderReference: string;
  },
): Promise<string | null> {
  // Lock the payment: refunds of two bookings of one order never add up to more than was paid.
  const [payment] = await tx.$queryRaw<{ refundedOre: number }[]>`
    select "refundedOre" from "Payment" where "id" = ${input.paymentId} for update`;
  const existing = await tx.refund.findUnique({ where: { bookingId: input.bookingId }, select: { id: true } });
  if (!payment || existing) return existing?.id ?? null;
  const pending = await tx.refund.aggregate({ where: { paymentId: input.paymentId, status: "PENDING" }, _sum: { amountOre: true } });
  const refundable = input.paymentAmountOre - Number(payment.refundedOre) - (pending._sum.amountOre ?? 0);
  const amountOre = Math.min(input.amountOre, refundable);
  if (amountOre <= 0) return null;
  const refund = await tx.refund.create({
    data: { paymentId: input.paymentId, bookingId: input.bookingId, amountOre, status: "PENDING", reason: input.reason },
    select: { id: true },
  });
  await recordAuditEvent(tx, {
    actorId: input.actorId,
    action: "refund.recorded",
    entityType: "Refund",
    entityId: refund.id,
    after: { payment: input.paymentId, booking: input.bookingId, order: input.orderReference, amountOre, status: "PENDING" },
    requestId: input.requestId,
  });
  return refund.id;
}
