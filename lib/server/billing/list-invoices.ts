import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import {
  allOf,
  BILLING_PAGE_SIZE,
  billingFilterFields,
  containsText,
  dateColumnRange,
  pageField,
  type BillingFilter,
} from "./billing-filter";

export const INVOICE_STATUSES = Object.values(InvoiceStatus);

export const invoiceFilterInput = z.object({
  ...billingFilterFields,
  status: z.enum(InvoiceStatus, { error: "invalidChoice" }).optional(),
});
export const listInvoicesInput = invoiceFilterInput.extend({ page: pageField });

export type InvoiceFilter = BillingFilter & { status?: InvoiceStatus };

/** Invoices matching the filter; the dates are issue dates. */
export function invoicesWhere(filter: InvoiceFilter): Prisma.InvoiceWhereInput {
  const q = filter.q;
  const days = dateColumnRange(filter.from, filter.to);
  const person = (text: string): Prisma.UserWhereInput => ({ OR: [{ name: containsText(text) }, { email: containsText(text) }] });
  return allOf<Prisma.InvoiceWhereInput>(
    filter.status && { status: filter.status },
    filter.workshopId && { workshopId: filter.workshopId },
    filter.organisationId && { organisationId: filter.organisationId },
    days && { issueDate: days },
    q && {
      OR: [
        { displayNumber: containsText(q) },
        { buyerReference: containsText(q) },
        { costCentre: containsText(q) },
        { organisation: { name: containsText(q) } },
        { lines: { some: { orderLine: { order: { OR: [{ reference: containsText(q) }, { placedBy: person(q) }] } } } } },
        { lines: { some: { orderLine: { booking: { participant: person(q) } } } } },
      ],
    },
  );
}

const invoiceSelect = {
  id: true,
  displayNumber: true,
  status: true,
  buyerReference: true,
  costCentre: true,
  issueDate: true,
  dueDate: true,
  paidAt: true,
  totalExclVatOre: true,
  totalVatOre: true,
  totalInclVatOre: true,
  workshop: { select: { id: true, title: true } },
  organisation: { select: { id: true, name: true, orgNumber: true } },
} satisfies Prisma.InvoiceSelect;

export type InvoiceRow = {
  id: string;
  displayNumber: string;
  status: InvoiceStatus;
  buyerReference: string;
  costCentre: string | null;
  issueDate: LocalDate;
  dueDate: LocalDate;
  paidAt: Date | null;
  totalExclVatOre: number;
  totalVatOre: number;
  totalInclVatOre: number;
  workshop: { id: string; title: string };
  organisation: { id: string; name: string; orgNumber: string | null };
};

/** Newest first, and within a day by number (series, then number), highest first. */
const invoiceOrder: Prisma.InvoiceOrderByWithRelationInput[] = [{ issueDate: "desc" }, { series: "desc" }, { number: "desc" }];

export async function findInvoiceRows(client: Prisma.TransactionClient, where: Prisma.InvoiceWhereInput, page: { skip: number; take: number }): Promise<InvoiceRow[]> {
  const rows = await client.invoice.findMany({ where, orderBy: invoiceOrder, skip: page.skip, take: page.take, select: invoiceSelect });
  return rows.map((i) => ({ ...i, issueDate: dateColumnToLocalDate(i.issueDate), dueDate: dateColumnToLocalDate(i.dueDate) }));
}

export type InvoiceTotals = { count: number; exclVatOre: number; vatOre: number; inclVatOre: number };

export async function invoiceTotals(client: Prisma.TransactionClient, where: Prisma.InvoiceWhereInput): Promise<InvoiceTotals> {
  const sum = await client.invoice.aggregate({ where, _count: { _all: true }, _sum: { totalExclVatOre: true, totalVatOre: true, totalInclVatOre: true } });
  return {
    count: sum._count._all,
    exclVatOre: sum._sum.totalExclVatOre ?? 0,
    vatOre: sum._sum.totalVatOre ?? 0,
    inclVatOre: sum._sum.totalInclVatOre ?? 0,
  };
}

/** The admin's list of invoices: one page of the filtered set and its totals. */
export async function listInvoices(user: SessionUser, input: z.output<typeof listInvoicesInput>) {
  assertCan(user, "billing.readAll");
  const where = invoicesWhere(input);
  const [totals, rows] = await Promise.all([
    invoiceTotals(db, where),
    findInvoiceRows(db, where, { skip: (input.page - 1) * BILLING_PAGE_SIZE, take: BILLING_PAGE_SIZE }),
  ]);
  return { total: totals.count, pageSize: BILLING_PAGE_SIZE, rows, totals };
}
