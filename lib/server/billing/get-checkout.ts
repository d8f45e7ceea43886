import "server-only";
import { db } from "@/lib/db";
import { isHoldExpired } from "@/lib/domain/enrollment";
import { AppError } from "@/lib/errors";
import type { OrderStatus, PaymentMethod, PaymentStatus } from "@/lib/generated/prisma/enums";

export type CheckoutLine = {
  id: string;
  description: string;
  participant: string;
  unitPriceOre: number;
  quantity: number;
  vatRateBp: number;
  lineExclVatOre: number;
  vatOre: number;
};

export type CheckoutView = {
  orderId: string;
  reference: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod | null;
  workshop: { title: string; slug: string; consolidatedInvoicing: boolean };
  organisation: { name: string } | null;
  lines: CheckoutLine[];
  totals: { exclVatOre: number; vatOre: number; inclVatOre: number };
  /** The earliest hold of the order's unpaid bookings; null when nothing waits for payment. */
  holdExpiresAt: Date | null;
  /** True when the order can still be paid: pending, and no hold has run out. */
  payable: boolean;
  /** Invoices go to an employer: an order without an organisation is paid by card. */
  invoiceAllowed: boolean;
  buyerReference: string | null;
  costCentre: string | null;
  invoices: { id: string; displayNumber: string; totalInclVatOre: number }[];
  receipts: { paymentId: string; status: PaymentStatus; amountOre: number }[];
};

const RECEIPT_STATUSES: readonly PaymentStatus[] = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"];

/**
 * The order as its checkout and result pages show it: lines with the participants, totals, until
 * when the seats are held, and (once paid) the invoice or the receipt. Only the person who placed
 * the order sees it; for anyone else it does not exist.
 */
export async function getCheckout(user: { id: string }, orderId: string, now: Date): Promise<CheckoutView> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, reference: true, status: true, paymentMethod: true, placedById: true, buyerReference: true, costCentre: true,
      totalExclVatOre: true, totalVatOre: true, totalInclVatOre: true,
      workshop: { select: { title: true, slug: true, consolidatedInvoicing: true } },
      organisation: { select: { name: true } },
      lines: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, description: true, unitPriceOre: true, quantity: true, vatRateBp: true, lineExclVatOre: true, vatOre: true,
          booking: { select: { participant: { select: { name: true, email: true } } } },
          invoiceLines: { select: { invoice: { select: { id: true, displayNumber: true, totalInclVatOre: true } } } },
        },
      },
      bookings: { select: { status: true, holdExpiresAt: true } },
      payments: { select: { id: true, status: true, amountOre: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!order || order.placedById !== user.id) throw new AppError("NOT_FOUND");

  const pending = order.bookings.filter((b) => b.status === "PENDING_PAYMENT");
  const holds = pending.map((b) => b.holdExpiresAt).filter((d): d is Date => d !== null);
  const holdExpiresAt = holds.length ? new Date(Math.min(...holds.map((d) => d.getTime()))) : null;
  const expired = pending.some((b) => isHoldExpired(b.status, b.holdExpiresAt, now));
  const invoices = new Map<string, CheckoutView["invoices"][number]>();
  for (const line of order.lines) for (const il of line.invoiceLines) invoices.set(il.invoice.id, il.invoice);

  return {
    orderId: order.id,
    reference: order.reference,
    status: order.status,
    paymentMethod: order.paymentMethod,
    workshop: order.workshop,
    organisation: order.organisation,
    lines: order.lines.map((l) => ({
      id: l.id,
      description: l.description,
      participant: l.booking?.participant.name ?? l.booking?.participant.email ?? "",
      unitPriceOre: l.unitPriceOre,
      quantity: l.quantity,
      vatRateBp: l.vatRateBp,
      lineExclVatOre: l.lineExclVatOre,
      vatOre: l.vatOre,
    })),
    totals: { exclVatOre: order.totalExclVatOre, vatOre: order.totalVatOre, inclVatOre: order.totalInclVatOre },
    holdExpiresAt,
    payable: order.status === "PENDING_PAYMENT" && pending.length > 0 && !expired,
    invoiceAllowed: order.organisation !== null,
    buyerReference: order.buyerReference,
    costCentre: order.costCentre,
    invoices: [...invoices.values()].sort((a, b) => a.displayNumber.localeCompare(b.displayNumber)),
    receipts: order.payments.filter((p) => RECEIPT_STATUSES.includes(p.status)).map((p) => ({ paymentId: p.id, status: p.status, amountOre: p.amountOre })),
  };
}
