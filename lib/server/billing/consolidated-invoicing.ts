import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { checkGroup, issueGroup, planInvoicingRun, type RunProblem } from "@/lib/server/billing/invoicing-run";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

/**
 * The admin's consolidated invoicing run (samlingsfakturering) for one workshop: one invoice per
 * organisation and buyer reference for every order line of an invoice-paid order that is not on an
 * invoice yet (lib/domain/billing/consolidation.ts says which lines, and how much of a booking
 * cancelled late). Admins only; the use case checks the role too, not only the action.
 *
 * Running it twice issues nothing the second time; two runs at once never invoice a line twice
 * (each group's transaction locks its orders and reads again, see invoicing-run.ts).
 */
export const consolidatedInvoicingInput = z.object({ workshopId: idField });
export type ConsolidatedInvoicingInput = z.infer<typeof consolidatedInvoicingInput>;

export type InvoicingPreviewGroup = {
  organisationId: string;
  organisationName: string;
  buyerReference: string;
  bookings: number;
  totalInclVatOre: number;
  /** Codes (invoicingRun.problems.*); a group with problems is skipped by the run. */
  problems: RunProblem[];
};

export type InvoicingPreview = { groups: InvoicingPreviewGroup[] };

export type InvoicingRunResult = {
  invoices: { id: string; displayNumber: string; organisationName: string; buyerReference: string; totalInclVatOre: number }[];
  skipped: { organisationName: string; buyerReference: string; reason: RunProblem }[];
};

/** What the run would invoice now, with totals as they would be issued and what stops a group. */
export async function previewConsolidatedInvoicing(user: SessionUser, input: ConsolidatedInvoicingInput, now: Date = new Date()): Promise<InvoicingPreview> {
  assertCan(user, "billing.run");
  const plan = await planInvoicingRun(db, input.workshopId);
  if (!plan) throw new AppError("NOT_FOUND");
  const groups: InvoicingPreviewGroup[] = [];
  for (const group of plan.groups) {
    const checked = await checkGroup(db, plan, group, now);
    groups.push({
      organisationId: group.organisationId ?? "",
      organisationName: group.organisationName,
      buyerReference: group.buyerReference,
      bookings: group.bookings,
      totalInclVatOre: checked.totalInclVatOre,
      problems: checked.problems,
    });
  }
  return { groups };
}

export async function runConsolidatedInvoicing(user: SessionUser, input: ConsolidatedInvoicingInput, now: Date): Promise<InvoicingRunResult> {
  assertCan(user, "billing.run");
  const plan = await planInvoicingRun(db, input.workshopId);
  if (!plan) throw new AppError("NOT_FOUND");
  const result: InvoicingRunResult = { invoices: [], skipped: [] };
  for (const group of plan.groups) {
    const outcome = await runBookingTransaction((tx) => issueGroup(tx, plan.workshop.id, group, now, user.id));
    if (outcome.kind === "issued") {
      result.invoices.push({
        id: outcome.invoice.invoiceId,
        displayNumber: outcome.invoice.displayNumber,
        organisationName: group.organisationName,
        buyerReference: group.buyerReference,
        totalInclVatOre: outcome.invoice.totalInclVatOre,
      });
    } else if (outcome.kind === "skipped") {
      result.skipped.push({ organisationName: group.organisationName, buyerReference: group.buyerReference, reason: outcome.reason });
    }
  }
  if (result.invoices.length > 0 || result.skipped.length > 0) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: user.id,
        action: "invoicing-run.completed",
        entityType: "Workshop",
        entityId: plan.workshop.id,
        after: {
          invoices: result.invoices.map((i) => i.displayNumber),
          skipped: result.skipped.map((s) => ({ organisation: s.organisationName, buyerReference: s.buyerReference, reason: s.reason })),
        },
      }),
    );
  }
  return result;
}

export type InvoicingWorkshop = { id: string; title: string; edition: string; consolidatedInvoicing: boolean };

/** Workshops to choose from on the run's page, newest first; drafts have no orders and are left out. */
export async function listInvoicingWorkshops(user: SessionUser): Promise<InvoicingWorkshop[]> {
  assertCan(user, "billing.run");
  return db.workshop.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: [{ startsOn: "desc" }, { title: "asc" }],
    select: { id: true, title: true, edition: true, consolidatedInvoicing: true },
  });
}
