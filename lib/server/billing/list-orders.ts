import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OrderStatus, PaymentMethod } from "@/lib/generated/prisma/enums";
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

export const ORDER_STATUSES = Object.values(OrderStatus);

export const orderFilterInput = z.object({
  ...billingFilterFields,
  status: z.enum(OrderStatus, { error: "invalidChoice" }).optional(),
});
export const listOrdersInput = orderFilterInput.extend({ page: pageField });

export type OrderFilter = BillingFilter & { status?: OrderStatus };

/** Orders matching the filter; the dates are the days the orders were placed (Stockholm). */
export function ordersWhere(filter: OrderFilter): Prisma.OrderWhereInput {
  const q = filter.q;
  const days = stockholmDayRange(filter.from, filter.to);
  return allOf<Prisma.OrderWhereInput>(
    filter.status && { status: filter.status },
    filter.workshopId && { workshopId: filter.workshopId },
    filter.organisationId && { organisationId: filter.organisationId },
    days && { createdAt: days },
    q && {
      OR: [
        { reference: containsText(q) },
        { buyerReference: containsText(q) },
        { placedBy: { OR: [{ name: containsText(q) }, { email: containsText(q) }] } },
        { organisation: { name: containsText(q) } },
        { bookings: { some: { participant: { OR: [{ name: containsText(q) }, { email: containsText(q) }] } } } },
      ],
    },
  );
}

const orderSelect = {
  id: true,
  reference: true,
  status: true,
  paymentMethod: true,
  buyerReference: true,
  costCentre: true,
  totalExclVatOre: true,
  totalVatOre: true,
  totalInclVatOre: true,
  createdAt: true,
  workshop: { select: { id: true, title: true } },
  placedBy: { select: { name: true, email: true } },
  organisation: { select: { id: true, name: true } },
  _count: { select: { bookings: true } },
} satisfies Prisma.OrderSelect;

export type OrderRow = {
  id: string;
  reference: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod | null;
  createdAt: Date;
  workshop: { id: string; title: string };
  orderer: PersonRef;
  organisation: { id: string; name: string } | null;
  buyerReference: string | null;
  costCentre: string | null;
  bookings: number;
  totalExclVatOre: number;
  totalVatOre: number;
  totalInclVatOre: number;
};

/** Newest first; the id breaks ties so pages and export batches never overlap or skip. */
const orderOrder: Prisma.OrderOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export async function findOrderRows(client: Prisma.TransactionClient, where: Prisma.OrderWhereInput, page: { skip: number; take: number }): Promise<OrderRow[]> {
  const rows = await client.order.findMany({ where, orderBy: orderOrder, skip: page.skip, take: page.take, select: orderSelect });
  return rows.map(({ placedBy, _count, ...o }) => ({ ...o, orderer: placedBy, bookings: _count.bookings }));
}

export type OrderTotals = { count: number; exclVatOre: number; vatOre: number; inclVatOre: number };

export async function orderTotals(client: Prisma.TransactionClient, where: Prisma.OrderWhereInput): Promise<OrderTotals> {
  const sum = await client.order.aggregate({ where, _count: { _all: true }, _sum: { totalExclVatOre: true, totalVatOre: true, totalInclVatOre: true } });
  return {
    count: sum._count._all,
    exclVatOre: sum._sum.totalExclVatOre ?? 0,
    vatOre: sum._sum.totalVatOre ?? 0,
    inclVatOre: sum._sum.totalInclVatOre ?? 0,
  };
}

/** The admin's list of orders: one page of the filtered set and its totals. */
export async function listOrders(user: SessionUser, input: z.output<typeof listOrdersInput>) {
  assertCan(user, "billing.readAll");
  const where = ordersWhere(input);
  const [totals, rows] = await Promise.all([
    orderTotals(db, where),
    findOrderRows(db, where, { skip: (input.page - 1) * BILLING_PAGE_SIZE, take: BILLING_PAGE_SIZE }),
  ]);
  return { total: totals.count, pageSize: BILLING_PAGE_SIZE, rows, totals };
}
