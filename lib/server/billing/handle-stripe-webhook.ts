import "server-only";
import Stripe from "stripe";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { lockPayment, recordStripeEvent, settleRefundedAmount } from "@/lib/server/billing/card-payment-state";
import { syncCheckoutSession } from "@/lib/server/billing/sync-checkout-session";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { getStripe, stripeWebhookSecret } from "@/lib/stripe/client";

export type StripeWebhookAnswer = {
  status: 200 | 400 | 500 | 503;
  body: { received: true; duplicate?: true; ignored?: true } | { error: string };
};

const CHECKOUT_EVENTS = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
]);
const REFUND_EVENTS = new Set(["refund.created", "refund.updated", "refund.failed"]);

type Outcome = "handled" | "duplicate" | "ignored";

/**
 * POST /api/stripe/webhook. The signature is checked on the raw body (a bad or missing one: 400,
 * nothing written). Each event id is recorded in StripeEvent in the same transaction as its
 * effect, so a repeat (Stripe delivers at least once, possibly concurrently) does nothing:
 * 200 with duplicate. The effect never trusts the event body: it fetches the object from Stripe
 * and brings our rows in line with it (syncCheckoutSession, the refund sync below), so events in
 * any order end in the same state. Events of other types, and events about objects that are not
 * ours, are recorded and answered 200. When Stripe or the database cannot be reached the answer
 * is 500 and nothing is recorded: Stripe delivers the event again later.
 */
export async function handleStripeWebhook(payload: string, signature: string | null, now: Date): Promise<StripeWebhookAnswer> {
  const secret = stripeWebhookSecret();
  if (!secret) {
    console.error("[stripe-webhook] STRIPE_WEBHOOK_SECRET is not set: events cannot be verified");
    return { status: 503, body: { error: "Webhook not configured" } };
  }
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature ?? "", secret);
  } catch {
    return { status: 400, body: { error: "Invalid signature" } };
  }
  const objectId = (event.data?.object as { id?: unknown } | undefined)?.id;
  if (typeof event.id !== "string" || typeof event.type !== "string" || typeof objectId !== "string") {
    return { status: 400, body: { error: "Not a Stripe event" } };
  }

  // A repeat is answered without asking Stripe; the transaction below decides under concurrency.
  if (await db.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return answer("duplicate");

  const record = (tx: Prisma.TransactionClient) => recordStripeEvent(tx, { id: event.id, type: event.type }, now);
  try {
    if (CHECKOUT_EVENTS.has(event.type)) return answer(await checkoutEvent(objectId, now, record));
    if (event.type === "charge.refunded") return answer(await chargeRefunded(objectId, record));
    if (REFUND_EVENTS.has(event.type)) return answer(await refundChanged(objectId, now, record));
    return answer(await recordOnly(record));
  } catch (error) {
    if (isMissingAtStripe(error)) {
      // Stripe does not know the object (another account's test event, or a forged id): noted, no effect.
      return answer((await recordOnly(record)) === "handled" ? "ignored" : "duplicate");
    }
    console.error(`[stripe-webhook] ${event.type} ${event.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { status: 500, body: { error: "Could not handle the event now" } };
  }
}

function answer(outcome: Outcome): StripeWebhookAnswer {
  if (outcome === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
  if (outcome === "ignored") return { status: 200, body: { received: true, ignored: true } };
  return { status: 200, body: { received: true } };
}

async function recordOnly(record: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<Outcome> {
  return (await runBookingTransaction(record)) ? "handled" : "duplicate";
}

async function checkoutEvent(sessionId: string, now: Date, record: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<Outcome> {
  let first = false;
  const result = await syncCheckoutSession(sessionId, now, {
    recordEvent: async (tx) => (first = await record(tx)),
  });
  if (!first) return "duplicate";
  return result ? "handled" : "ignored";
}

/** The charge's refunded total as Stripe has it (also refunds made in Stripe's dashboard). */
async function chargeRefunded(chargeId: string, record: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<Outcome> {
  const charge = await getStripe().charges.retrieve(chargeId);
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  return runBookingTransaction(async (tx) => {
    if (!(await record(tx))) return "duplicate";
    const payment = intentId ? await tx.payment.findUnique({ where: { stripePaymentIntentId: intentId }, select: { id: true } }) : null;
    if (!payment) return "ignored";
    await settleRefundedAmount(tx, payment.id, charge.amount_refunded);
    return "handled";
  });
}

/** One refund's outcome: our Refund row follows Stripe's, then the payment's refunded total. */
async function refundChanged(refundId: string, now: Date, record: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<Outcome> {
  const stripe = getStripe();
  const refund = await stripe.refunds.retrieve(refundId);
  const chargeId = typeof refund.charge === "string" ? refund.charge : (refund.charge?.id ?? null);
  const charge = chargeId ? await stripe.charges.retrieve(chargeId) : null;
  const intentId = typeof refund.payment_intent === "string" ? refund.payment_intent : (refund.payment_intent?.id ?? null);
  return runBookingTransaction(async (tx) => {
    if (!(await record(tx))) return "duplicate";
    const payment = intentId ? await tx.payment.findUnique({ where: { stripePaymentIntentId: intentId }, select: { id: true } }) : null;
    if (!payment) return "ignored";
    await lockPayment(tx, payment.id);
    const ourId = refund.metadata?.refundId;
    const row = await tx.refund.findFirst({
      where: { paymentId: payment.id, OR: [{ stripeRefundId: refund.id }, ...(ourId ? [{ id: ourId }] : [])] },
      select: { id: true, status: true, stripeRefundId: true },
    });
    if (row) {
      const failed = refund.status === "failed" || refund.status === "canceled";
      const status = failed ? "FAILED" : "SUCCEEDED";
      if (row.status !== status || row.stripeRefundId !== refund.id) {
        await tx.refund.update({
          where: { id: row.id },
          data: { status, stripeRefundId: refund.id, lastError: failed ? `Stripe: refund ${refund.status}${refund.failure_reason ? ` (${refund.failure_reason})` : ""}` : null },
        });
        await recordAuditEvent(tx, {
          actorId: null,
          action: failed ? "refund.failed" : "refund.sent",
          entityType: "Refund",
          entityId: row.id,
          before: { status: row.status },
          after: { status, stripeRefund: refund.id, at: now.toISOString() },
        });
      }
    }
    await settleRefundedAmount(tx, payment.id, charge?.amount_refunded ?? null);
    return "handled";
  });
}

function isMissingAtStripe(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && (error.code === "resource_missing" || error.statusCode === 404);
}
