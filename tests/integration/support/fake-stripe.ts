/**
 * Card-payment tests: the local fake Stripe on a free port with the SDK pointed at it (the Stripe
 * settings are read from process.env on each getStripe() call, so setting them here is enough),
 * a small HTTP receiver that hands the fake's webhooks to the real route handler, and a world in
 * 2031 with an order waiting for payment, placed through bookSessions.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { startFakeStripe, type FakeEvent, type FakeStripe } from "@/lib/dev/fake-stripe";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { createLecture, createLecturer, createOrganisation, createOrganiser, createUser, createVenue, createWorkshop } from "@/tests/factories";

export const WEBHOOK_SECRET = "whsec_verkstad_integration";

/** Stripe's clock follows the tests' fixed time (Checkout Session expiry is checked against it). */
export async function startTestStripe(clock: () => Date): Promise<FakeStripe> {
  const fake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, clock });
  process.env.STRIPE_API_BASE = fake.url;
  process.env.STRIPE_SECRET_KEY = "sk_test_verkstad_integration";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  return fake;
}

type Handler = (request: Request) => Promise<Response>;

/** A real HTTP endpoint for the fake's webhooks, answered by a route handler (e.g. the webhook's POST). */
export async function startWebhookReceiver(handler: Handler): Promise<{ url: string; received: number; close(): Promise<void> }> {
  const state = { received: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.received++;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      handler(request).then(
        async (response) => {
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
          res.end(Buffer.from(await response.arrayBuffer()));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    get received() {
      return state.received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The webhook request Stripe would send for an event: body and Stripe-Signature (or the given one). */
export function webhookRequest(fake: FakeStripe, event: FakeEvent | string, options: { signature?: string | null; secret?: string } = {}): Request {
  const payload = typeof event === "string" ? event : JSON.stringify(event, null, 2);
  const signature = options.signature === undefined ? fake.sign(payload, options.secret) : options.signature;
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  return new Request("http://127.0.0.1/api/stripe/webhook", { method: "POST", headers, body: payload });
}

export type PendingOrder = {
  orderer: SessionUser;
  colleague: { id: string; email: string };
  orderId: string;
  reference: string;
  totalInclVatOre: number;
  lectureIds: string[];
  workshopId: string;
  organiserName: string;
};

/**
 * An orderer books two lectures (one with 25 % VAT) for themselves and a colleague at `now`:
 * one order, four lines, waiting for payment, seats held for `holdMinutes`.
 */
export async function pendingOrder(now: Date, options: { holdMinutes?: number } = {}): Promise<PendingOrder> {
  const organiser = await createOrganiser(db);
  const venue = await createVenue(db);
  const lecturer = await createLecturer(db);
  const organisation = await createOrganisation(db, { type: "MEMBER_MUNICIPALITY" });
  const workshop = await createWorkshop(db, {
    organiserId: organiser.id,
    holdMinutes: options.holdMinutes ?? 30,
    startsOn: "2031-09-01",
    endsOn: "2032-03-01",
    pmDeadline: "2031-08-25",
    cancellationDeadline: "2031-08-28",
    followUpOn: "2032-09-01",
  });
  const base = { workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id };
  const lectures = [
    await createLecture(db, { ...base, date: "2031-10-02", priceMemberOre: 190_000, vatRateBp: 2500 }),
    await createLecture(db, { ...base, date: "2031-11-06", priceMemberOre: 150_000, vatRateBp: 0 }),
  ];
  const ordererRow = await createUser(db, { roles: ["PARTICIPANT", "ORDERER"], organisationId: organisation.id });
  const colleague = await createUser(db, { roles: ["PARTICIPANT"], organisationId: organisation.id });
  const orderer = (await loadSessionUser(ordererRow.id))!;
  const placed = await bookSessions(
    orderer,
    bookSessionsInput.parse({
      workshopId: workshop.id,
      kind: "LECTURE",
      lectureIds: lectures.map((l) => l.id),
      participantEmails: [colleague.email],
      includeSelf: true,
      idempotencyKey: randomUUID(),
    }),
    now,
  );
  return {
    orderer,
    colleague: { id: colleague.id, email: colleague.email },
    orderId: placed.orderId,
    reference: placed.reference,
    totalInclVatOre: placed.totalInclVatOre,
    lectureIds: lectures.map((l) => l.id),
    workshopId: workshop.id,
    organiserName: organiser.name,
  };
}

export const urlsFor = (orderId: string) => ({
  successUrl: `http://app.test/betala/${orderId}/klar?session_id={CHECKOUT_SESSION_ID}`,
  cancelUrl: `http://app.test/betala/${orderId}?cancelled=1`,
});

/** What the order, its bookings, payments, refunds and events look like now. */
export async function orderState(orderId: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      paymentMethod: true,
      bookings: { select: { status: true }, orderBy: { id: "asc" } },
      payments: { select: { id: true, status: true, amountOre: true, refundedOre: true, stripeCheckoutSessionId: true, stripePaymentIntentId: true, paidAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const refunds = await db.refund.findMany({ where: { payment: { orderId } }, orderBy: { createdAt: "asc" } });
  return { ...order, bookingStatuses: [...new Set(order.bookings.map((b) => b.status))], refunds };
}
