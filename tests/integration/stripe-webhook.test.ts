import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import type { FakeEvent, FakeStripe } from "@/lib/dev/fake-stripe";
import { sendPendingRefunds } from "@/lib/server/billing/send-pending-refunds";
import { startCardCheckout } from "@/lib/server/billing/start-card-checkout";
import { getStripe } from "@/lib/stripe/client";
import { orderState, pendingOrder, startTestStripe, urlsFor, webhookRequest, WEBHOOK_SECRET, type PendingOrder } from "./support/fake-stripe";

/*
 * The webhook route, called as Stripe calls it: a real Request with the raw body and its
 * Stripe-Signature. The events come from the fake Stripe (signed with the endpoint's secret); the
 * route re-reads every object from the fake, so what the event body says never decides anything.
 */

const now = new Date("2031-08-15T08:00:00Z");
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startTestStripe(() => now);
});
afterAll(async () => {
  await fake.close();
});

type Answer = { status: number; body: { received?: boolean; duplicate?: boolean; ignored?: boolean; error?: string } };

async function deliver(event: FakeEvent | string, options: { signature?: string | null; secret?: string } = {}): Promise<Answer> {
  const response = await POST(webhookRequest(fake, event, options));
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** An order with an open Checkout Session; `pay` completes it at Stripe (no webhook goes out by itself). */
async function orderWithSession(): Promise<PendingOrder & { sessionId: string; pay: () => Promise<FakeEvent> }> {
  const o = await pendingOrder(now);
  const { url } = await startCardCheckout(o.orderer, { orderId: o.orderId }, now, urlsFor(o.orderId));
  const sessionId = url.split("/pay/")[1]!;
  return { ...o, sessionId, pay: () => fake.completeSession(sessionId) };
}

/** Everything an effect would touch, to show that nothing did. */
async function marks(orderId: string) {
  const [events, audits, outbox, refunds, state] = await Promise.all([
    db.stripeEvent.count(),
    db.auditEvent.count(),
    db.outboxMessage.count(),
    db.refund.count(),
    orderState(orderId),
  ]);
  return { events, audits, outbox, refunds, order: state.status, bookings: state.bookingStatuses, payments: state.payments };
}

async function confirmationsTo(emails: string[]): Promise<number[]> {
  return Promise.all(emails.map((toEmail) => db.outboxMessage.count({ where: { toEmail, template: "booking-confirmed" } })));
}

describe("signature", () => {
  it("refuses an event with a bad, missing, stale or mismatched signature (400) and writes nothing", async () => {
    const o = await orderWithSession();
    const event = await o.pay();
    const before = await marks(o.orderId);
    const payload = JSON.stringify(event, null, 2);
    const stale = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 });

    const answers = [
      await deliver(event, { secret: "whsec_someone_else" }),
      await deliver(event, { signature: null }),
      await deliver(event, { signature: "t=1,v1=deadbeef" }),
      await deliver(event, { signature: stale }),
      // Signed for one body, sent with another.
      await deliver(payload.replace(event.id, "evt_test_forged"), { signature: fake.sign(payload) }),
    ];
    for (const answer of answers) expect(answer).toEqual({ status: 400, body: { error: "Invalid signature" } });
    expect(await marks(o.orderId)).toEqual(before);
    expect(before).toMatchObject({ order: "PENDING_PAYMENT", bookings: ["PENDING_PAYMENT"], payments: [expect.objectContaining({ status: "PENDING" })] });
    expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();

    // The same event, rightly signed, goes through.
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } });
    expect((await orderState(o.orderId)).status).toBe("PAID");
  });
});

