/**
 * The Stripe settings, read from the environment: one schema for lib/env.ts (checked with the rest
 * of the environment when the app starts) and for lib/stripe/client.ts (which the worker uses
 * too, outside Next.js, so neither this file nor the client imports `server-only` or lib/env).
 *
 * Outside production fixed test values make the demo and the tests work with the local fake
 * Stripe (lib/dev/fake-stripe.ts). Production must set the secret key and the webhook secret; a
 * card payment or a webhook without them fails loudly, an invoice-only deployment still starts.
 */
import { z } from "zod";

export const TEST_SECRET_KEY = "sk_test_verkstad_local";
export const TEST_WEBHOOK_SECRET = "whsec_verkstad_local";

const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);

export const stripeEnvFields = {
  /** Secret (sk_…) or restricted (rk_…) API key. */
  STRIPE_SECRET_KEY: z.preprocess(blankIsUnset, z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, "must look like sk_test_… or sk_live_…").optional()),
  /** The signing secret of the webhook endpoint (/api/stripe/webhook). */
  STRIPE_WEBHOOK_SECRET: z.preprocess(blankIsUnset, z.string().regex(/^whsec_\S+$/, "must look like whsec_…").optional()),
  /** Where the SDK sends API calls instead of api.stripe.com: the local fake in the demo and tests. */
  STRIPE_API_BASE: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
};

export type StripeSettings = {
  /** Null only in production when not set: card payments then refuse to start. */
  secretKey: string | null;
  webhookSecret: string | null;
  /** e.g. "http://127.0.0.1:3102"; null for Stripe itself. */
  apiBase: string | null;
};

type Mode = "production" | "demo" | "test" | "development";
type StripeEnvValues = { STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string; STRIPE_API_BASE?: string };

/** Defaults and safety rules; throws on a combination that must never run. */
export function resolveStripeSettings(values: StripeEnvValues, mode: Mode): StripeSettings {
  if (mode === "production") {
    if (values.STRIPE_API_BASE && !values.STRIPE_API_BASE.startsWith("https://")) {
      throw new Error("Invalid environment: STRIPE_API_BASE must be https in production (the local fake Stripe is for demos and tests).");
    }
    return { secretKey: values.STRIPE_SECRET_KEY ?? null, webhookSecret: values.STRIPE_WEBHOOK_SECRET ?? null, apiBase: values.STRIPE_API_BASE ?? null };
  }
  // Demo and test data must never touch real money.
  if (values.STRIPE_SECRET_KEY && /^(sk|rk)_live_/.test(values.STRIPE_SECRET_KEY)) {
    throw new Error(`Invalid environment: a live STRIPE_SECRET_KEY outside production (APP_MODE=${mode}). Use a test key.`);
  }
  return {
    secretKey: values.STRIPE_SECRET_KEY ?? TEST_SECRET_KEY,
    webhookSecret: values.STRIPE_WEBHOOK_SECRET ?? TEST_WEBHOOK_SECRET,
    apiBase: values.STRIPE_API_BASE ?? null,
  };
}

const standalone = z.object({
  ...stripeEnvFields,
  APP_MODE: z.preprocess(blankIsUnset, z.enum(["production", "demo", "test", "development"]).optional()),
  NODE_ENV: z.preprocess(blankIsUnset, z.enum(["development", "test", "production"]).optional()),
});

/**
 * The settings straight from an environment (default: this process's), for code that runs
 * outside Next.js too. The mode follows lib/env.ts: APP_MODE, else production when NODE_ENV is.
 */
export function readStripeSettings(source: Record<string, string | undefined> = process.env): StripeSettings {
  const parsed = standalone.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const { APP_MODE, NODE_ENV, ...values } = parsed.data;
  return resolveStripeSettings(values, APP_MODE ?? (NODE_ENV === "production" ? "production" : "development"));
}
