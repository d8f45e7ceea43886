import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { invoiceRecipientInput, buyerReferenceField, costCentreField } from "@/lib/server/billing/invoice-recipient";
import { issueInvoice } from "@/lib/server/billing/issue-invoice";
import { planInvoicingRun } from "@/lib/server/billing/invoicing-run";
import { confirmOrder } from "@/lib/server/enrollment/confirm-order";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

export { loadInvoiceRecipientDefaults } from "@/lib/server/billing/invoice-recipient";

export const payByInvoiceInput = z.object({
  orderId: idField,
  buyerReference: buyerReferenceField,
  costCentre: costCentreField,
  recipient: invoiceRecipientInput,
});
export type PayByInvoiceInput = z.infer<typeof payByInvoiceInput>;

export type PayByInvoiceResult = {
  orderId: string;
  reference: string;
  /** Null when the workshop invoices in a consolidated run: the invoice comes later. */
  invoiceId: string | null;
  invoiceNumber: string | null;
};

/**
 * The orderer chooses to pay by invoice to their employer. In one transaction: the invoice details
 * are stored on the order, the order is confirmed (INVOICED: the seats are theirs), and, unless the
 * workshop leaves invoices to the admin's consolidated run, the invoice for the order's lines is
 * issued with the next number of the series. If anything fails nothing is kept, the number
 * included.
 *
 * Only the person who placed the order (NOT_FOUND otherwise); only an order waiting for payment
 * (CONFLICT otherwise, also when its seats are gone); only an order made for an organisation.
 */
export async function payByInvoice(user: SessionUser, input: PayByInvoiceInput, now: Date): Promise<PayByInvoiceResult> {
  return runBookingTransaction((tx) => pay(tx, user, input, now));
}

async function pay(tx: Prisma.TransactionClient, user: SessionUser, input: PayByInvoiceInput, now: Date): Promise<PayByInvoiceResult> {
  const [locked] = await tx.$queryRaw<{ placedById: string }[]>`select "placedById" from "Order" where "id" = ${input.orderId} for update`;
  if (!locked || locked.placedById !== user.id) throw new AppError("NOT_FOUND");
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: { id: true, reference: true, status: true, workshopId: true, organisationId: true, workshop: { select: { consolidatedInvoicing: true } } },
  });
  if (order.status !== "PENDING_PAYMENT") {
    throw new AppError("CONFLICT", `Order ${order.reference} is ${order.status}`, { _form: ["orderNotPayable"] });
  }
  if (!order.organisationId) {
    throw new AppError("CONFLICT", `Order ${order.reference} has no organisation to invoice`, { _form: ["invoiceNeedsOrganisation"] });
  }

  await tx.order.update({
    where: { id: order.id },
    data: {
      paymentMethod: "INVOICE",
      buyerReference: input.buyerReference,
      costCentre: input.costCentre,
      invoiceRecipient: input.recipient as unknown as Prisma.InputJsonObject,
    },
  });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: "order.invoice-chosen",
    entityType: "Order",
    entityId: order.id,
    before: { paymentMethod: null },
    after: {
      paymentMethod: "INVOICE",
      buyerReference: input.buyerReference,
      costCentre: input.costCentre,
      recipient: { name: input.recipient.name, orgNumber: input.recipient.orgNumber, peppolEndpoint: input.recipient.peppolEndpoint },
    },
  });
  await confirmOrder(tx, order.id, now, "INVOICED", user.id);

  if (order.workshop.consolidatedInvoicing) return { orderId: order.id, reference: order.reference, invoiceId: null, invoiceNumber: null };

  // The same rule as the consolidated run picks the lines: those of the bookings just confirmed
  // (withdrawn ones were never bought) and the upgrade credits that go with their package.
  const plan = await planInvoicingRun(tx, order.workshopId, [order.id]);
  const lines = plan?.groups.flatMap((g) => g.lines) ?? [];
  if (lines.length === 0) throw new AppError("CONFLICT", `Order ${order.reference} has nothing to invoice`, { _form: ["orderNotPayable"] });
  const invoice = await issueInvoice(tx, {
    workshopId: order.workshopId,
    organisationId: order.organisationId,
    buyerReference: input.buyerReference,
    costCentre: input.costCentre,
    recipient: input.recipient,
    orderLineIds: lines.map((l) => l.orderLineId),
    chargedPercent: Object.fromEntries(lines.filter((l) => l.chargedPercent !== 100).map((l) => [l.orderLineId, l.chargedPercent])),
    now,
    actorId: user.id,
  });
  return { orderId: order.id, reference: order.reference, invoiceId: invoice.invoiceId, invoiceNumber: invoice.displayNumber };
}
