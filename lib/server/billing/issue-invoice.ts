/**
 * Issues one invoice for order lines of one workshop and one organisation, in the caller's
 * transaction: at checkout (payByInvoice) or in the consolidated invoicing run. The invoice is
 * built by the pure rules (createInvoiceDocument), frozen as issued (Invoice.document, the UBL
 * beside it) and never changed afterwards (a database trigger refuses it): corrections are credit
 * notes.
 *
 * Lock order, as in enrollment: the order rows (sorted by id), then the number series. Whoever
 * invoices a line locks its order first, so two issues of the same line queue and the second finds
 * it invoiced and is refused (CONFLICT).
 *
 * No `server-only` here: scripts (benchmarks, sample files) issue invoices with their own client.
 */
import { documentTexts } from "@/lib/domain/billing/document-texts";
import { buyerInputOf, type InvoiceRecipient } from "@/lib/domain/billing/recipient";
import { keptShareOre } from "@/lib/domain/billing/refund";
import { createInvoiceDocument, type InvoiceDocument, type LineInput, type SellerInput } from "@/lib/domain/invoicing/document";
import { invoiceDates } from "@/lib/domain/invoicing/terms";
import { dateColumnToLocalDate, localDateToDateColumn, toStockholmDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildInvoiceXml } from "@/lib/peppol/ubl";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { takeDocumentNumber } from "@/lib/server/billing/number-series";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

export type IssueInvoiceInput = {
  workshopId: string;
  organisationId: string;
  buyerReference: string;
  /** The cost centre for the whole invoice; an order's own cost centre wins for its lines. */
  costCentre: string | null;
  recipient: InvoiceRecipient;
  orderLineIds: readonly string[];
  /**
   * The share (1–100) of a line to charge, for a booking cancelled after the cancellation day before
   * it was invoiced (see lib/domain/billing/consolidation.ts); whole lines when absent.
   */
  chargedPercent?: Readonly<Record<string, number>>;
  /** BT-22, e.g. "Samlingsfaktura: …". */
  note?: string | null;
  now: Date;
  actorId: string | null;
  requestId?: string;
};

export type IssuedInvoice = { invoiceId: string; displayNumber: string; totalInclVatOre: number };

const sellerSelect = {
  name: true, orgNumber: true, vatNumber: true, peppolEndpoint: true, streetAddress: true, postalCode: true, city: true,
  countryCode: true, bankgiro: true, email: true, phone: true, fTaxApproved: true, paymentTermsDays: true,
} as const;

export function sellerInputOf(organiser: {
  name: string; orgNumber: string; vatNumber: string; peppolEndpoint: string | null; streetAddress: string; postalCode: string;
  city: string; countryCode: string; bankgiro: string; email: string; phone: string | null; fTaxApproved: boolean;
}): SellerInput {
  return {
    name: organiser.name,
    orgNumber: organiser.orgNumber,
    vatNumber: organiser.vatNumber,
    peppolEndpoint: organiser.peppolEndpoint,
    address: { street: organiser.streetAddress, postalCode: organiser.postalCode, city: organiser.city, countryCode: organiser.countryCode },
    bankgiro: organiser.bankgiro,
    email: organiser.email,
    phone: organiser.phone,
    fTaxApproved: organiser.fTaxApproved,
  };
}

/** Locks the orders of these order lines, in id order (the lock order every issuer keeps). */
export async function lockOrdersOfLines(tx: Prisma.TransactionClient, orderLineIds: readonly string[]): Promise<string[]> {
  const rows = await tx.orderLine.findMany({ where: { id: { in: [...orderLineIds] } }, select: { orderId: true } });
  const orderIds = [...new Set(rows.map((r) => r.orderId))].sort();
  if (orderIds.length > 0) await tx.$queryRaw`select "id" from "Order" where "id" = any(${orderIds}::text[]) order by "id" for update`;
  return orderIds;
}

