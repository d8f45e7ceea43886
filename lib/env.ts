import "server-only";
import { z } from "zod";
import { resolveStripeSettings, stripeEnvFields } from "@/lib/stripe/settings";

/**
 * The environment, validated once on first use (not at import, so `next build` needs no database).
 * Defaults make the quick start work; production must set what has no safe default.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Set by scripts/with-db.ts for the embedded database, or by the operator for PostgreSQL. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** Connections per app instance; several instances share one PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.url().default("http://localhost:3000"),
  /**
   * What this deployment is. "production" turns off everything meant for demos and tests
   * (demo sign-in, the captured-mail page) whatever else is set. Defaults to "production"
   * when NODE_ENV is production, so a forgotten variable fails safe.
   */
  APP_MODE: z.enum(["production", "demo", "test", "development"]).optional(),
  /** "on" enables sign-in as a seeded demo user without e-mail; ignored when APP_MODE is production. */
  DEMO_SIGN_IN: z.enum(["on", "off"]).default("off"),
  /** Signs session cookies and hashes magic-link tokens. Required in production. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Minutes a magic link stays valid. */
  MAGIC_LINK_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  /**
   * Card payments (lib/stripe/settings.ts): STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET (test defaults
   * outside production; production must set both for card payments) and STRIPE_API_BASE (the local
   * fake Stripe in the demo and tests; unset for Stripe itself).
   */
  ...stripeEnvFields,
});

type StripeKeys = "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE";

export type Env = Omit<z.infer<typeof schema>, "APP_MODE" | "AUTH_SECRET" | StripeKeys> & {
  APP_MODE: "production" | "demo" | "test" | "development";
  AUTH_SECRET: string;
  STRIPE_SECRET_KEY: string | null;
  STRIPE_WEBHOOK_SECRET: string | null;
  STRIPE_API_BASE: string | null;
};

/** Demo sign-in is possible only when explicitly turned on and never in production mode. */
export function demoSignInEnabled(env: Env): boolean {
  return env.DEMO_SIGN_IN === "on" && env.APP_MODE !== "production";
}

/** Dev-only tools (captured e-mail page) exist outside production mode only. */
export function devToolsEnabled(env: Env): boolean {
  return env.APP_MODE !== "production";
}

let cached: Env | undefined;

/** For tests: validate a given environment without caching it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return buildEnv(source);
}

export function getEnv(): Env {
  if (cached) return cached;
  cached = buildEnv(process.env);
  return cached;
}

function buildEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}\nStart the app with "npm run demo", or set DATABASE_URL.`);
  }
  const data = parsed.data;
  const mode = data.APP_MODE ?? (data.NODE_ENV === "production" ? "production" : "development");
  if (mode === "production" && !data.AUTH_SECRET) {
    throw new Error("Invalid environment: AUTH_SECRET (32+ random characters) is required in production.");
  }
  const stripe = resolveStripeSettings(data, mode);
  return {
    ...data,
    APP_MODE: mode,
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE: stripe.apiBase,
    // Outside production a fixed secret keeps the quick start to two commands; it is never used in production.
    AUTH_SECRET: data.AUTH_SECRET ?? "verkstad-development-secret-not-for-production-use",
  };
}
