import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PaymentStatus } from "@/lib/generated/prisma/enums";
import {
  allOf,
  BILLING_PAGE_SIZE,
  billingFilterFields,
  containsText,
  pageField,
  stockholmDayRange,
  type BillingFilter,
  type PersonRef,
} from "./billing-filter";

export const PAYMENT_STATUSES = Object.values(PaymentStatus);

export const paymentFilterInput = z.object({
  ...billingFilterFields,
  status: z.enum(PaymentStatus, { error: "invalidChoice" }).optional(),
});
export const listPaymentsInput = paymentFilterInput.extend({ page: pageField });

export type PaymentFilter = BillingFilter & { status?: PaymentStatus };

/**
 * Card payments matching the filter. The dates are the day the money came in; a payment that never
 * went through (pending, failed, cancelled) counts from the day it was started.
 */
export function paymentsWhere(filter: PaymentFilter): Prisma.PaymentWhereInput {
  const q = filter.q;
  const days = stockholmDayRange(filter.from, filter.to);
  return allOf<Prisma.PaymentWhereInput>(
    filter.status && { status: filter.status },
    filter.workshopId && { order: { workshopId: filter.workshopId } },
    filter.organisationId && { order: { organisationId: filter.organisationId } },
    days && { OR: [{ paidAt: days }, { paidAt: null, createdAt: days }] },
    q && {
      OR: [
        { stripeCheckoutSessionId: containsText(q) },
        { stripePaymentIntentId: containsText(q) },
        { order: { reference: containsText(q) } },
        { order: { placedBy: { OR: [{ name: containsText(q) }, { email: containsText(q) }] } } },
        { order: { organisation: { name: containsText(q) } } },
      ],
    },
  );
}

const paymentSelect = {
  id: true,
  status: true,
  amountOre: true,
  refundedOre: true,
  stripeCheckoutSessionId: true,
  stripePaymentIntentId: true,
  paidAt: true,
  createdAt: true,
  order: {
    select: {
      id: true,
      reference: true,
      workshop: { select: { id: true, title: true } },
      placedBy: { select: { name: true, email: true } },
      organisation: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.PaymentSelect;

export type PaymentRow = {
  id: string;
  status: PaymentStatus;
  /** Payments are made by card through Stripe; invoices are their own list. */
  method: "CARD";
  amountOre: number;
  refundedOre: number;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
  paidAt: Date | null;
  createdAt: Date;
  order: { id: string; reference: string };
  workshop: { id: string; title: string };
  orderer: PersonRef;
  organisation: { id: string; name: string } | null;
};

const paymentOrder: Prisma.PaymentOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export async function findPaymentRows(client: Prisma.TransactionClient, where: Prisma.PaymentWhereInput, page: { skip: number; take: number }): Promise<PaymentRow[]> {
  const rows = await client.payment.findMany({ where, orderBy: paymentOrder, skip: page.skip, take: page.take, select: paymentSelect });
  return rows.map(({ order, ...p }) => ({
    ...p,
    method: "CARD",
    order: { id: order.id, reference: order.reference },
    workshop: order.workshop,
    orderer: order.placedBy,
    organisation: order.organisation,
  }));
}

export type PaymentTotals = { count: number; amountOre: number; refundedOre: number };

export async function paymentTotals(client: Prisma.TransactionClient, where: Prisma.PaymentWhereInput): Promise<PaymentTotals> {
  const sum = await client.payment.aggregate({ where, _count: { _all: true }, _sum: { amountOre: true, refundedOre: true } });
  return { count: sum._count._all, amountOre: sum._sum.amountOre ?? 0, refundedOre: sum._sum.refundedOre ?? 0 };
}

/** The admin's list of card payments: one page of the filtered set and its totals. */
export async function listPayments(user: SessionUser, input: z.output<typeof listPaymentsInput>) {
  assertCan(user, "billing.readAll");
  const where = paymentsWhere(input);
  const [totals, rows] = await Promise.all([
    paymentTotals(db, where),
    findPaymentRows(db, where, { skip: (input.page - 1) * BILLING_PAGE_SIZE, take: BILLING_PAGE_SIZE }),
  ]);
  return { total: totals.count, pageSize: BILLING_PAGE_SIZE, rows, totals };
}
