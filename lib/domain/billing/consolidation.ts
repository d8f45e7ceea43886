/**
 * The consolidated invoicing run (samlingsfakturering): for a workshop whose invoice-paid orders
 * wait for the admin's run, one invoice per organisation and buyer reference, covering every order
 * line not yet on an invoice.
 *
 * Which lines are charged, and how much of them:
 * - the booking is confirmed (or the line has no booking of its own): the whole line;
 * - the booking was cancelled on or before the cancellation day, or was never confirmed: nothing;
 * - the booking was confirmed and then cancelled after the cancellation day: what the seller keeps
 *   under the late-cancellation policy (100 − lateCancellationRefundPercent, see refund.ts), i.e.
 *   the same amount an invoice issued first and then credited for the refunded share would come to.
 *   With a refund of 100 % the line is not invoiced at all.
 * - the booking was ended because the organiser cancelled its session: nothing, whenever it
 *   happened (the participant did not choose it; a card payer gets everything back the same way).
 * - an upgrade credit (the lectures already paid, deducted from the package) goes with the package
 *   it was given for, not with the lecture booking it replaced (the upgrade ended that booking): see
 *   decidingBooking.
 */
import type { LocalDate } from "../time";
import { cancelledLate } from "../enrollment";
import { refundPercent } from "./refund";

export type LineBookingState = {
  status: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  /** Why it was cancelled; SESSION_CANCELLED_REASON when the organiser cancelled the session. */
  cancellationReason?: string | null;
};

export type ChargePolicy = { cancellationDeadline: LocalDate; lateRefundPercent: number };

/** The percentage of the line to invoice (1–100), or null when it is not invoiced. */
export function chargedPercent(booking: LineBookingState | null, policy: ChargePolicy): number | null {
  if (!booking || booking.status === "CONFIRMED") return 100;
  if (booking.status !== "CANCELLED" || !booking.confirmedAt || !booking.cancelledAt) return null;
  const late = cancelledLate(policy.cancellationDeadline, booking.cancelledAt, booking.cancellationReason);
  const kept = 100 - refundPercent({ late, lateRefundPercent: policy.lateRefundPercent });
  return kept > 0 ? kept : null;
}

export type PackageBookingState = LineBookingState & { orderId: string; participantId: string };

/**
 * The booking whose state decides whether a line is charged: its own, except for an upgrade credit,
 * which follows the same participant's package booking in the same order. A credit whose package
 * cannot be found follows nothing (null: charged), so it is never silently dropped.
 */
export function decidingBooking(
  line: { kind: "LECTURE" | "PACKAGE" | "UPGRADE_CREDIT"; orderId: string; booking: (LineBookingState & { participantId: string }) | null },
  packages: readonly PackageBookingState[],
): LineBookingState | null {
  if (line.kind !== "UPGRADE_CREDIT") return line.booking;
  const participantId = line.booking?.participantId;
  return packages.find((p) => p.orderId === line.orderId && p.participantId === participantId) ?? null;
}

export type UninvoicedLine = {
  orderLineId: string;
  orderId: string;
  organisationId: string | null;
  buyerReference: string | null;
  /** The booking that decides (decidingBooking), not necessarily the line's own. */
  booking: LineBookingState | null;
};

export type InvoiceGroup = {
  /** organisationId + buyer reference. */
  key: string;
  organisationId: string | null;
  buyerReference: string;
  orderIds: string[];
  lines: { orderLineId: string; chargedPercent: number }[];
};

/**
 * Groups the chargeable lines by organisation and buyer reference (trimmed; compared exactly, as
 * the buyer's systems route by it), in the order the lines come. Lines of orders without an
 * organisation or a reference are grouped too (under an empty reference), so the caller can
 * report them instead of losing them.
 */
export function groupForConsolidatedInvoicing(lines: readonly UninvoicedLine[], policy: ChargePolicy): InvoiceGroup[] {
  const groups = new Map<string, InvoiceGroup>();
  for (const line of lines) {
    const percent = chargedPercent(line.booking, policy);
    if (percent === null) continue;
    const buyerReference = line.buyerReference?.trim() ?? "";
    const key = JSON.stringify([line.organisationId, buyerReference]);
    let group = groups.get(key);
    if (!group) {
      group = { key, organisationId: line.organisationId, buyerReference, orderIds: [], lines: [] };
      groups.set(key, group);
    }
    if (!group.orderIds.includes(line.orderId)) group.orderIds.push(line.orderId);
    group.lines.push({ orderLineId: line.orderLineId, chargedPercent: percent });
  }
  return [...groups.values()];
}
