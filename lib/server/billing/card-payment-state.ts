/**
 * The bookkeeping steps card payments share (checkout sync, webhook, refund job), each inside the
 * caller's transaction. Every step is conditional on the current state, so running it again, or
 * in another order, ends in the same state.
 *
 * No `server-only` here: the refund job (scripts/worker.ts) uses it.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentStatus } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Payment states after money was taken; refunds move between them, never back to PENDING. */
export const PAID_STATUSES: readonly PaymentStatus[] = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"];

/**
 * Notes a webhook event as handled, in the transaction of its effect. False when it was handled
 * before: the caller then does nothing. A concurrent delivery of the same event waits here for
 * the first to commit (or roll back) and then gets false (or goes ahead).
 */
export async function recordStripeEvent(tx: Prisma.TransactionClient, event: { id: string; type: string }, now: Date): Promise<boolean> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    insert into "StripeEvent" ("id", "type", "receivedAt") values (${event.id}, ${event.type}, ${now})
    on conflict ("id") do nothing
    returning "id"`;
  return inserted.length === 1;
}

export type LockedPayment = {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amountOre: number;
  refundedOre: number;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
};

/** The payment row, locked for the rest of the transaction. */
export async function lockPayment(tx: Prisma.TransactionClient, paymentId: string): Promise<LockedPayment | null> {
  const [row] = await tx.$queryRaw<LockedPayment[]>`
    select "id", "orderId", "status"::text as "status", "amountOre", "refundedOre", "stripeCheckoutSessionId", "stripePaymentIntentId"
      from "Payment" where "id" = ${paymentId} for update`;
  return row ?? null;
}

/**
 * Money that must go back in full (paid after the seats were gone, or paid twice): a PENDING
 * refund row the refund job sends to Stripe. Call once, on the payment's move to SUCCEEDED.
 */
export async function queueFullRefund(tx: Prisma.TransactionClient, payment: LockedPayment, reason: string): Promise<string> {
  const refund = await tx.refund.create({
    data: { paymentId: payment.id, amountOre: payment.amountOre - payment.refundedOre, reason, status: "PENDING" },
    select: { id: true, amountOre: true },
  });
  await recordAuditEvent(tx, {
    actorId: null,
    action: "refund.queued",
    entityType: "Refund",
    entityId: refund.id,
    after: { status: "PENDING", amountOre: refund.amountOre, payment: payment.id, order: payment.orderId, reason },
  });
  return refund.id;
}

/**
 * Brings the payment's refunded amount and status up to date: the sum of its refunds that went
 * through, or what Stripe says the charge has had refunded (which also counts refunds made in
 * Stripe's dashboard), whichever is more. Without Stripe's figure, never less than before.
 */
export async function settleRefundedAmount(tx: Prisma.TransactionClient, paymentId: string, stripeRefundedOre: number | null): Promise<LockedPayment | null> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment || !PAID_STATUSES.includes(payment.status)) return payment;
  const sent = await tx.refund.aggregate({ where: { paymentId, status: "SUCCEEDED" }, _sum: { amountOre: true } });
  const ours = sent._sum.amountOre ?? 0;
  const refundedOre = Math.min(payment.amountOre, Math.max(ours, stripeRefundedOre ?? payment.refundedOre));
  const status: PaymentStatus = refundedOre >= payment.amountOre ? "REFUNDED" : refundedOre > 0 ? "PARTIALLY_REFUNDED" : "SUCCEEDED";
  if (refundedOre === payment.refundedOre && status === payment.status) return payment;
  await tx.payment.update({ where: { id: paymentId }, data: { refundedOre, status } });
  await recordAuditEvent(tx, {
    actorId: null,
    action: "payment.refunded",
    entityType: "Payment",
    entityId: paymentId,
    before: { status: payment.status, refundedOre: payment.refundedOre },
    after: { status, refundedOre },
  });
  return { ...payment, refundedOre, status };
}
