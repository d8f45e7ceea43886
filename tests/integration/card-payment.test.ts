import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { loadSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { FakeStripe } from "@/lib/dev/fake-stripe";
import { AppError } from "@/lib/errors";
import { getOrderPaymentStatus } from "@/lib/server/billing/get-order-payment-status";
import { sendPendingRefunds } from "@/lib/server/billing/send-pending-refunds";
import { startCardCheckout } from "@/lib/server/billing/start-card-checkout";
import { syncCheckoutSession } from "@/lib/server/billing/sync-checkout-session";
import { expireHolds } from "@/lib/server/enrollment/expire-holds";
import { readStripeSettings } from "@/lib/stripe/settings";
import { createUser } from "@/tests/factories";
import { orderState, pendingOrder, startTestStripe, startWebhookReceiver, urlsFor, type PendingOrder } from "./support/fake-stripe";

const now = new Date("2031-08-15T08:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
let clock = now;
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startTestStripe(() => clock);
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  clock = now;
  fake.webhookUrl = undefined;
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const start = (o: PendingOrder, at = now) => startCardCheckout(o.orderer, { orderId: o.orderId }, at, urlsFor(o.orderId));
const sessionIdOf = (url: string) => url.split("/pay/")[1]!;

describe("starting a card payment", () => {
  it("opens a Checkout Session with the order's lines and total, and one pending payment", async () => {
    const o = await pendingOrder(now);
    const { url } = await start(o);

    expect(url.startsWith(`${fake.url}/pay/cs_test_`)).toBe(true);
    const session = fake.sessions.get(sessionIdOf(url))!;
    expect(session).toMatchObject({
      mode: "payment",
      status: "open",
      currency: "sek",
      amount_total: o.totalInclVatOre,
      client_reference_id: o.orderId,
      customer_email: o.orderer.email,
      metadata: { orderId: o.orderId, reference: o.reference },
      branding_settings: { display_name: o.organiserName },
      success_url: urlsFor(o.orderId).successUrl,
      cancel_url: urlsFor(o.orderId).cancelUrl,
    });
    // Two lectures for two people, priced with VAT (25 % on the first): 2 × 2 375 kr + 2 × 1 500 kr.
    const lines = fake.lineItems.get(session.id)!;
    expect(lines.map((l) => [l.quantity, l.price.unit_amount]).sort()).toEqual([[1, 150_000], [1, 150_000], [1, 237_500], [1, 237_500]]);
    expect(o.totalInclVatOre).toBe(2 * 237_500 + 2 * 150_000);
    // The 30-minute hold is shorter than Stripe allows: the page closes 33 minutes after it opened.
    expect(session.expires_at).toBe(minutes(33).getTime() / 1000);

    const state = await orderState(o.orderId);
    expect(state.paymentMethod).toBe("CARD");
    expect(state.payments).toEqual([expect.objectContaining({ status: "PENDING", amountOre: o.totalInclVatOre, stripeCheckoutSessionId: session.id, paidAt: null })]);
    expect(await db.auditEvent.count({ where: { action: "payment.started", entityId: state.payments[0]!.id, actorId: o.orderer.id } })).toBe(1);
  });

  it("reuses the open session for a second click, also for two at once: one payment, one session", async () => {
    const o = await pendingOrder(now);
    const [a, b] = await Promise.all([start(o), start(o)]);
    const c = await start(o, minutes(5));
    expect(new Set([a.url, b.url, c.url]).size).toBe(1);
    expect((await orderState(o.orderId)).payments).toHaveLength(1);
    expect([...fake.sessions.values()].filter((s) => s.client_reference_id === o.orderId)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "payment.started", after: { path: ["order"], equals: o.reference } } })).toBe(1);
  });

  it("opens a new session when the last one expired; the old attempt is cancelled", async () => {
    const o = await pendingOrder(now);
    const first = await start(o);
    await fake.expireSession(sessionIdOf(first.url));
    const second = await start(o, minutes(1));
    expect(second.url).not.toBe(first.url);
    expect((await orderState(o.orderId)).payments.map((p) => p.status)).toEqual(["CANCELLED", "PENDING"]);
  });

  it("does not exist for anyone but the person who placed the order", async () => {
    const o = await pendingOrder(now);
    const other = (await loadSessionUser((await createUser(db, { roles: ["PARTICIPANT", "ORDERER"] })).id))!;
    expect((await failure(startCardCheckout(other, { orderId: o.orderId }, now, urlsFor(o.orderId)))).code).toBe("NOT_FOUND");
    expect((await failure(getOrderPaymentStatus(other, { orderId: o.orderId }, now))).code).toBe("NOT_FOUND");
    expect((await orderState(o.orderId)).payments).toHaveLength(0);
    expect([...fake.sessions.values()].filter((s) => s.client_reference_id === o.orderId)).toHaveLength(0);
  });

  it("refuses an order whose hold has run out, saying so; nothing goes to Stripe", async () => {
    const o = await pendingOrder(now);
    const sessions = fake.sessions.size;
    const error = await failure(start(o, minutes(30)));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors).toEqual({ orderId: ["holdExpired"] });
    expect(fake.sessions.size).toBe(sessions);
    expect((await orderState(o.orderId)).payments).toHaveLength(0);
  });
});

