/**
 * Sends the refunds that cancellations (and late or double payments) wrote as PENDING Refund rows
 * to Stripe, every minute (lib/jobs/schedules.ts). The row's id is the idempotency key
 * (`refund:<id>`), and a retry first looks for a refund Stripe already has for the row (its
 * metadata), so a crash between Stripe's answer and our commit, or two workers, never refunds
 * twice, and a lost answer never leaves money unreturned.
 *
 * A run claims a batch with FOR UPDATE SKIP LOCKED, counting the attempt and stamping the time
 * (so another worker leaves the rows alone until the retry interval has passed), then calls
 * Stripe outside any transaction, then records the outcome: SUCCEEDED with Stripe's refund id,
 * the payment's refunded amount and status moved on (PARTIALLY_REFUNDED / REFUNDED); or the error
 * in lastError, FAILED at once when Stripe refuses the request itself (already refunded, say),
 * else after `maxAttempts`. Each outcome writes an audit event.
 *
 * No `server-only` here: scripts/worker.ts runs it outside Next.js.
 */
import Stripe from "stripe";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { settleRefundedAmount } from "@/lib/server/billing/card-payment-state";
import { runJobTransaction } from "@/lib/server/enrollment/job-transaction";
import { getStripe } from "@/lib/stripe/client";

export type SendPendingRefundsOptions = {
  db: PrismaClient;
  /** Default: the client for this environment (getStripe). */
  stripe?: Stripe;
  /** Refunds per run; the rest wait for the next run. */
  batchSize?: number;
  /** Attempts before a refund is given up as FAILED (an admin then looks at it). */
  maxAttempts?: number;
  /** How long a claimed or failed refund is left alone before the next try. */
  retryAfterMs?: number;
};

type Claimed = { id: string; paymentId: string; bookingId: string | null; amountOre: number; attempts: number };

export async function sendPendingRefunds(now: Date, options: SendPendingRefundsOptions): Promise<{ sent: number; failed: number }> {
  const { db, batchSize = 50, maxAttempts = 5, retryAfterMs = 2 * 60_000 } = options;
  const retryBefore = new Date(now.getTime() - retryAfterMs);
  const claimed = await runJobTransaction(db, (tx) =>
    tx.$queryRaw<Claimed[]>`
      update "Refund" set "attempts" = "attempts" + 1, "updatedAt" = ${now}
       where "id" in (
         select "id" from "Refund"
          where "status" = 'PENDING' and ("attempts" = 0 or "updatedAt" <= ${retryBefore})
          order by "createdAt", "id"
          limit ${batchSize}
          for update skip locked)
      returning "id", "paymentId", "bookingId", "amountOre", "attempts"`,
  );

  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const stripe = options.stripe ?? getStripe();
  let sent = 0;
  let failed = 0;
  for (const refund of claimed.sort((a, b) => a.id.localeCompare(b.id))) {
    const payment = await db.payment.findUniqueOrThrow({ where: { id: refund.paymentId }, select: { stripePaymentIntentId: true } });
    try {
      if (!payment.stripePaymentIntentId) throw new PermanentRefundError("The payment has no Stripe payment intent");
      const stripeRefund = await sendOne(stripe, refund, payment.stripePaymentIntentId);
      await runJobTransaction(db, async (tx) => {
        const done = await tx.refund.updateMany({
          where: { id: refund.id, status: "PENDING" },
          data: { status: "SUCCEEDED", stripeRefundId: stripeRefund.id, lastError: null },
        });
        if (done.count === 1) {
          await recordAuditEvent(tx, {
            actorId: null,
            action: "refund.sent",
            entityType: "Refund",
            entityId: refund.id,
            before: { status: "PENDING" },
            after: { status: "SUCCEEDED", amountOre: refund.amountOre, stripeRefund: stripeRefund.id, attempts: refund.attempts },
          });
        } else {
          // The webhook for this refund got here first; make sure the row names Stripe's refund.
          await tx.refund.updateMany({ where: { id: refund.id, stripeRefundId: null }, data: { stripeRefundId: stripeRefund.id } });
        }
        await settleRefundedAmount(tx, refund.paymentId, null);
      });
      sent++;
    } catch (error) {
      const permanent = error instanceof PermanentRefundError || (error instanceof Stripe.errors.StripeInvalidRequestError && !(error instanceof Stripe.errors.StripeIdempotencyError));
      const giveUp = permanent || refund.attempts >= maxAttempts;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await runJobTransaction(db, async (tx) => {
        const changed = await tx.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { lastError: message, updatedAt: now, ...(giveUp && { status: "FAILED" }) } });
        if (changed.count === 0) return;
        await recordAuditEvent(tx, {
          actorId: null,
          action: giveUp ? "refund.failed" : "refund.retrying",
          entityType: "Refund",
          entityId: refund.id,
          before: { status: "PENDING" },
          after: { status: giveUp ? "FAILED" : "PENDING", attempts: refund.attempts, error: message },
        });
      });
      failed++;
    }
  }
  return { sent, failed };
}

class PermanentRefundError extends Error {}

/** The refund at Stripe for this row: one found from an earlier attempt, else a new one. */
async function sendOne(stripe: Stripe, refund: Claimed, paymentIntentId: string): Promise<Stripe.Refund> {
  if (refund.attempts > 1) {
    // An earlier attempt may have reached Stripe (idempotency keys last 24 hours; this lasts).
    const earlier = await stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 });
    const found = earlier.data.find((r) => r.metadata?.refundId === refund.id && r.status !== "failed" && r.status !== "canceled");
    if (found) return found;
  }
  return stripe.refunds.create(
    {
      payment_intent: paymentIntentId,
      amount: refund.amountOre,
      reason: "requested_by_customer",
      metadata: { refundId: refund.id, paymentId: refund.paymentId, ...(refund.bookingId && { bookingId: refund.bookingId }) },
    },
    { idempotencyKey: `refund:${refund.id}` },
  );
}