/** What the invoice will say, without a number yet: loaded, checked, ready to freeze. */
async function prepare(tx: Prisma.TransactionClient, input: IssueInvoiceInput) {
  const ids = [...new Set(input.orderLineIds)];
  if (ids.length === 0) throw new AppError("CONFLICT", "Nothing to invoice");
  const workshop = await tx.workshop.findUnique({
    where: { id: input.workshopId },
    select: { title: true, startsOn: true, endsOn: true, organiser: { select: sellerSelect } },
  });
  if (!workshop) throw new AppError("NOT_FOUND", `Workshop ${input.workshopId} not found`);
  const lines = await tx.orderLine.findMany({
    where: { id: { in: ids } },
    orderBy: [{ order: { createdAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, kind: true, description: true, quantity: true, unitPriceOre: true, vatRateBp: true,
      invoiceLines: { select: { invoice: { select: { displayNumber: true } } }, take: 1 },
      lecture: { select: { startsAt: true, endsAt: true } },
      order: {
        select: {
          id: true, reference: true, workshopId: true, organisationId: true, costCentre: true,
          placedBy: { select: { id: true, email: true, locale: true, erasedAt: true } },
        },
      },
      booking: { select: { participant: { select: { name: true, email: true, erasedAt: true } }, lecture: { select: { startsAt: true, endsAt: true } } } },
    },
  });
  if (lines.length !== ids.length) throw new AppError("NOT_FOUND", "An order line to invoice does not exist");
  for (const line of lines) {
    if (line.order.workshopId !== input.workshopId || line.order.organisationId !== input.organisationId) {
      throw new AppError("CONFLICT", `Order line ${line.id} belongs to another workshop or organisation`);
    }
    const already = line.invoiceLines[0];
    if (already) throw new AppError("CONFLICT", `Order line ${line.id} is already on invoice ${already.invoice.displayNumber}`);
  }

  const packagePeriod = { start: dateColumnToLocalDate(workshop.startsOn), end: dateColumnToLocalDate(workshop.endsOn) };
  const costCentreOf = (line: (typeof lines)[number]) => line.order.costCentre?.trim() || input.costCentre?.trim() || null;
  const costCentres = new Set(lines.map(costCentreOf));
  // One cost centre for every line goes on the document (BT-19); different ones go on the lines (BT-133).
  const documentCostCentre = costCentres.size === 1 ? [...costCentres][0]! : null;
  const documentLines: LineInput[] = lines.map((line) => {
    // Stored the BR-27 way (negative quantity, positive price); a negative price is turned round.
    const [quantity, unitPriceOre] = line.unitPriceOre < 0 ? [-line.quantity, -line.unitPriceOre] : [line.quantity, line.unitPriceOre];
    const percent = input.chargedPercent?.[line.id] ?? 100;
    const lecture = line.booking?.lecture ?? line.lecture;
    const period =
      lecture ? { start: toStockholmDate(lecture.startsAt), end: toStockholmDate(lecture.endsAt) } : line.kind === "PACKAGE" ? packagePeriod : undefined;
    const participant = line.booking && !line.booking.participant.erasedAt ? (line.booking.participant.name ?? line.booking.participant.email) : undefined;
    const lineCostCentre = documentCostCentre === null ? costCentreOf(line) : null;
    return {
      description: percent === 100 ? line.description : documentTexts.chargedShare(line.description, percent),
      ...(participant ? { note: documentTexts.participant(participant) } : {}),
      quantity,
      unitPriceOre: percent === 100 ? unitPriceOre : keptShareOre({ amountOre: unitPriceOre, late: true, lateRefundPercent: 100 - percent }),
      vatRateBp: line.vatRateBp,
      ...(lineCostCentre ? { accountingCost: lineCostCentre } : {}),
      ...(period ? { period } : {}),
    };
  });
  const organiser = workshop.organiser;
  const { issueDate } = invoiceDates(input.now, organiser.paymentTermsDays);
  const build = (number: string): InvoiceDocument =>
    createInvoiceDocument({
      number,
      issueDate,
      paymentTermsDays: organiser.paymentTermsDays,
      paymentTermsText: documentTexts.paymentTerms(organiser.paymentTermsDays),
      seller: sellerInputOf(organiser),
      buyer: buyerInputOf(input.recipient),
      buyerReference: input.buyerReference,
      accountingCost: documentCostCentre,
      note: input.note ?? null,
      lines: documentLines,
    });
  return { workshop, lines, issueDate, build };
}

/**
 * Checks that the invoice can be issued as things stand (recipient, seller, lines), without taking
 * a number or writing anything: for the run's preview. Throws what issueInvoice would throw.
 */
export async function checkInvoice(tx: Prisma.TransactionClient, input: IssueInvoiceInput): Promise<{ totalInclVatOre: number }> {
  const prepared = await prepare(tx, input);
  return { totalInclVatOre: prepared.build("F0000-00000").totals.taxInclusiveOre };
}

export async function issueInvoice(tx: Prisma.TransactionClient, input: IssueInvoiceInput): Promise<IssuedInvoice> {
  await lockOrdersOfLines(tx, input.orderLineIds);
  const { workshop, lines, issueDate, build } = await prepare(tx, input);
  // Built once before the number is taken, so a document the rules refuse never holds the series' lock.
  build("F0000-00000");
  const taken = await takeDocumentNumber(tx, "INVOICE", issueDate);
  const doc = build(taken.displayNumber);

  const invoice = await tx.invoice.create({
    data: {
      series: taken.series,
      number: taken.number,
      displayNumber: taken.displayNumber,
      organisationId: input.organisationId,
      workshopId: input.workshopId,
      buyerReference: doc.buyerReference,
      costCentre: doc.accountingCost ?? null,
      issueDate: localDateToDateColumn(doc.issueDate),
      dueDate: localDateToDateColumn(doc.dueDate),
      currency: doc.currency,
      totalExclVatOre: doc.totals.taxExclusiveOre,
      totalVatOre: doc.totals.vatOre,
      totalInclVatOre: doc.totals.taxInclusiveOre,
      sellerSnapshot: doc.seller as unknown as Prisma.InputJsonObject,
      buyerSnapshot: { ...doc.buyer, email: input.recipient.email } as unknown as Prisma.InputJsonObject,
      ublXml: buildInvoiceXml(doc),
      document: doc as unknown as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
  await tx.invoiceLine.createMany({
    data: doc.lines.map((l, i) => ({
      invoiceId: invoice.id,
      orderLineId: lines[i]!.id,
      position: Number(l.id),
      description: l.description,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      vatRateBp: l.vatRateBp,
      lineExclVatOre: l.lineExclVatOre,
      vatOre: l.vatOre,
    })),
  });
  const orders = [...new Map(lines.map((l) => [l.order.id, l.order])).values()];
  await recordAuditEvent(tx, {
    actorId: input.actorId,
    action: "invoice.issued",
    entityType: "Invoice",
    entityId: invoice.id,
    after: {
      number: taken.displayNumber,
      organisationId: input.organisationId,
      buyerReference: doc.buyerReference,
      totalInclVatOre: doc.totals.taxInclusiveOre,
      lines: doc.lines.length,
      orders: orders.map((o) => o.reference),
    },
    requestId: input.requestId,
  });

  const orderers = new Map(orders.map((o) => [o.placedBy.id, o.placedBy]));
  for (const orderer of orderers.values()) {
    if (orderer.erasedAt) continue;
    await enqueueEmail(tx, {
      to: orderer.email,
      locale: orderer.locale,
      template: "invoice-issued",
      params: { number: taken.displayNumber, workshop: workshop.title, buyer: doc.buyer.name, totalInclVatOre: doc.totals.taxInclusiveOre, dueDate: doc.dueDate },
    });
  }
  return { invoiceId: invoice.id, displayNumber: taken.displayNumber, totalInclVatOre: doc.totals.taxInclusiveOre };
}
