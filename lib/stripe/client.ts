/**
 * The Stripe SDK client. The API version is pinned to the one stripe 23.1.0 ships (its types
 * describe exactly that version); upgrading the package is a deliberate change that fails the
 * type check here until the version is moved on too.
 *
 * With STRIPE_API_BASE set (demo, tests), the SDK talks to the local fake Stripe
 * (lib/dev/fake-stripe.ts) through its host/port/protocol options; nothing leaves the machine.
 *
 * No `server-only` here: the refund job (scripts/worker.ts) uses it outside Next.js. It reads the
 * environment through lib/stripe/settings.ts, the same schema lib/env.ts validates at start.
 */
import Stripe from "stripe";
import { readStripeSettings } from "@/lib/stripe/settings";

export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

export type StripeConnection = { secretKey: string; apiBase: string | null };

export function createStripe({ secretKey, apiBase }: StripeConnection): Stripe {
  const target = apiBase ? new URL(apiBase) : null;
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    // Retries of POSTs carry our idempotency keys (or the SDK's own), so a retry never doubles.
    maxNetworkRetries: 2,
    // A person waits for checkout: fail (and let them try again) rather than hang for 80 s.
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "Verkstad" },
    ...(target && {
      host: target.hostname,
      port: target.port || (target.protocol === "https:" ? 443 : 80),
      protocol: target.protocol === "https:" ? ("https" as const) : ("http" as const),
    }),
  });
}

let cached: { key: string; client: Stripe } | undefined;

/**
 * The client for the current environment, made once per key and API base (tests point
 * STRIPE_API_BASE at a fake started on a free port; the next call follows it).
 */
export function getStripe(): Stripe {
  const { secretKey, apiBase } = readStripeSettings();
  if (!secretKey) throw new Error("STRIPE_SECRET_KEY is not set: card payments need it in production.");
  const key = `${secretKey}\n${apiBase ?? ""}`;
  if (cached?.key !== key) cached = { key, client: createStripe({ secretKey, apiBase }) };
  return cached.client;
}

/** The webhook endpoint's signing secret; null only in production when not set. */
export function stripeWebhookSecret(): string | null {
  return readStripeSettings().webhookSecret;
}
