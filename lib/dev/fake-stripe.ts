/**
 * A small fake of the part of Stripe's API that Verkstad uses, for the demo, the end-to-end tests
 * and the integration tests: these machines reach no network, and there is no stripe-mock on npm.
 * The official SDK talks to it over real HTTP (lib/stripe/client.ts: STRIPE_API_BASE →
 * host/port/protocol), exactly as it talks to api.stripe.com.
 *
 * It speaks: Checkout Sessions (create with form-encoded bracket params, retrieve with expand[],
 * list line items, expire), Payment Intents and Charges (retrieve), Refunds (create, retrieve, list),
 * idempotency keys (same key → the same saved answer; same key with other params →
 * idempotency_error), Stripe-shaped errors (invalid_request_error with param/code, 401, 404).
 * It serves a hosted payment page (`GET /pay/<session>`, Swedish or English by the session's
 * locale) whose "Betala" completes the session and sends a really signed webhook
 * (`checkout.session.completed`, signed like Stripe: t=<time>,v1=HMAC-SHA256 over
 * "<time>.<payload>" with the endpoint secret) to the app, waits for its answer, then redirects
 * to the success URL. Expiring a session emits `checkout.session.expired`; a refund emits
 * `refund.created` and `charge.refunded`. Everything lives in memory.
 *
 * Never for production: it accepts any test key and refuses live keys.
 * No `server-only`: scripts (scripts/fake-stripe.ts) and tests run it outside Next.js.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

const API_VERSION = "2026-10-28.endive";
const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
/** Stripe's smallest charge in SEK: 3,00 kr. */
const MIN_AMOUNT_SEK_ORE = 300;

type Metadata = Record<string, string>;

export type FakeCheckoutSession = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  branding_settings: { display_name: string } | null;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: "paid" | "unpaid";
  status: "open" | "complete" | "expired";
  submit_type: string | null;
  success_url: string;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  ui_mode: "hosted";
  url: string | null;
};

export type FakeLineItem = {
  id: string;
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  quantity: number;
  price: { id: string; object: "price"; currency: string; unit_amount: number; product: string; type: "one_time" };
};

export type FakePaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  created: number;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  payment_method_types: string[];
  status: "succeeded" | "requires_payment_method" | "canceled";
};

export type FakeCharge = {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  livemode: false;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  status: "succeeded";
};

export type FakeRefund = {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: "succeeded" | "pending" | "failed" | "canceled";
};

export type FakeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

type StripeErrorBody = { type: string; message: string; param?: string; code?: string };

/** An answer Stripe would give with an error status. */
class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
  ) {
    super(error.message);
  }
}

const invalid = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, { type: "invalid_request_error", message, ...(param && { param }), ...(code && { code }) });
const missing = (kind: string, id: string, param?: string) =>
  new StripeApiError(param ? 400 : 404, { type: "invalid_request_error", message: `No such ${kind}: '${id}'`, code: "resource_missing", ...(param && { param }) });

export type FakeStripeOptions = {
  /** 0 or left out: a free port. */
  port?: number;
  /** Default 127.0.0.1: the fake is never meant to be reachable from elsewhere. */
  host?: string;
  /** Where webhooks go (the app's /api/stripe/webhook); without it events are only kept in `events`. */
  webhookUrl?: string;
  webhookSecret: string;
  /** Stripe's clock for `created` and `expires_at` (tests run in 2031); default the real time. */
  clock?: () => Date;
  /** The seller shown on the payment page when the session has no branding display name. */
  sellerName?: string;
  log?: (line: string) => void;
};

