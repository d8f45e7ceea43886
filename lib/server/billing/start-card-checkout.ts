import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isHoldExpired } from "@/lib/domain/enrollment";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { syncCheckoutSession } from "@/lib/server/billing/sync-checkout-session";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { getStripe } from "@/lib/stripe/client";
import { idField } from "@/lib/validation/fields";

export const startCardCheckoutInput = z.object({ orderId: idField });
export type StartCardCheckoutInput = z.infer<typeof startCardCheckoutInput>;

export type CheckoutUrls = {
  /** May contain {CHECKOUT_SESSION_ID}, which Stripe fills in. */
  successUrl: string;
  cancelUrl: string;
};

/** Stripe lets a Checkout Session expire 30 minutes to 24 hours after it is made. */
const STRIPE_MIN_EXPIRY_MS = 30 * 60_000;
const STRIPE_MAX_EXPIRY_MS = 24 * 60 * 60_000;
/** Margin on both limits, and how long an attempt whose session was never made may be retried as is. */
const EXPIRY_MARGIN_MS = 3 * 60_000;
const RETRY_SAME_ATTEMPT_MS = 2 * 60_000;

type PayableOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

/**
 * Card payment through Stripe Checkout: answers the URL of Stripe's payment page for the order.
 * Only the person who placed the order may pay it (anyone else: NOT_FOUND); the order must be
 * waiting for payment with its seats still held (else CONFLICT, field orderId: holdExpired or
 * orderNotPayable).
 *
 * One attempt = one Payment row (PENDING, the order's total) = one Checkout Session. A second
 * click while the session is open gets the same page. The Payment row is written first; the
 * session is made with the idempotency key `checkout:<order>:<payment>` and parameters that
 * depend only on that row, so a double click (or a retry after a network error) gets the same
 * session from Stripe, never a second one. Stripe is never called inside a transaction.
 *
 * The session expires with the seats' hold, within what Stripe allows: no sooner than 33 minutes
 * (Stripe's minimum is 30, plus a margin) and no later than 24 hours less the margin. With the
 * default 30-minute hold the page thus stays open a few minutes past the hold; a payment made
 * then still confirms the order if the seats were not yet released, and is otherwise kept and
 * refunded in full (syncCheckoutSession).
 */
