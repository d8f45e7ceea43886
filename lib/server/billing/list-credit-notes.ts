import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allOf, BILLING_PAGE_SIZE, billingFilterFields, containsText, dateColumnRange, pageField, type BillingFilter } from "./billing-filter";

/** Credit notes have no status of their own: issued is final. */
export const creditNoteFilterInput = z.object({ ...billingFilterFields });
export const listCreditNotesInput = creditNoteFilterInput.extend({ page: pageField });

export type CreditNoteFilter = BillingFilter;

/** Credit notes matching the filter; workshop and organisation are the credited invoice's, the dates are issue dates. */
export function creditNotesWhere(filter: CreditNoteFilter): Prisma.CreditNoteWhereInput {
  const q = filter.q;
  const days = dateColumnRange(filter.from, filter.to);
  return allOf<Prisma.CreditNoteWhereInput>(
    filter.workshopId && { invoice: { workshopId: filter.workshopId } },
    filter.organisationId && { invoice: { organisationId: filter.organisationId } },
    days && { issueDate: days },
    q && {
      OR: [
        { displayNumber: containsText(q) },
        { reason: containsText(q) },
        { invoice: { displayNumber: containsText(q) } },
        { invoice: { buyerReference: containsText(q) } },
        { invoice: { organisation: { name: containsText(q) } } },
      ],
    },
  );
}

const creditNoteSelect = {
  id: true,
  displayNumber: true,
  reason: true,
  issueDate: true,
  totalExclVatOre: true,
  totalVatOre: true,
  totalInclVatOre: true,
  invoice: {
    select: {
      id: true,
      displayNumber: true,
      buyerReference: true,
      workshop: { select: { id: true, title: true } },
      organisation: { select: { id: true, name: true, orgNumber: true } },
    },
  },
} satisfies Prisma.CreditNoteSelect;

export type CreditNoteRow = {
  id: string;
  displayNumber: string;
  reason: string;
  issueDate: LocalDate;
  totalExclVatOre: number;
  totalVatOre: number;
  totalInclVatOre: number;
  invoice: { id: string; displayNumber: string; buyerReference: string };
  workshop: { id: string; title: string };
  organisation: { id: string; name: string; orgNumber: string | null };
};

const creditNoteOrder: Prisma.CreditNoteOrderByWithRelationInput[] = [{ issueDate: "desc" }, { series: "desc" }, { number: "desc" }];

export async function findCreditNoteRows(
  client: Prisma.TransactionClient,
  where: Prisma.CreditNoteWhereInput,
  page: { skip: number; take: number },
): Promise<CreditNoteRow[]> {
  const rows = await client.creditNote.findMany({ where, orderBy: creditNoteOrder, skip: page.skip, take: page.take, select: creditNoteSelect });
  return rows.map(({ invoice, ...c }) => ({
    ...c,
    issueDate: dateColumnToLocalDate(c.issueDate),
    invoice: { id: invoice.id, displayNumber: invoice.displayNumber, buyerReference: invoice.buyerReference },
    workshop: invoice.workshop,
    organisation: invoice.organisation,
  }));
}

export type CreditNoteTotals = { count: number; exclVatOre: number; vatOre: number; inclVatOre: number };

export async function creditNoteTotals(client: Prisma.TransactionClient, where: Prisma.CreditNoteWhereInput): Promise<CreditNoteTotals> {
  const sum = await client.creditNote.aggregate({ where, _count: { _all: true }, _sum: { totalExclVatOre: true, totalVatOre: true, totalInclVatOre: true } });
  return {
    count: sum._count._all,
    exclVatOre: sum._sum.totalExclVatOre ?? 0,
    vatOre: sum._sum.totalVatOre ?? 0,
    inclVatOre: sum._sum.totalInclVatOre ?? 0,
  };
}

/** The admin's list of credit notes: one page of the filtered set and its totals. */
export async function listCreditNotes(user: SessionUser, input: z.output<typeof listCreditNotesInput>) {
  assertCan(user, "billing.readAll");
  const where = creditNotesWhere(input);
  const [totals, rows] = await Promise.all([
    creditNoteTotals(db, where),
    findCreditNoteRows(db, where, { skip: (input.page - 1) * BILLING_PAGE_SIZE, take: BILLING_PAGE_SIZE }),
  ]);
  return { total: totals.count, pageSize: BILLING_PAGE_SIZE, rows, totals };
}
