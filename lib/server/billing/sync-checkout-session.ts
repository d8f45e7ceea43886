import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus, PaymentStatus } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { lockPayment, queueFullRefund, type LockedPayment } from "@/lib/server/billing/card-payment-state";
import { confirmOrder } from "@/lib/server/enrollment/confirm-order";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { getStripe } from "@/lib/stripe/client";

export type CheckoutSyncResult = { orderId: string; payment: PaymentStatus; order: OrderStatus };

export type SyncCheckoutOptions = {
  /**
   * Runs first inside the transaction of the effect (the webhook records its event id here);
   * false means "handled before": nothing more is done and the call answers null.
   */
  recordEvent?: (tx: Prisma.TransactionClient) => Promise<boolean>;
};

/** Why a payment is refunded in full instead of confirming its order (Refund.reason). */
const REFUND_REASONS = {
  seatsGone: "paid-after-seats-released",
  amountMismatch: "amount-mismatch",
} as const;
const REFUND_REASON_BY_ORDER_STATUS: Record<Exclude<OrderStatus, "PENDING_PAYMENT">, string> = {
  EXPIRED: REFUND_REASONS.seatsGone,
  CANCELLED: "order-cancelled",
  PAID: "order-already-paid",
  INVOICED: "order-invoiced",
};

/**
 * Brings a card payment in line with its Checkout Session as Stripe has it now (fetched here,
 * never taken from an event body), in one transaction with the order and the payment locked:
 *
 * - paid → the payment SUCCEEDED (with its payment intent and paidAt) and, in the same step, the
 *   order confirmed (`confirmOrder(tx, orderId, now, "PAID")`). If the seats are gone (the hold ran
 *   out and the seats were released) or the order was meanwhile paid, invoiced or cancelled, the
 *   money is kept as SUCCEEDED and a full refund is queued (a PENDING Refund row for the refund job).
 * - expired → a PENDING payment CANCELLED; an async payment that failed → FAILED.
 *
 * A payment that went through is never moved back, and its order effect happens only on that one
 * move to SUCCEEDED, so events in any order, and any number of repeats, end in the same state.
 *
 * Answers null when the session is not one of ours (no payment row for it), or when
 * `options.recordEvent` says the event was handled before. Stripe is called before the
 * transaction, never inside it.
 */
export async function syncCheckoutSession(sessionId: string, now: Date, options: SyncCheckoutOptions = {}): Promise<CheckoutSyncResult | null> {
  const session = await getStripe().checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] });
  return runBookingTransaction(async (tx) => {
    if (options.recordEvent && !(await options.recordEvent(tx))) return null;
    return applyCheckoutSession(tx, session, now);
  });
}

async function applyCheckoutSession(tx: Prisma.TransactionClient, session: Stripe.Checkout.Session, now: Date): Promise<CheckoutSyncResult | null> {
  // Found by its session id, or (should the process have stopped between creating the session and
  // writing its id) by the payment id in the session's metadata.
  const paymentId = session.metadata?.paymentId;
  const found = await tx.payment.findFirst({
    where: { OR: [{ stripeCheckoutSessionId: session.id }, ...(paymentId ? [{ id: paymentId, stripeCheckoutSessionId: null }] : [])] },
    select: { id: true, orderId: true },
  });
  if (!found || (session.client_reference_id && session.client_reference_id !== found.orderId)) return null;

  // Lock order as everywhere: the order row first (confirmOrder locks it too), then the payment.
  const [order] = await tx.$queryRaw<{ status: OrderStatus }[]>`select "status"::text as "status" from "Order" where "id" = ${found.orderId} for update`;
  const payment = await lockPayment(tx, found.id);
  if (!order || !payment) return null;

  const intent = session.payment_intent;
  const intentId = typeof intent === "string" ? intent : (intent?.id ?? null);
  let paymentStatus = payment.status;
  let orderStatus = order.status;

  if (session.payment_status === "paid") {
    if (payment.status === "PENDING" || payment.status === "CANCELLED" || payment.status === "FAILED") {
      await tx.payment.update({
        where: { id: payment.id },
        data: { status: "SUCCEEDED", stripeCheckoutSessionId: session.id, stripePaymentIntentId: intentId, paidAt: now },
      });
      paymentStatus = "SUCCEEDED";
      await recordAuditEvent(tx, {
        actorId: null,
        action: "payment.succeeded",
        entityType: "Payment",
        entityId: payment.id,
        before: { status: payment.status },
        after: { status: "SUCCEEDED", amountOre: session.amount_total ?? payment.amountOre, paymentIntent: intentId, session: session.id },
      });
      orderStatus = await settleOrderForPayment(tx, { ...payment, stripeCheckoutSessionId: session.id, stripePaymentIntentId: intentId }, order.status, session, now);
    } else if (!payment.stripePaymentIntentId && intentId) {
      await tx.payment.update({ where: { id: payment.id }, data: { stripePaymentIntentId: intentId } });
    }
  } else if (session.status === "expired" || isFailedAsyncPayment(session)) {
    if (payment.status === "PENDING") {
      paymentStatus = session.status === "expired" ? "CANCELLED" : "FAILED";
      await tx.payment.update({ where: { id: payment.id }, data: { status: paymentStatus, stripeCheckoutSessionId: session.id } });
      await recordAuditEvent(tx, {
        actorId: null,
        action: paymentStatus === "CANCELLED" ? "payment.cancelled" : "payment.failed",
        entityType: "Payment",
        entityId: payment.id,
        before: { status: "PENDING" },
        after: { status: paymentStatus, session: session.id },
      });
    }
  }
  return { orderId: payment.orderId, payment: paymentStatus, order: orderStatus };
}

/** Checkout finished, but the (delayed) payment method failed: nothing will be paid on it. */
function isFailedAsyncPayment(session: Stripe.Checkout.Session): boolean {
  const intent = session.payment_intent;
  return session.status === "complete" && typeof intent === "object" && intent !== null && (intent.status === "canceled" || intent.status === "requires_payment_method");
}

/** The money is in: confirm the order, or, when its seats are gone or it was paid otherwise, give the money back. */
async function settleOrderForPayment(
  tx: Prisma.TransactionClient,
  payment: LockedPayment,
  status: OrderStatus,
  session: Stripe.Checkout.Session,
  now: Date,
): Promise<OrderStatus> {
  if (session.amount_total !== payment.amountOre) {
    await queueFullRefund(tx, payment, REFUND_REASONS.amountMismatch);
    return status;
  }
  if (status !== "PENDING_PAYMENT") {
    await queueFullRefund(tx, payment, REFUND_REASON_BY_ORDER_STATUS[status]);
    return status;
  }
  // confirmOrder refuses (CONFLICT) before it writes, but a savepoint keeps even a late refusal
  // from leaving half a confirmation behind.
  await tx.$executeRawUnsafe("savepoint confirm_order");
  try {
    await confirmOrder(tx, payment.orderId, now, "PAID");
    await tx.$executeRawUnsafe("release savepoint confirm_order");
    return "PAID";
  } catch (error) {
    if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    await tx.$executeRawUnsafe("rollback to savepoint confirm_order");
    await queueFullRefund(tx, payment, REFUND_REASONS.seatsGone);
    return status;
  }
}