export async function startCardCheckout(user: SessionUser, input: StartCardCheckoutInput, now: Date, urls: CheckoutUrls): Promise<{ url: string }> {
  const order = await loadOrder(input.orderId);
  if (!order || order.placedById !== user.id) throw new AppError("NOT_FOUND");
  refuseUnlessPayable(order, now);
  const stripe = getStripe();

  // An open session of this order is reused; a finished one is brought up to date first.
  for (const payment of order.payments) {
    if (payment.status !== "PENDING" || !payment.stripeCheckoutSessionId) continue;
    const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId);
    if (session.status === "open" && session.url && payment.amountOre === order.totalInclVatOre) return { url: session.url };
    if (session.status === "open") await stripe.checkout.sessions.expire(session.id).catch(() => undefined);
    const synced = await syncCheckoutSession(session.id, now);
    if (synced?.payment === "SUCCEEDED") return { url: urls.successUrl.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
  }

  const claim = await runBookingTransaction((tx) => claimAttempt(tx, order, now));
  if (claim.kind === "started") {
    // Another click opened a session a moment ago: the same page. A finished but unpaid one is
    // a payment still being processed: no second one meanwhile.
    const session = await stripe.checkout.sessions.retrieve(claim.sessionId);
    if (session.status === "open" && session.url) return { url: session.url };
    throw new AppError("CONFLICT", `Order ${order.reference}: a card payment is being processed`, { orderId: ["orderNotPayable"] });
  }
  const attempt = claim.attempt;
  const params = sessionParams(order, user, attempt, urls);
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout:${order.id}:${attempt.id}` });
  } catch (error) {
    // The same attempt started at the same moment with other parameters (another language's page).
    if (error instanceof Stripe.errors.StripeIdempotencyError) throw new AppError("BUSY", "Checkout started twice at once");
    throw error;
  }
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);

  await runBookingTransaction(async (tx) => {
    const recorded = await tx.payment.updateMany({
      where: { id: attempt.id, stripeCheckoutSessionId: null },
      data: { stripeCheckoutSessionId: session.id },
    });
    if (recorded.count === 0) return; // a concurrent click wrote it already
    await tx.order.update({ where: { id: order.id }, data: { paymentMethod: "CARD" } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "payment.started",
      entityType: "Payment",
      entityId: attempt.id,
      after: { status: "PENDING", method: "CARD", amountOre: attempt.amountOre, order: order.reference, session: session.id, expiresAt: session.expires_at },
    });
  });
  return { url: session.url };
}

async function loadOrder(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, reference: true, status: true, placedById: true, totalInclVatOre: true, currency: true,
      workshop: { select: { title: true, organiser: { select: { name: true } } } },
      lines: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { description: true, quantity: true, lineExclVatOre: true, vatOre: true, booking: { select: { participantId: true, participant: { select: { name: true, email: true } } } } },
      },
      bookings: { select: { status: true, holdExpiresAt: true } },
      payments: {
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, amountOre: true, stripeCheckoutSessionId: true, createdAt: true },
      },
    },
  });
}

function refuseUnlessPayable(order: PayableOrder, now: Date): void {
  if (order.status !== "PENDING_PAYMENT" || order.totalInclVatOre <= 0) {
    throw new AppError("CONFLICT", `Order ${order.reference} is ${order.status}`, { orderId: ["orderNotPayable"] });
  }
  const waiting = order.bookings.filter((b) => b.status === "PENDING_PAYMENT");
  if (waiting.length === 0 || waiting.some((b) => isHoldExpired(b.status, b.holdExpiresAt, now))) {
    throw new AppError("CONFLICT", `Order ${order.reference}: the hold has run out`, { orderId: ["holdExpired"] });
  }
}

type Attempt = { id: string; amountOre: number; createdAt: Date; holdExpiresAt: Date };
type Claim = { kind: "attempt"; attempt: Attempt } | { kind: "started"; sessionId: string };

/**
 * The Payment row of a new attempt, or of one whose session was never made moments ago (a network
 * error, a double click), or the session another click opened meanwhile. Under the order's lock,
 * so two clicks share one attempt.
 */
async function claimAttempt(tx: Prisma.TransactionClient, order: PayableOrder, now: Date): Promise<Claim> {
  const [locked] = await tx.$queryRaw<{ status: string }[]>`select "status"::text as "status" from "Order" where "id" = ${order.id} for update`;
  if (locked?.status !== "PENDING_PAYMENT") throw new AppError("CONFLICT", `Order ${order.reference} is ${locked?.status}`, { orderId: ["orderNotPayable"] });
  const waiting = await tx.booking.findMany({ where: { orderId: order.id, status: "PENDING_PAYMENT" }, select: { holdExpiresAt: true } });
  const holds = waiting.map((b) => b.holdExpiresAt?.getTime()).filter((t): t is number => t !== undefined);
  // A booking without a hold time waits without limit: the session then lasts as long as Stripe allows.
  const holdExpiresAt = new Date(holds.length ? Math.min(...holds) : now.getTime() + STRIPE_MAX_EXPIRY_MS);
  if (waiting.length === 0 || holdExpiresAt <= now) throw new AppError("CONFLICT", `Order ${order.reference}: the hold has run out`, { orderId: ["holdExpired"] });

  const started = await tx.payment.findFirst({
    where: { orderId: order.id, status: "PENDING", stripeCheckoutSessionId: { not: null } },
    select: { stripeCheckoutSessionId: true },
    orderBy: { createdAt: "desc" },
  });
  if (started?.stripeCheckoutSessionId) return { kind: "started", sessionId: started.stripeCheckoutSessionId };

  const open = await tx.payment.findMany({
    where: { orderId: order.id, status: "PENDING", stripeCheckoutSessionId: null },
    select: { id: true, amountOre: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  for (const stale of open) {
    if (stale.amountOre === order.totalInclVatOre && now.getTime() - stale.createdAt.getTime() < RETRY_SAME_ATTEMPT_MS && stale.createdAt <= now) {
      return { kind: "attempt", attempt: { ...stale, holdExpiresAt } };
    }
    // Never made into a session: nothing was paid on it.
    await tx.payment.update({ where: { id: stale.id }, data: { status: "CANCELLED" } });
    await recordAuditEvent(tx, { actorId: null, action: "payment.cancelled", entityType: "Payment", entityId: stale.id, before: { status: "PENDING" }, after: { status: "CANCELLED", reason: "no-session" } });
  }
  const created = await tx.payment.create({
    data: { orderId: order.id, amountOre: order.totalInclVatOre, currency: order.currency, status: "PENDING", createdAt: now },
    select: { id: true, amountOre: true, createdAt: true },
  });
  return { kind: "attempt", attempt: { ...created, holdExpiresAt } };
}

/** Everything here derives from the order and the attempt, so a repeat with the same key matches. */
function sessionParams(order: PayableOrder, user: SessionUser, attempt: Attempt, urls: CheckoutUrls): Stripe.Checkout.SessionCreateParams {
  const start = attempt.createdAt.getTime();
  const expiresAt = Math.min(Math.max(attempt.holdExpiresAt.getTime(), start + STRIPE_MIN_EXPIRY_MS + EXPIRY_MARGIN_MS), start + STRIPE_MAX_EXPIRY_MS - EXPIRY_MARGIN_MS);
  return {
    mode: "payment",
    currency: "sek",
    line_items: lineItems(order),
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
    client_reference_id: order.id,
    customer_email: user.email,
    locale: user.locale,
    expires_at: Math.floor(expiresAt / 1000),
    submit_type: "pay",
    branding_settings: { display_name: order.workshop.organiser.name.slice(0, 100) },
    metadata: { orderId: order.id, reference: order.reference, paymentId: attempt.id },
  };
}

/**
 * One Stripe line per order line, priced including VAT (what the payer pays). When a line cannot
 * be shown that way (a negative upgrade credit, an amount that does not divide by its quantity),
 * the order is one line with its total; the total is the same either way.
 */
function lineItems(order: PayableOrder): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const participants = new Set(order.lines.map((l) => l.booking?.participantId).filter(Boolean));
  const lines = order.lines.map((l) => {
    const incl = l.lineExclVatOre + l.vatOre;
    const who = participants.size > 1 && l.booking ? ` – ${l.booking.participant.name ?? l.booking.participant.email}` : "";
    return { name: `${l.description}${who}`.slice(0, 250), quantity: l.quantity, incl };
  });
  const expressible = lines.length > 0 && lines.every((l) => l.incl > 0 && l.quantity > 0 && l.incl % l.quantity === 0);
  const sum = lines.reduce((s, l) => s + l.incl, 0);
  if (expressible && sum === order.totalInclVatOre) {
    return lines.map((l) => ({ quantity: l.quantity, price_data: { currency: "sek", unit_amount: l.incl / l.quantity, product_data: { name: l.name } } }));
  }
  return [{ quantity: 1, price_data: { currency: "sek", unit_amount: order.totalInclVatOre, product_data: { name: `${order.workshop.title} (${order.reference})`.slice(0, 250) } } }];
}
