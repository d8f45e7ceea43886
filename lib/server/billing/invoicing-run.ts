/**
 * The consolidated invoicing run's working parts, without the admin check (see
 * consolidated-invoicing.ts): what is waiting to be invoiced for a workshop, grouped per
 * organisation and buyer reference, and issuing one group's invoice in a transaction.
 *
 * A group is issued in its own transaction, which first locks the group's orders and then reads
 * again what is still uninvoiced: two runs at once queue on those locks, and the later one finds
 * nothing left. One group's problem (an invalid recipient, say) does not hold up the others.
 *
 * No `server-only` here: the benchmark and the sample-file script run it with their own client.
 */
import { decidingBooking, groupForConsolidatedInvoicing, type InvoiceGroup } from "@/lib/domain/billing/consolidation";
import { documentTexts } from "@/lib/domain/billing/document-texts";
import { parseStoredRecipient, recipientDefaults, type InvoiceRecipient } from "@/lib/domain/billing/recipient";
import { InvoicingError } from "@/lib/domain/invoicing/errors";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkInvoice, issueInvoice, lockOrdersOfLines, type IssuedInvoice, type IssueInvoiceInput } from "@/lib/server/billing/issue-invoice";

export type RunGroup = InvoiceGroup & {
  organisationName: string;
  /** The newest order's recipient that passes the rules, else the organisation's own data; null if neither does. */
  recipient: InvoiceRecipient | null;
  /** Distinct bookings on the invoice. */
  bookings: number;
};

export type RunPlan = { workshop: { id: string; title: string }; groups: RunGroup[] };

/** Codes of what stops a group from being invoiced (translated under invoicingRun.problems). */
export type RunProblem =
  | "NO_ORGANISATION"
  | "MISSING_BUYER_REFERENCE"
  | "MISSING_RECIPIENT"
  | "ALREADY_INVOICED"
  | InvoicingError["code"]
  | "INVOICE_REFUSED";

