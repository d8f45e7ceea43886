import { randomBytes } from "node:crypto";
import type { UpgradeCreditLine } from "@/lib/domain/billing/package";
import { allocateVat, vatBreakdown } from "@/lib/domain/invoicing/vat";
import { orderTotals, type PriceTier, type PricedLine } from "@/lib/domain/pricing";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * One order with its bookings and priced lines, all waiting for payment: what booking and an
 * accepted waiting-list offer both create. Seats are the caller's business (taken before, or
 * already held by the offer); so are the e-mails.
 */
export type PlannedBooking = {
  participant: { id: string; email: string };
  kind: "LECTURE" | "PACKAGE";
  /** "L:<lectureId>" / "P:<workshopId>" */
  key: string;
  lectureId: string | null;
  ownProject: boolean;
  description: string;
  line: PricedLine;
  /**
   * An upgrade from lectures already paid or invoiced to the package: negative lines for what those
   * lectures cost, each tied to the lecture booking it replaces (confirmOrder cancels those bookings
   * once this order is paid or invoiced).
   */
  credits?: readonly { supersededBookingId: string; line: UpgradeCreditLine }[];
};

export type PlacedOrder = { orderId: string; reference: string; bookingIds: string[]; totalInclVatOre: number };

export async function createPendingOrder(
  tx: Prisma.TransactionClient,
  order: {
    workshopId: string;
    placedById: string;
    organisationId: string | null;
    tier: PriceTier;
    idempotencyKey: string | null;
    holdUntil: Date;
    now: Date;
    bookings: readonly PlannedBooking[];
  },
  audit: { actorId: string; requestId?: string; after?: Record<string, string> } = { actorId: order.placedById },
): Promise<PlacedOrder> {
  const vat = orderVat(order.bookings.flatMap((b) => [b.line, ...(b.credits ?? []).map((c) => c.line)]));
  const totals = orderTotals(vat.lines);
  let position = 0;
  const created = await tx.order.create({
    data: {
      reference: orderReference(order.now),
      workshopId: order.workshopId,
      placedById: order.placedById,
      organisationId: order.organisationId,
      idempotencyKey: order.idempotencyKey,
      totalExclVatOre: totals.exclVatOre,
      totalVatOre: totals.vatOre,
      totalInclVatOre: totals.inclVatOre,
    },
    select: { id: true, reference: true },
  });

  const bookingIds: string[] = [];
  for (const p of order.bookings) {
    const booking = await tx.booking.create({
      data: {
        kind: p.kind,
        workshopId: order.workshopId,
        lectureId: p.lectureId,
        participantId: p.participant.id,
        bookedById: order.placedById,
        orderId: created.id,
        status: "PENDING_PAYMENT",
        ownProject: p.kind === "PACKAGE" && p.ownProject,
        activeSessionKey: p.key,
        holdExpiresAt: order.holdUntil,
      },
      select: { id: true },
    });
    bookingIds.push(booking.id);
    await tx.orderLine.create({
      data: {
        orderId: created.id, kind: p.kind, bookingId: booking.id, lectureId: p.lectureId, description: p.description,
        priceTier: order.tier, quantity: p.line.quantity, unitPriceOre: p.line.unitPriceOre, vatRateBp: p.line.vatRateBp,
        lineExclVatOre: p.line.lineExclVatOre, vatOre: vat.shares[position++]!,
      },
    });
    for (const credit of p.credits ?? []) {
      await tx.orderLine.create({
        data: {
          orderId: created.id, kind: "UPGRADE_CREDIT", bookingId: credit.supersededBookingId, description: credit.line.description,
          priceTier: order.tier, quantity: credit.line.quantity, unitPriceOre: credit.line.unitPriceOre, vatRateBp: credit.line.vatRateBp,
          lineExclVatOre: credit.line.lineExclVatOre, vatOre: vat.shares[position++]!,
        },
      });
    }
    await recordAuditEvent(tx, {
      actorId: audit.actorId,
      action: "booking.created",
      entityType: "Booking",
      entityId: booking.id,
      after: { status: "PENDING_PAYMENT", kind: p.kind, session: p.key, participant: p.participant.email, order: created.reference, ...audit.after },
      requestId: audit.requestId,
    });
  }
  return { orderId: created.id, reference: created.reference, bookingIds, totalInclVatOre: totals.inclVatOre };
}

/**
 * The order's VAT as its invoice will have it: rounded once per rate (BR-CO-17) and shared out over
 * the lines, so what the card is charged and what the invoice says agree to the öre. A rate the
 * invoice rules do not know (a misconfigured price) falls back to rounding per line.
 */
function orderVat(lines: readonly { lineExclVatOre: number; vatOre: number; vatRateBp: number }[]) {
  let shares: number[];
  try {
    shares = allocateVat(lines, vatBreakdown(lines));
  } catch {
    shares = lines.map((l) => l.vatOre);
  }
  return { shares, lines: lines.map((l, i) => ({ lineExclVatOre: l.lineExclVatOre, vatOre: shares[i]! })) };
}

/** A short reference people can read out on the phone: VK-2611-7KQ4M2 (year-month, then random). */
export function orderReference(now: Date): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join("");
  const ym = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `VK-${ym}-${random}`;
}