export type FakeStripe = {
  url: string;
  port: number;
  /** May be changed while running (tests point it at their own receiver). */
  webhookUrl: string | undefined;
  clock: () => Date;
  sessions: Map<string, FakeCheckoutSession>;
  lineItems: Map<string, FakeLineItem[]>;
  paymentIntents: Map<string, FakePaymentIntent>;
  charges: Map<string, FakeCharge>;
  refunds: Map<string, FakeRefund>;
  /** Every event emitted, in order. */
  events: FakeEvent[];
  /** What the payment page's "Betala" does: the session paid, its event delivered (awaited). */
  completeSession(id: string): Promise<FakeEvent>;
  /** What `POST /v1/checkout/sessions/<id>/expire` does, with its event delivered (awaited). */
  expireSession(id: string): Promise<FakeEvent>;
  /** An event as Stripe would send it (not kept, not delivered). */
  buildEvent(type: string, object: object): FakeEvent;
  /** The Stripe-Signature header for a payload, signed now with the webhook secret. */
  sign(payload: string, secret?: string): string;
  /** Sends one event to webhookUrl; the answer's status, or null without a URL or on a network error. */
  deliver(event: FakeEvent): Promise<number | null>;
  /** The next API request matching method and path answers with this error instead (once, not to be retried). */
  failNext(match: { method: string; path: RegExp }, error: { status: number } & StripeErrorBody): void;
  close(): Promise<void>;
};

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function newId(prefix: string, length = 24): string {
  return prefix + [...randomBytes(length)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// ───────────────────────── request parsing ─────────────────────────

type Params = { [key: string]: ParamValue };
type ParamValue = string | Params | ParamValue[];

/** Stripe's form encoding: `a[b][0][c]=v` → { a: { b: [ { c: "v" } ] } }; `expand[]=x` appends. */
export function parseStripeForm(body: string): Params {
  const out: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, "").split("[");
    if (path.some((segment) => segment === "__proto__" || segment === "constructor" || segment === "prototype")) {
      throw invalid(`Invalid parameter name: ${rawKey}`, rawKey);
    }
    let node: Params | ParamValue[] = out;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const container = node as Record<string, ParamValue>;
      const key = segment === "" && Array.isArray(node) ? String(node.length) : segment;
      if (i === path.length - 1) {
        container[key] = value;
      } else {
        const nextSegment = path[i + 1]!;
        container[key] ??= /^\d*$/.test(nextSegment) ? [] : {};
        node = container[key] as Params | ParamValue[];
      }
    }
  }
  return out;
}

function str(params: Params, name: string, options: { required?: boolean; max?: number } = {}): string | undefined {
  const value = params[name];
  if (value === undefined || value === "") {
    if (options.required) throw invalid(`Missing required param: ${name}.`, name, "parameter_missing");
    return undefined;
  }
  if (typeof value !== "string") throw invalid(`Invalid string: ${name}`, name);
  if (options.max && value.length > options.max) throw invalid(`Invalid ${name}: must be at most ${options.max} characters`, name);
  return value;
}

function int(value: ParamValue | undefined, param: string, options: { min?: number } = {}): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${String(value)}`, param);
  const n = Number(value);
  if (options.min !== undefined && n < options.min) throw invalid(`Invalid integer: ${param} must be at least ${options.min}`, param);
  return n;
}

function list(value: ParamValue | undefined, param: string): ParamValue[] {
  if (value === undefined || value === "") return [];
  if (Array.isArray(value)) return value;
  if (typeof value === "object") return Object.keys(value).sort((a, b) => Number(a) - Number(b)).map((k) => value[k]!);
  throw invalid(`Invalid array: ${param}`, param);
}

function obj(value: ParamValue | undefined, param: string): Params {
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid hash: ${param}`, param);
  return value;
}

function metadataOf(value: ParamValue | undefined): Metadata {
  const raw = obj(value, "metadata");
  const out: Metadata = {};
  const keys = Object.keys(raw);
  if (keys.length > 50) throw invalid("Invalid metadata: at most 50 keys", "metadata");
  for (const key of keys) {
    const v = raw[key];
    if (typeof v !== "string") throw invalid(`Invalid metadata[${key}]`, `metadata[${key}]`);
    if (key.length > 40) throw invalid(`Invalid metadata: key '${key}' is longer than 40 characters`, `metadata[${key}]`);
    if (v.length > 500) throw invalid(`Invalid metadata[${key}]: at most 500 characters`, `metadata[${key}]`);
    if (v !== "") out[key] = v;
  }
  return out;
}