export async function planInvoicingRun(client: Prisma.TransactionClient, workshopId: string, onlyOrderIds?: readonly string[]): Promise<RunPlan | null> {
  const workshop = await client.workshop.findUnique({
    where: { id: workshopId },
    select: { id: true, title: true, cancellationDeadline: true, lateCancellationRefundPercent: true },
  });
  if (!workshop) return null;
  const lines = await client.orderLine.findMany({
    where: {
      invoiceLines: { none: {} },
      order: { workshopId, paymentMethod: "INVOICE", status: "INVOICED", ...(onlyOrderIds ? { id: { in: [...onlyOrderIds] } } : {}) },
    },
    orderBy: [{ order: { createdAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      orderId: true,
      bookingId: true,
      booking: { select: { participantId: true, status: true, confirmedAt: true, cancelledAt: true, cancellationReason: true } },
      order: {
        select: {
          organisationId: true,
          buyerReference: true,
          invoiceRecipient: true,
          organisation: {
            select: { name: true, orgNumber: true, peppolEndpoint: true, invoiceStreet: true, invoicePostal: true, invoiceCity: true, invoiceEmail: true },
          },
        },
      },
    },
  });
  // Upgrade credits follow their package booking (decidingBooking).
  const creditOrders = [...new Set(lines.filter((l) => l.kind === "UPGRADE_CREDIT").map((l) => l.orderId))];
  const packages = creditOrders.length
    ? await client.booking.findMany({
        where: { orderId: { in: creditOrders }, kind: "PACKAGE" },
        select: { orderId: true, participantId: true, status: true, confirmedAt: true, cancelledAt: true, cancellationReason: true },
      })
    : [];
  const groups = groupForConsolidatedInvoicing(
    lines.map((l) => ({
      orderLineId: l.id,
      orderId: l.orderId,
      organisationId: l.order.organisationId,
      buyerReference: l.order.buyerReference,
      booking: decidingBooking(l, packages.map((p) => ({ ...p, orderId: p.orderId ?? "" }))),
    })),
    { cancellationDeadline: dateColumnToLocalDate(workshop.cancellationDeadline), lateRefundPercent: workshop.lateCancellationRefundPercent },
  );
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const planned = groups.map((group): RunGroup => {
    const groupLines = group.lines.map((l) => lineById.get(l.orderLineId)!);
    const organisation = groupLines[0]?.order.organisation ?? null;
    // Lines come oldest order first: the newest order's recipient is what the orderer gave last.
    const stored = [...groupLines].reverse().map((l) => parseStoredRecipient(l.order.invoiceRecipient)).find((r) => r !== null) ?? null;
    return {
      ...group,
      organisationName: organisation?.name ?? "",
      recipient: stored ?? (organisation ? parseStoredRecipient(recipientDefaults(organisation)) : null),
      bookings: new Set(groupLines.filter((l) => l.kind !== "UPGRADE_CREDIT").map((l) => l.bookingId).filter((id) => id !== null)).size,
    };
  });
  planned.sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv") || a.buyerReference.localeCompare(b.buyerReference, "sv"));
  return { workshop: { id: workshop.id, title: workshop.title }, groups: planned };
}

function issueInput(plan: RunPlan, group: RunGroup, now: Date, actorId: string | null): IssueInvoiceInput | RunProblem {
  if (!group.organisationId) return "NO_ORGANISATION";
  if (!group.buyerReference) return "MISSING_BUYER_REFERENCE";
  if (!group.recipient) return "MISSING_RECIPIENT";
  return {
    workshopId: plan.workshop.id,
    organisationId: group.organisationId,
    buyerReference: group.buyerReference,
    costCentre: null,
    recipient: group.recipient,
    orderLineIds: group.lines.map((l) => l.orderLineId),
    chargedPercent: Object.fromEntries(group.lines.filter((l) => l.chargedPercent !== 100).map((l) => [l.orderLineId, l.chargedPercent])),
    note: documentTexts.consolidatedNote(plan.workshop.title),
    now,
    actorId,
  };
}

function problemOf(error: unknown): RunProblem {
  if (error instanceof InvoicingError) return error.code;
  if (isAppError(error) && error.code === "CONFLICT") return "ALREADY_INVOICED";
  if (isAppError(error)) return "INVOICE_REFUSED";
  throw error;
}

/** The group's invoice total as it would be issued now, or why it cannot be. */
export async function checkGroup(client: Prisma.TransactionClient, plan: RunPlan, group: RunGroup, now: Date): Promise<{ totalInclVatOre: number; problems: RunProblem[] }> {
  const input = issueInput(plan, group, now, null);
  if (typeof input === "string") return { totalInclVatOre: 0, problems: [input] };
  try {
    return { totalInclVatOre: (await checkInvoice(client, input)).totalInclVatOre, problems: [] };
  } catch (error) {
    return { totalInclVatOre: 0, problems: [problemOf(error)] };
  }
}

export type GroupOutcome = { kind: "issued"; invoice: IssuedInvoice } | { kind: "nothing-left" } | { kind: "skipped"; reason: RunProblem };

/**
 * Issues the group's invoice in the caller's transaction: locks the group's orders, reads again
 * what is still uninvoiced, and invoices that. Nothing left (another run was first) → nothing-left.
 * A refused document → skipped, with the transaction left to the caller to commit (nothing was written).
 */
export async function issueGroup(tx: Prisma.TransactionClient, workshopId: string, group: Pick<RunGroup, "key" | "orderIds">, now: Date, actorId: string | null): Promise<GroupOutcome> {
  const orderIds = [...group.orderIds].sort();
  await tx.$queryRaw`select "id" from "Order" where "id" = any(${orderIds}::text[]) order by "id" for update`;
  const fresh = await planInvoicingRun(tx, workshopId, orderIds);
  const current = fresh?.groups.find((g) => g.key === group.key);
  if (!fresh || !current || current.lines.length === 0) return { kind: "nothing-left" };
  const input = issueInput(fresh, current, now, actorId);
  if (typeof input === "string") return { kind: "skipped", reason: input };
  try {
    // Same lock order as issueInvoice itself keeps (it locks these orders again: a no-op now).
    await lockOrdersOfLines(tx, input.orderLineIds);
    await checkInvoice(tx, input);
  } catch (error) {
    return { kind: "skipped", reason: problemOf(error) };
  }
  return { kind: "issued", invoice: await issueInvoice(tx, input) };
}