describe("paying on Stripe's page", () => {
  it("sends a signed webhook that confirms the order: bookings CONFIRMED, order PAID, payment SUCCEEDED", async () => {
    const receiver = await startWebhookReceiver(POST);
    fake.webhookUrl = receiver.url;
    try {
      const o = await pendingOrder(now);
      const { url } = await start(o);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<html lang="sv">');
      expect(html).toContain(o.organiserName);

      const paid = await fetch(url, { method: "POST", body: new URLSearchParams({ action: "pay" }), redirect: "manual" });
      expect(paid.status).toBe(303);
      const id = sessionIdOf(url);
      expect(paid.headers.get("location")).toBe(`http://app.test/betala/${o.orderId}/klar?session_id=${id}`);
      expect(receiver.received).toBe(1);

      const state = await orderState(o.orderId);
      expect(state.status).toBe("PAID");
      expect(state.bookingStatuses).toEqual(["CONFIRMED"]);
      expect(state.payments).toEqual([
        expect.objectContaining({ status: "SUCCEEDED", stripePaymentIntentId: fake.sessions.get(id)!.payment_intent, paidAt: expect.any(Date) }),
      ]);
      const event = fake.events.find((e) => e.type === "checkout.session.completed" && e.data.object.id === id)!;
      expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({ type: "checkout.session.completed" });
      for (const email of [o.orderer.email, o.colleague.email]) {
        expect(await db.outboxMessage.count({ where: { toEmail: email, template: "booking-confirmed" } })).toBe(1);
      }
      expect(await db.auditEvent.count({ where: { action: "payment.succeeded", entityId: state.payments[0]!.id } })).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it("cancelling on Stripe's page goes back to the checkout page; nothing changes", async () => {
    const o = await pendingOrder(now);
    const { url } = await start(o);
    const back = await fetch(url, { method: "POST", body: new URLSearchParams({ action: "cancel" }), redirect: "manual" });
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(urlsFor(o.orderId).cancelUrl);
    expect((await getOrderPaymentStatus(o.orderer, { orderId: o.orderId }, now))).toMatchObject({ orderStatus: "PENDING_PAYMENT", paymentStatus: "PENDING" });
  });

  it("the return page reads the payment from Stripe when the webhook has not arrived", async () => {
    const o = await pendingOrder(now);
    const { url } = await start(o);
    expect(await getOrderPaymentStatus(o.orderer, { orderId: o.orderId }, minutes(1))).toMatchObject({ orderStatus: "PENDING_PAYMENT", paymentStatus: "PENDING", paidAt: null });

    await fake.completeSession(sessionIdOf(url)); // no webhook URL: nothing is delivered
    const status = await getOrderPaymentStatus(o.orderer, { orderId: o.orderId }, minutes(2));
    expect(status).toEqual({
      orderId: o.orderId,
      reference: o.reference,
      orderStatus: "PAID",
      paymentStatus: "SUCCEEDED",
      totalInclVatOre: o.totalInclVatOre,
      workshopTitle: expect.any(String),
      paidAt: minutes(2),
    });
    expect((await orderState(o.orderId)).bookingStatuses).toEqual(["CONFIRMED"]);
    // No webhook came: the page did it alone.
    const events = fake.events.filter((e) => e.data.object.id === sessionIdOf(url)).map((e) => e.id);
    expect(events).toHaveLength(1);
    expect(await db.stripeEvent.count({ where: { id: { in: events } } })).toBe(0);
  });
});

describe("a payment after the seats were released", () => {
  it("keeps the money, queues a full refund, and the refund job sends it to Stripe once", async () => {
    const o = await pendingOrder(now);
    const { url } = await start(o);
    const id = sessionIdOf(url);
    // The hold runs out and the job releases the seats; the payer pays on the still open page.
    clock = minutes(31);
    await expireHolds(db, minutes(31));
    expect((await orderState(o.orderId)).status).toBe("EXPIRED");
    await fake.completeSession(id);

    expect(await syncCheckoutSession(id, minutes(32))).toEqual({ orderId: o.orderId, payment: "SUCCEEDED", order: "EXPIRED" });
    expect(await syncCheckoutSession(id, minutes(32))).toEqual({ orderId: o.orderId, payment: "SUCCEEDED", order: "EXPIRED" });
    let state = await orderState(o.orderId);
    expect(state.bookingStatuses).toEqual(["EXPIRED"]);
    expect(state.refunds).toEqual([
      expect.objectContaining({ status: "PENDING", amountOre: o.totalInclVatOre, bookingId: null, reason: "paid-after-seats-released", paymentId: state.payments[0]!.id }),
    ]);
    expect(await db.auditEvent.count({ where: { action: "refund.queued", entityId: state.refunds[0]!.id } })).toBe(1);

    expect(await sendPendingRefunds(minutes(33), { db })).toEqual({ sent: 1, failed: 0 });
    expect(await sendPendingRefunds(minutes(34), { db })).toEqual({ sent: 0, failed: 0 });
    const intent = fake.sessions.get(id)!.payment_intent!;
    const atStripe = () => [...fake.refunds.values()].filter((r) => r.payment_intent === intent);
    expect(atStripe()).toEqual([expect.objectContaining({ amount: o.totalInclVatOre, metadata: expect.objectContaining({ refundId: state.refunds[0]!.id }) })]);
    state = await orderState(o.orderId);
    expect(state.payments[0]).toMatchObject({ status: "REFUNDED", refundedOre: o.totalInclVatOre });
    expect(state.refunds[0]).toMatchObject({ status: "SUCCEEDED", stripeRefundId: atStripe()[0]!.id, attempts: 1 });

    // A crash between Stripe's answer and our commit: the row is PENDING again. The idempotency
    // key (first attempt) and the lookup by the row's id (later attempts) find the same refund.
    const refundId = state.refunds[0]!.id;
    await db.refund.update({ where: { id: refundId }, data: { status: "PENDING", stripeRefundId: null, attempts: 0 } });
    expect(await sendPendingRefunds(minutes(40), { db })).toEqual({ sent: 1, failed: 0 });
    await db.refund.update({ where: { id: refundId }, data: { status: "PENDING", stripeRefundId: null } });
    expect(await sendPendingRefunds(minutes(50), { db })).toEqual({ sent: 1, failed: 0 });
    expect(atStripe()).toHaveLength(1);
    expect(await db.refund.findUniqueOrThrow({ where: { id: refundId } })).toMatchObject({ status: "SUCCEEDED", stripeRefundId: atStripe()[0]!.id });
    expect((await orderState(o.orderId)).payments[0]).toMatchObject({ status: "REFUNDED", refundedOre: o.totalInclVatOre });
  });
});

describe("the refund job", () => {
  async function paidOrder() {
    const o = await pendingOrder(now);
    const { url } = await start(o);
    await fake.completeSession(sessionIdOf(url));
    await syncCheckoutSession(sessionIdOf(url), minutes(1));
    const payment = (await orderState(o.orderId)).payments[0]!;
    return { o, payment };
  }

  it("sends a partial refund (a cancelled booking) and marks the payment partially refunded", async () => {
    const { payment } = await paidOrder();
    const booking = await db.booking.findFirstOrThrow({ where: { order: { payments: { some: { id: payment.id } } } } });
    await db.refund.create({ data: { paymentId: payment.id, bookingId: booking.id, amountOre: 150_000, reason: "cancelled" } });
    expect(await sendPendingRefunds(minutes(2), { db })).toEqual({ sent: 1, failed: 0 });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedOre: 150_000 });
    const atStripe = [...fake.refunds.values()].filter((r) => r.payment_intent === payment.stripePaymentIntentId);
    expect(atStripe).toEqual([expect.objectContaining({ amount: 150_000, metadata: expect.objectContaining({ bookingId: booking.id }) })]);
  });

  it("retries when Stripe fails, gives up after the last attempt, and at once when Stripe refuses the request", async () => {
    const { payment } = await paidOrder();
    const retried = await db.refund.create({ data: { paymentId: payment.id, amountOre: 10_000, reason: "test" } });
    for (let attempt = 1; attempt <= 3; attempt++) {
      fake.failNext({ method: "POST", path: /^\/v1\/refunds$/ }, { status: 500, type: "api_error", message: "Stripe is having a bad day" });
      // Each run comes after the retry interval (2 minutes) of the previous one.
      expect(await sendPendingRefunds(minutes(10 * attempt), { db, maxAttempts: 3 })).toEqual({ sent: 0, failed: 1 });
      const row = await db.refund.findUniqueOrThrow({ where: { id: retried.id } });
      expect(row).toMatchObject({ attempts: attempt, status: attempt < 3 ? "PENDING" : "FAILED", lastError: "Stripe is having a bad day" });
    }
    expect(await db.auditEvent.count({ where: { entityId: retried.id, action: "refund.retrying" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: retried.id, action: "refund.failed" } })).toBe(1);
    // Within the retry interval a claimed refund is left alone.
    const waiting = await db.refund.create({ data: { paymentId: payment.id, amountOre: 10_000, reason: "test" } });
    fake.failNext({ method: "POST", path: /^\/v1\/refunds$/ }, { status: 500, type: "api_error", message: "again" });
    expect(await sendPendingRefunds(minutes(100), { db })).toEqual({ sent: 0, failed: 1 });
    expect(await sendPendingRefunds(minutes(101), { db })).toEqual({ sent: 0, failed: 0 });
    expect(await sendPendingRefunds(minutes(103), { db })).toEqual({ sent: 1, failed: 0 });
    expect(await db.refund.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastError: null });

    // More than is left on the charge: Stripe refuses the request itself; no point in retrying.
    const tooMuch = await db.refund.create({ data: { paymentId: payment.id, amountOre: payment.amountOre, reason: "test" } });
    expect(await sendPendingRefunds(minutes(200), { db })).toEqual({ sent: 0, failed: 1 });
    expect(await db.refund.findUniqueOrThrow({ where: { id: tooMuch.id } })).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringContaining("greater than unrefunded amount") });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedOre: 10_000 });
  });
});

describe("Stripe settings", () => {
  it("use test defaults outside production, refuse live keys there, and leave production to set its own", () => {
    expect(readStripeSettings({ APP_MODE: "demo" })).toEqual({ secretKey: "sk_test_verkstad_local", webhookSecret: "whsec_verkstad_local", apiBase: null });
    expect(() => readStripeSettings({ APP_MODE: "demo", STRIPE_SECRET_KEY: "sk_live_abc" })).toThrow(/live/);
    expect(readStripeSettings({ NODE_ENV: "production" })).toEqual({ secretKey: null, webhookSecret: null, apiBase: null });
    expect(() => readStripeSettings({ APP_MODE: "production", STRIPE_API_BASE: "http://127.0.0.1:3102" })).toThrow(/https/);
    expect(() => readStripeSettings({ STRIPE_SECRET_KEY: "not-a-key" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(readStripeSettings({ APP_MODE: "test", STRIPE_API_BASE: "http://127.0.0.1:3102", STRIPE_WEBHOOK_SECRET: "" })).toMatchObject({ apiBase: "http://127.0.0.1:3102", webhookSecret: "whsec_verkstad_local" });
  });
});