describe("repeats", () => {
  it("handles the same event delivered 100 times (20 at once) once: one confirmation, one event row, one e-mail per person", async () => {
    const o = await orderWithSession();
    const event = await o.pay();

    const burst = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    const rest: Answer[] = [];
    for (let i = 0; i < 80; i++) rest.push(await deliver(event));
    const answers = [...burst, ...rest];
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    expect(answers.filter((a) => a.body.duplicate)).toHaveLength(99);

    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(1);
    const state = await orderState(o.orderId);
    expect(state).toMatchObject({ status: "PAID", bookingStatuses: ["CONFIRMED"], payments: [expect.objectContaining({ status: "SUCCEEDED" })] });
    expect(await db.auditEvent.count({ where: { action: "order.confirmed", entityId: o.orderId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "payment.succeeded", entityId: state.payments[0]!.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "booking.confirmed", entityId: { in: (await db.booking.findMany({ where: { orderId: o.orderId } })).map((b) => b.id) } } })).toBe(4);
    expect(await confirmationsTo([o.orderer.email, o.colleague.email])).toEqual([1, 1]);
    expect(state.refunds).toHaveLength(0);

    // Another event about the same payment (Stripe's "async payment succeeded") changes nothing more.
    const later = fake.buildEvent("checkout.session.async_payment_succeeded", fake.sessions.get(o.sessionId)!);
    expect(await deliver(later)).toEqual({ status: 200, body: { received: true } });
    expect(await confirmationsTo([o.orderer.email, o.colleague.email])).toEqual([1, 1]);
    expect(await db.auditEvent.count({ where: { action: "order.confirmed", entityId: o.orderId } })).toBe(1);
  });
});

describe("events out of order", () => {
  it("an 'expired' event after 'completed' (or before it) leaves the order paid: Stripe's session is what counts", async () => {
    // completed, then a stale expired.
    const a = await orderWithSession();
    const stale = fake.buildEvent("checkout.session.expired", { ...fake.sessions.get(a.sessionId)!, status: "expired", url: null });
    const completed = await a.pay();
    expect(await deliver(completed)).toEqual({ status: 200, body: { received: true } });
    expect(await deliver(stale)).toEqual({ status: 200, body: { received: true } });

    // expired first, then completed.
    const b = await orderWithSession();
    const staleB = fake.buildEvent("checkout.session.expired", { ...fake.sessions.get(b.sessionId)!, status: "expired", url: null });
    const completedB = await b.pay();
    expect(await deliver(staleB)).toEqual({ status: 200, body: { received: true } });
    expect(await deliver(completedB)).toEqual({ status: 200, body: { received: true } });

    for (const o of [a, b]) {
      const state = await orderState(o.orderId);
      expect(state).toMatchObject({ status: "PAID", bookingStatuses: ["CONFIRMED"], payments: [expect.objectContaining({ status: "SUCCEEDED" })], refunds: [] });
      expect(await confirmationsTo([o.orderer.email, o.colleague.email])).toEqual([1, 1]);
    }
  });

  it("a session that really expired cancels its payment; a late 'completed' body cannot resurrect it", async () => {
    const o = await orderWithSession();
    const forged = fake.buildEvent("checkout.session.completed", { ...fake.sessions.get(o.sessionId)!, status: "complete", payment_status: "paid" });
    const expired = await fake.expireSession(o.sessionId);
    expect(await deliver(expired)).toEqual({ status: 200, body: { received: true } });
    expect(await deliver(forged)).toEqual({ status: 200, body: { received: true } });
    const state = await orderState(o.orderId);
    // The seats are still held: the payer may start a new card payment.
    expect(state).toMatchObject({ status: "PENDING_PAYMENT", bookingStatuses: ["PENDING_PAYMENT"], payments: [expect.objectContaining({ status: "CANCELLED", paidAt: null })] });
    expect(await confirmationsTo([o.orderer.email])).toEqual([0]);
  });

  it("'completed' replayed after a refund changes nothing: the payment stays refunded, the order paid, no second confirmation", async () => {
    const o = await orderWithSession();
    const completed = await o.pay();
    expect(await deliver(completed)).toEqual({ status: 200, body: { received: true } });
    const payment = (await orderState(o.orderId)).payments[0]!;
    await db.refund.create({ data: { paymentId: payment.id, amountOre: payment.amountOre, reason: "cancelled" } });
    expect(await sendPendingRefunds(now, { db })).toEqual({ sent: 1, failed: 0 });
    // The refund's own events arrive after the job recorded it.
    const refundEvents = fake.events.filter((x) => x.type !== "checkout.session.completed" && x.data.object.payment_intent === payment.stripePaymentIntentId);
    expect(refundEvents.map((e) => e.type)).toEqual(["refund.created", "charge.refunded"]);
    for (const e of refundEvents) {
      expect(await deliver(e)).toEqual({ status: 200, body: { received: true } });
    }
    const before = await marks(o.orderId);
    expect(before.payments[0]).toMatchObject({ status: "REFUNDED", refundedOre: payment.amountOre });

    expect(await deliver(completed)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    // A new delivery (new event id) of the same news: handled, no effect.
    expect(await deliver(fake.buildEvent("checkout.session.completed", fake.sessions.get(o.sessionId)!))).toEqual({ status: 200, body: { received: true } });
    const after = await marks(o.orderId);
    expect({ ...after, events: before.events }).toEqual(before);
    expect(after.events).toBe(before.events + 1);
    expect(await confirmationsTo([o.orderer.email, o.colleague.email])).toEqual([1, 1]);
  });
});

describe("refund events", () => {
  it("a refund made in Stripe's dashboard reaches the payment through charge.refunded, once", async () => {
    const o = await orderWithSession();
    expect(await deliver(await o.pay())).toMatchObject({ status: 200 });
    const intent = fake.sessions.get(o.sessionId)!.payment_intent!;
    const refund = await getStripe().refunds.create({ payment_intent: intent, amount: 50_000 });
    const events = fake.events.filter((e) => e.data.object.id === refund.id || (e.type === "charge.refunded" && e.data.object.payment_intent === intent));
    expect(events.map((e) => e.type)).toEqual(["refund.created", "charge.refunded"]);
    for (const e of events) expect(await deliver(e)).toEqual({ status: 200, body: { received: true } });
    for (const e of events) expect(await deliver(e)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect((await orderState(o.orderId)).payments[0]).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedOre: 50_000 });
    // Not one of our refund rows: nothing to mark, and the order is untouched.
    expect((await orderState(o.orderId)).refunds).toHaveLength(0);
    expect((await orderState(o.orderId)).status).toBe("PAID");
  });
});

