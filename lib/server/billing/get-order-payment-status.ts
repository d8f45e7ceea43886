import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderStatus, PaymentStatus } from "@/lib/generated/prisma/enums";
import { syncCheckoutSession } from "@/lib/server/billing/sync-checkout-session";
import { idField } from "@/lib/validation/fields";

export const getOrderPaymentStatusInput = z.object({ orderId: idField });
export type GetOrderPaymentStatusInput = z.infer<typeof getOrderPaymentStatusInput>;

export type OrderPaymentStatus = {
  orderId: string;
  reference: string;
  orderStatus: OrderStatus;
  /** The latest card payment's status; null when the order has none (invoice, or not started). */
  paymentStatus: PaymentStatus | null;
  totalInclVatOre: number;
  workshopTitle: string;
  paidAt: Date | null;
};

/**
 * The order's payment outcome for the page Stripe Checkout returns to. Only the person who placed
 * the order sees it (anyone else: NOT_FOUND). While the order waits for a card payment, the
 * payment is first read from Stripe (syncCheckoutSession), so the page is right even when the
 * webhook has not arrived yet; if Stripe cannot be reached, the page shows what is known.
 */
export async function getOrderPaymentStatus(user: SessionUser, input: GetOrderPaymentStatusInput, now: Date): Promise<OrderPaymentStatus> {
  const before = await load(input.orderId);
  if (!before || before.placedById !== user.id) throw new AppError("NOT_FOUND");
  if (before.status !== "PENDING_PAYMENT") return view(before);

  const waiting = before.payments.filter((p) => p.status === "PENDING" && p.stripeCheckoutSessionId);
  if (waiting.length === 0) return view(before);
  for (const payment of waiting) {
    try {
      await syncCheckoutSession(payment.stripeCheckoutSessionId!, now);
    } catch (error) {
      console.error(`[billing] could not read Checkout Session ${payment.stripeCheckoutSessionId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return view((await load(input.orderId))!);
}

function load(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, reference: true, status: true, placedById: true, totalInclVatOre: true,
      workshop: { select: { title: true } },
      payments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { status: true, paidAt: true, stripeCheckoutSessionId: true } },
    },
  });
}

function view(order: NonNullable<Awaited<ReturnType<typeof load>>>): OrderPaymentStatus {
  // The payment that went through, else the latest attempt.
  const paid = order.payments.find((p) => p.paidAt !== null);
  const shown = paid ?? order.payments[0] ?? null;
  return {
    orderId: order.id,
    reference: order.reference,
    orderStatus: order.status,
    paymentStatus: shown?.status ?? null,
    totalInclVatOre: order.totalInclVatOre,
    workshopTitle: order.workshop.title,
    paidAt: paid?.paidAt ?? null,
  };
}