function refuseUnknown(params: Params, known: readonly string[]): void {
  for (const key of Object.keys(params)) if (!known.includes(key)) throw invalid(`Received unknown parameter: ${key}`, key);
}

function validUrl(value: string, param: string): string {
  try {
    const url = new URL(value.replace("{CHECKOUT_SESSION_ID}", "cs"));
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
  } catch {
    throw invalid(`Not a valid URL`, param, "url_invalid");
  }
  return value;
}

// ───────────────────────── the server ─────────────────────────

type Idempotent = { fingerprint: string; status: number; body: unknown };
type Failure = { method: string; path: RegExp; status: number; error: StripeErrorBody };

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? "127.0.0.1";
  const sessions = new Map<string, FakeCheckoutSession>();
  const lineItems = new Map<string, FakeLineItem[]>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const events: FakeEvent[] = [];
  const idempotency = new Map<string, Idempotent>();
  const failures: Failure[] = [];
  let deliveries: Promise<unknown> = Promise.resolve();
  let baseUrl = "";

  const seconds = () => Math.floor(fake.clock().getTime() / 1000);

  function buildEvent(type: string, object: object): FakeEvent {
    return {
      id: newId("evt_test_"),
      object: "event",
      api_version: API_VERSION,
      created: seconds(),
      data: { object: clone(object) as Record<string, unknown> },
      livemode: false,
      pending_webhooks: fake.webhookUrl ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type,
    };
  }

  function sign(payload: string, secret = options.webhookSecret): string {
    // The signature time is the real time: the receiver checks it against its own clock.
    return Stripe.webhooks.generateTestHeaderString({ payload, secret });
  }

  async function deliver(event: FakeEvent): Promise<number | null> {
    const target = fake.webhookUrl;
    if (!target) return null;
    const payload = JSON.stringify(event, null, 2);
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": sign(payload), "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: payload,
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      log(`webhook ${event.type} ${event.id} → ${response.status}`);
      return response.status;
    } catch (error) {
      log(`webhook ${event.type} ${event.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** Events are delivered one after another, in the order they happened (not awaited by API answers). */
  function emit(type: string, object: object): { event: FakeEvent; delivered: Promise<number | null> } {
    const event = buildEvent(type, object);
    events.push(event);
    const delivered = deliveries.then(() => deliver(event));
    deliveries = delivered.catch(() => undefined);
    return { event, delivered };
  }

  /** A session past its expiry is expired on first sight (Stripe does it within minutes). */
  function current(id: string, param?: string): FakeCheckoutSession {
    const session = sessions.get(id);
    if (!session) throw missing("checkout.session", id, param);
    if (session.status === "open" && seconds() >= session.expires_at) expire(session);
    return session;
  }

  function expire(session: FakeCheckoutSession): { event: FakeEvent; delivered: Promise<number | null> } {
    session.status = "expired";
    session.url = null;
    return emit("checkout.session.expired", session);
  }

  function createSession(params: Params): FakeCheckoutSession {
    refuseUnknown(params, [
      "mode", "line_items", "success_url", "cancel_url", "currency", "metadata", "client_reference_id", "customer_email", "expires_at",
      "locale", "payment_method_types", "branding_settings", "submit_type", "expand", "ui_mode",
    ]);
    const mode = str(params, "mode", { required: true });
    if (mode !== "payment") throw invalid(`Invalid mode: the fake Stripe supports "payment" only`, "mode");
    if (params.ui_mode !== undefined && params.ui_mode !== "hosted") throw invalid("Invalid ui_mode: the fake Stripe supports hosted only", "ui_mode");
    const successUrl = validUrl(str(params, "success_url", { required: true })!, "success_url");
    const cancelUrl = str(params, "cancel_url");
    if (cancelUrl) validUrl(cancelUrl, "cancel_url");
    const items = list(params.line_items, "line_items");
    if (items.length === 0) throw invalid("Missing required param: line_items.", "line_items", "parameter_missing");
    if (items.length > 100) throw invalid("Invalid line_items: at most 100", "line_items");
    let currency = str(params, "currency")?.toLowerCase();
    const sessionId = newId("cs_test_", 58);
    const lines: FakeLineItem[] = items.map((raw, i) => {
      const p = `line_items[${i}]`;
      const item = obj(raw, p);
      refuseUnknown(item, ["price_data", "quantity", "price"]);
      if (item.price !== undefined) throw missing("price", String(item.price), `${p}[price]`);
      const priceData = obj(item.price_data, `${p}[price_data]`);
      refuseUnknown(priceData, ["currency", "unit_amount", "product_data", "tax_behavior"]);
      const lineCurrency = str(priceData, "currency", { required: true })!.toLowerCase();
      if (currency && currency !== lineCurrency) throw invalid("All line items must have the same currency.", `${p}[price_data][currency]`);
      currency = lineCurrency;
      const unitAmount = int(priceData.unit_amount, `${p}[price_data][unit_amount]`, { min: 0 });
      if (unitAmount === undefined) throw invalid(`Missing required param: ${p}[price_data][unit_amount].`, `${p}[price_data][unit_amount]`, "parameter_missing");
      const product = obj(priceData.product_data, `${p}[price_data][product_data]`);
      refuseUnknown(product, ["name", "description", "metadata"]);
      const name = str(product, "name", { required: true, max: 250 })!;
      const quantity = int(item.quantity, `${p}[quantity]`, { min: 1 });
      if (quantity === undefined) throw invalid(`Missing required param: ${p}[quantity].`, `${p}[quantity]`, "parameter_missing");
      const total = unitAmount * quantity;
      return {
        id: newId("li_"),
        object: "item",
        amount_discount: 0,
        amount_subtotal: total,
        amount_tax: 0,
        amount_total: total,
        currency: lineCurrency,
        description: name,
        quantity,
        price: { id: newId("price_"), object: "price", currency: lineCurrency, unit_amount: unitAmount, product: newId("prod_", 14), type: "one_time" },
      };
    });
    const amount = lines.reduce((sum, l) => sum + l.amount_total, 0);
    if (currency === "sek" && amount < MIN_AMOUNT_SEK_ORE) {
      throw invalid("The Checkout Session's total amount due must add up to at least kr 3.00 sek", "line_items", "amount_too_small");
    }
    const created = seconds();
    const expiresAt = int(params.expires_at, "expires_at") ?? created + MAX_EXPIRY_SECONDS;
    if (expiresAt < created + MIN_EXPIRY_SECONDS) throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
    if (expiresAt > created + MAX_EXPIRY_SECONDS) throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");
    const locale = str(params, "locale");
    if (locale && !["auto", "sv", "en"].includes(locale)) throw invalid(`Invalid locale: ${locale}`, "locale");
    const methods = list(params.payment_method_types, "payment_method_types");
    if (methods.some((m) => m !== "card")) throw invalid("The fake Stripe supports card payments only", "payment_method_types");
    const branding = obj(params.branding_settings, "branding_settings");
    refuseUnknown(branding, ["display_name"]);
    const displayName = str(branding, "display_name", { max: 100 });
    const session: FakeCheckoutSession = {
      id: sessionId,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      branding_settings: displayName ? { display_name: displayName } : null,
      cancel_url: cancelUrl ?? null,
      client_reference_id: str(params, "client_reference_id", { max: 200 }) ?? null,
      created,
      currency: currency!,
      customer_email: str(params, "customer_email") ?? null,
      expires_at: expiresAt,
      livemode: false,
      locale: locale ?? null,
      metadata: metadataOf(params.metadata),
      mode: "payment",
      payment_intent: null,
      payment_method_types: ["card"],
      payment_status: "unpaid",
      status: "open",
      submit_type: str(params, "submit_type") ?? null,
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: "hosted",
      url: `${baseUrl}/pay/${sessionId}`,
    };
    sessions.set(session.id, session);
    lineItems.set(session.id, lines);
    return session;
  }

  function pay(session: FakeCheckoutSession): { event: FakeEvent; delivered: Promise<number | null> } {
    const created = seconds();
    const charge: FakeCharge = {
      id: newId("ch_"), object: "charge", amount: session.amount_total, amount_captured: session.amount_total, amount_refunded: 0, captured: true,
      created, currency: session.currency, livemode: false, paid: true, payment_intent: "", refunded: false, status: "succeeded",
    };
    const intent: FakePaymentIntent = {
      id: newId("pi_"), object: "payment_intent", amount: session.amount_total, amount_received: session.amount_total, currency: session.currency,
      created, latest_charge: charge.id, livemode: false, metadata: {}, payment_method_types: ["card"], status: "succeeded",
    };
    charge.payment_intent = intent.id;
    paymentIntents.set(intent.id, intent);
    charges.set(charge.id, charge);
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent = intent.id;
    session.url = null;
    return emit("checkout.session.completed", session);
  }

  function createRefund(params: Params): FakeRefund {
    refuseUnknown(params, ["payment_intent", "charge", "amount", "reason", "metadata", "expand"]);
    const intentId = str(params, "payment_intent");
    const chargeId = str(params, "charge");
    if (!intentId && !chargeId) throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent");
    let charge: FakeCharge | undefined;
    if (intentId) {
      const intent = paymentIntents.get(intentId);
      if (!intent) throw missing("payment_intent", intentId, "payment_intent");
      if (intent.status !== "succeeded" || !intent.latest_charge) {
        throw invalid(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
      }
      charge = charges.get(intent.latest_charge);
    } else {
      charge = charges.get(chargeId!);
      if (!charge) throw missing("charge", chargeId!, "charge");
    }
    if (!charge) throw invalid("No charge to refund", "payment_intent");
    const left = charge.amount - charge.amount_refunded;
    if (left <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded");
    const amount = int(params.amount, "amount", { min: 1 }) ?? left;
    if (amount > left) {
      throw invalid(`Refund amount (kr ${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (kr ${(left / 100).toFixed(2)})`, "amount");
    }
    const reason = str(params, "reason");
    if (reason && !["duplicate", "fraudulent", "requested_by_customer"].includes(reason)) throw invalid(`Invalid reason: ${reason}`, "reason");
    const refund: FakeRefund = {
      id: newId("re_"), object: "refund", amount, charge: charge.id, created: seconds(), currency: charge.currency, metadata: metadataOf(params.metadata),
      payment_intent: charge.payment_intent, reason: reason ?? null, status: "succeeded",
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    emit("refund.created", refund);
    emit("charge.refunded", charge);
    return refund;
  }

  /** expand[]=payment_intent, payment_intent.latest_charge, latest_charge, charge, line_items. */
  function expand(object: Record<string, unknown>, paths: string[]): Record<string, unknown> {
    const out = clone(object);
    for (const path of paths) {
      const [head, ...rest] = path.split(".");
      if (!head) continue;
      if (head === "line_items" && out.object === "checkout.session") {
        const data = lineItems.get(String(out.id)) ?? [];
        out.line_items = { object: "list", data: clone(data), has_more: false, url: `/v1/checkout/sessions/${String(out.id)}/line_items` };
        continue;
      }
      const value = out[head];
      if (typeof value !== "string") {
        if (value === undefined) throw invalid(`This property cannot be expanded (${head}).`, "expand");
        continue;
      }
      const target = lookup(value);
      if (!target) continue;
      out[head] = rest.length ? expand(target, [rest.join(".")]) : clone(target);
    }
    return out;
  }

  function lookup(id: string): Record<string, unknown> | undefined {
    const found = id.startsWith("pi_") ? paymentIntents.get(id) : id.startsWith("ch_") ? charges.get(id) : id.startsWith("re_") ? refunds.get(id) : sessions.get(id);
    return found as Record<string, unknown> | undefined;
  }

  const expandsOf = (params: Params) => list(params.expand, "expand").map(String);

  type Answer = { status: number; body: unknown };
  const ok = (body: unknown): Answer => ({ status: 200, body });

  function api(method: string, path: string, params: Params): Answer {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const session = createSession(params);
      return ok(expand(session, expandsOf(params)));
    }
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/))) return ok(expand(current(m[1]!), expandsOf(params)));
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/))) {
      current(m[1]!);
      return ok({ object: "list", data: clone(lineItems.get(m[1]!) ?? []), has_more: false, url: path });
    }
    if (method === "POST" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/))) {
      const session = current(m[1]!);
      if (session.status !== "open") throw invalid(`Only Checkout Sessions with a status of \`open\` can be expired. This session has a status of \`${session.status}\`.`);
      expire(session);
      return ok(expand(session, expandsOf(params)));
    }
    if (method === "GET" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
      const intent = paymentIntents.get(m[1]!);
      if (!intent) throw missing("payment_intent", m[1]!);
      return ok(expand(intent, expandsOf(params)));
    }
    if (method === "GET" && (m = path.match(/^\/v1\/charges\/([^/]+)$/))) {
      const charge = charges.get(m[1]!);
      if (!charge) throw missing("charge", m[1]!);
      return ok(expand(charge, expandsOf(params)));
    }
    if (method === "POST" && path === "/v1/refunds") return ok(expand(createRefund(params), expandsOf(params)));
    if (method === "GET" && path === "/v1/refunds") {
      const intentId = str(params, "payment_intent");
      const chargeId = str(params, "charge");
      const limit = int(params.limit, "limit", { min: 1 }) ?? 10;
      const data = [...refunds.values()]
        .filter((r) => (!intentId || r.payment_intent === intentId) && (!chargeId || r.charge === chargeId))
        .reverse()
        .slice(0, Math.min(limit, 100));
      return ok({ object: "list", data: clone(data), has_more: false, url: path });
    }
    if (method === "GET" && (m = path.match(/^\/v1\/refunds\/([^/]+)$/))) {
      const refund = refunds.get(m[1]!);
      if (!refund) throw missing("refund", m[1]!);
      return ok(expand(refund, expandsOf(params)));
    }
    throw new StripeApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const body = await readBody(req);

    if (url.pathname === "/" && method === "GET") return sendJson(res, 200, { object: "fake_stripe", ok: true });
    const page = url.pathname.match(/^\/pay\/([^/]+)$/);
    if (page) return paymentPage(method, page[1]!, body, res);
    if (!url.pathname.startsWith("/v1/")) return sendJson(res, 404, { error: { type: "invalid_request_error", message: "Not found" } });

    // Bearer <key>, or HTTP Basic with the key as user name (curl -u sk_test_…:), as Stripe takes it.
    const auth = req.headers.authorization ?? "";
    const key = auth.startsWith("Bearer ")
      ? auth.slice(7)
      : auth.startsWith("Basic ")
        ? Buffer.from(auth.slice(6), "base64").toString("utf8").split(":")[0]!
        : "";
    if (!key) {
      return sendJson(res, 401, { error: { type: "invalid_request_error", message: "You did not provide an API key. You need to provide your API key in the Authorization header." } });
    }
    if (!/^(sk|rk)_test_/.test(key)) {
      return sendJson(res, 401, { error: { type: "invalid_request_error", message: "The fake Stripe accepts test keys only (sk_test_…).", code: "api_key_expired" } });
    }
    const failureIndex = failures.findIndex((f) => f.method === method && f.path.test(url.pathname));
    if (failureIndex >= 0) {
      const [failure] = failures.splice(failureIndex, 1);
      // Told not to retry, the SDK hands the error straight to the caller.
      return sendJson(res, failure!.status, { error: failure!.error }, { "stripe-should-retry": "false" });
    }

    const idempotencyKey = method === "POST" ? (req.headers["idempotency-key"] as string | undefined) : undefined;
    const fingerprint = `${method} ${url.pathname} ${body}`;
    if (idempotencyKey) {
      const saved = idempotency.get(idempotencyKey);
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          return sendJson(res, 400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
        return sendJson(res, saved.status, saved.body, { "idempotent-replayed": "true" });
      }
    }
    try {
      const params = parseStripeForm(method === "GET" ? url.searchParams.toString() : body);
      const answer = api(method, url.pathname, params);
      if (idempotencyKey) idempotency.set(idempotencyKey, { fingerprint, status: answer.status, body: answer.body });
      log(`${method} ${url.pathname} → ${answer.status}`);
      return sendJson(res, answer.status, answer.body, idempotencyKey ? { "idempotency-key": idempotencyKey } : {});
    } catch (error) {
      if (error instanceof StripeApiError) {
        log(`${method} ${url.pathname} → ${error.status} ${error.error.message}`);
        return sendJson(res, error.status, { error: { ...error.error, doc_url: "https://docs.stripe.com/error-codes" } });
      }
      throw error;
    }
  }

  async function paymentPage(method: string, id: string, body: string, res: http.ServerResponse): Promise<void> {
    const session = sessions.get(id);
    if (!session) return sendHtml(res, 404, page("sv", "Hittades inte", `<h1>Betalsidan finns inte</h1><p>Kontrollera länken.</p>`));
    current(id);
    const texts = session.locale === "en" ? TEXTS.en : TEXTS.sv;
    if (method === "POST") {
      const action = new URLSearchParams(body).get("action");
      if (action === "cancel") return redirect(res, session.cancel_url ?? `${baseUrl}/pay/${id}`);
      if (session.status === "open") {
        const { delivered } = pay(session);
        // Like Stripe, the browser comes back only after the webhook went out (answered or not).
        await delivered;
      }
      if (session.status === "complete") return redirect(res, session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id));
    }
    if (method !== "GET" && method !== "POST") return sendHtml(res, 405, page(texts.lang, texts.title(""), "<p>Method not allowed</p>"));
    return sendHtml(res, session.status === "expired" ? 410 : 200, paymentPageHtml(session, lineItems.get(id) ?? [], options.sellerName ?? "Verkstad"));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { type: "api_error", message: "The fake Stripe failed; see its log." } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${port}`;

  const fake: FakeStripe = {
    url: baseUrl,
    port,
    webhookUrl: options.webhookUrl,
    clock: options.clock ?? (() => new Date()),
    sessions,
    lineItems,
    paymentIntents,
    charges,
    refunds,
    events,
    async completeSession(id) {
      const session = current(id);
      if (session.status === "complete") {
        const done = events.find((e) => e.type === "checkout.session.completed" && e.data.object.id === id);
        if (done) return done;
      }
      if (session.status !== "open") throw new Error(`Session ${id} is ${session.status}`);
      const { event, delivered } = pay(session);
      await delivered;
      return event;
    },
    async expireSession(id) {
      const session = current(id);
      if (session.status !== "open") throw new Error(`Session ${id} is ${session.status}`);
      const { event, delivered } = expire(session);
      await delivered;
      return event;
    },
    buildEvent,
    sign,
    deliver,
    failNext(match, { status, ...error }) {
      failures.push({ method: match.method, path: match.path, status, error });
    },
    async close() {
      await deliveries;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}

// ───────────────────────── HTTP helpers ─────────────────────────

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) {
        reject(new Error("Request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "request-id": newId("req_", 14),
    "stripe-version": API_VERSION,
    "cache-control": "no-store",
    ...headers,
  });
  res.end(JSON.stringify(body, null, 2));
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { location, "cache-control": "no-store" });
  res.end();
}

// ───────────────────────── the payment page ─────────────────────────

const TEXTS = {
  sv: {
    lang: "sv",
    title: (seller: string) => `Betala till ${seller}`,
    testMode: "Testläge: det här är en lokal ersättare för Stripes betalsida. Inga riktiga pengar dras.",
    caption: "Det här betalar du för",
    what: "Vad",
    quantity: "Antal",
    amount: "Belopp",
    total: "Totalt",
    card: "Kortuppgifter",
    cardNumber: "Kortnummer",
    expiry: "Giltigt till (MM/ÅÅ)",
    cvc: "CVC",
    email: "E-post",
    pay: (amount: string) => `Betala ${amount}`,
    cancel: "Avbryt",
    complete: "Betalningen är redan genomförd.",
    expired: "Betalsidan har gått ut. Inget har dragits från kortet.",
    back: "Tillbaka",
    locale: "sv-SE",
  },
  en: {
    lang: "en",
    title: (seller: string) => `Pay ${seller}`,
    testMode: "Test mode: this is a local stand-in for Stripe's payment page. No real money is taken.",
    caption: "What you pay for",
    what: "Item",
    quantity: "Quantity",
    amount: "Amount",
    total: "Total",
    card: "Card details",
    cardNumber: "Card number",
    expiry: "Expiry (MM/YY)",
    cvc: "CVC",
    email: "Email",
    pay: (amount: string) => `Pay ${amount}`,
    cancel: "Cancel",
    complete: "This payment has already been made.",
    expired: "This payment page has expired. Nothing was charged.",
    back: "Back",
    locale: "en-GB",
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function money(ore: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(ore / 100);
}

function page(lang: string, title: string, main: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1a1a1a; line-height: 1.5; }
  main { max-width: 34rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; border: 1px solid #c9ced6; }
  .test { background: #fff4d6; border-left: 4px solid #8a5a00; padding: .5rem .75rem; margin: 0 0 1rem; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  th, td { text-align: left; padding: .35rem .25rem; border-bottom: 1px solid #d7dbe0; }
  td.num, th.num { text-align: right; }
  fieldset { border: 1px solid #c9ced6; border-radius: 6px; padding: .75rem 1rem; }
  label { display: block; margin-top: .5rem; font-weight: 600; }
  input { font: inherit; padding: .4rem .5rem; width: 100%; box-sizing: border-box; border: 1px solid #6b7280; border-radius: 4px; }
  .actions { display: flex; gap: 1rem; margin-top: 1.25rem; flex-wrap: wrap; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: 6px; cursor: pointer; border: 2px solid #3b2bb5; }
  button.primary { background: #3b2bb5; color: #fff; font-weight: 600; }
  button.secondary { background: #fff; color: #3b2bb5; }
  button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
  a { color: #3b2bb5; }
</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

function paymentPageHtml(session: FakeCheckoutSession, lines: readonly FakeLineItem[], defaultSeller: string): string {
  const t = session.locale === "en" ? TEXTS.en : TEXTS.sv;
  const seller = session.branding_settings?.display_name ?? defaultSeller;
  const total = money(session.amount_total, session.currency, t.locale);
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.description)}</td><td class="num">${l.quantity}</td><td class="num">${escapeHtml(money(l.amount_total, l.currency, t.locale))}</td></tr>`,
    )
    .join("\n");
  const table = `<table>
<caption>${t.caption}</caption>
<thead><tr><th scope="col">${t.what}</th><th scope="col" class="num">${t.quantity}</th><th scope="col" class="num">${t.amount}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="2">${t.total}</th><td class="num"><strong>${escapeHtml(total)}</strong></td></tr></tfoot>
</table>`;
  let body: string;
  if (session.status === "open") {
    body = `<form method="post" action="/pay/${encodeURIComponent(session.id)}">
<fieldset>
<legend>${t.card}</legend>
${session.customer_email ? `<label for="email">${t.email}</label><input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(session.customer_email)}" readonly>` : ""}
<label for="card">${t.cardNumber}</label><input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="4242 4242 4242 4242">
<label for="expiry">${t.expiry}</label><input id="expiry" name="expiry" autocomplete="cc-exp" value="12/34">
<label for="cvc">${t.cvc}</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" value="123">
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="action" value="pay">${escapeHtml(t.pay(total))}</button>
<button class="secondary" type="submit" name="action" value="cancel">${t.cancel}</button>
</div>
</form>`;
  } else {
    const back = session.status === "complete" ? session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id) : (session.cancel_url ?? session.success_url);
    body = `<p role="status">${session.status === "complete" ? t.complete : t.expired}</p><p><a href="${escapeHtml(back)}">${t.back}</a></p>`;
  }
  return page(
    t.lang,
    t.title(seller),
    `<p class="test">${t.testMode}</p>
<h1>${escapeHtml(t.title(seller))}</h1>
${table}
${body}`,
  );
}