describe("events that are not ours", () => {
  it("records an event for an unknown session, a session of someone else, and an unhandled type (200), with no effect", async () => {
    const o = await orderWithSession();
    const before = await marks(o.orderId);

    const unknown = fake.buildEvent("checkout.session.completed", { id: "cs_test_nobody_knows", object: "checkout.session", status: "complete", payment_status: "paid" });
    expect(await deliver(unknown)).toEqual({ status: 200, body: { received: true, ignored: true } });

    // A session Stripe knows but we did not make (another integration on the same account).
    const foreign = await getStripe().checkout.sessions.create({
      mode: "payment",
      success_url: "http://elsewhere.test/ok",
      line_items: [{ quantity: 1, price_data: { currency: "sek", unit_amount: 50_000, product_data: { name: "Something else" } } }],
    });
    expect(await deliver(await fake.completeSession(foreign.id))).toEqual({ status: 200, body: { received: true, ignored: true } });

    const other = fake.buildEvent("customer.created", { id: "cus_test_1", object: "customer" });
    expect(await deliver(other)).toEqual({ status: 200, body: { received: true } });
    expect(await deliver(other)).toEqual({ status: 200, body: { received: true, duplicate: true } });

    const after = await marks(o.orderId);
    expect(after.events).toBe(before.events + 3);
    expect({ ...after, events: before.events }).toEqual(before);
    expect(await db.payment.count({ where: { stripeCheckoutSessionId: foreign.id } })).toBe(0);
  });

  it("answers 500 and records nothing when Stripe cannot be asked, so Stripe delivers again", async () => {
    const o = await orderWithSession();
    const event = await o.pay();
    fake.failNext({ method: "GET", path: /^\/v1\/checkout\/sessions\// }, { status: 500, type: "api_error", message: "Stripe is down" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await deliver(event)).status).toBe(500);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("Stripe is down"));
    logged.mockRestore();
    expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
    expect((await orderState(o.orderId)).status).toBe("PENDING_PAYMENT");
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } });
    expect((await orderState(o.orderId)).status).toBe("PAID");
  });
});
