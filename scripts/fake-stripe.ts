/**
 * Runs the local fake Stripe (lib/dev/fake-stripe.ts) for the demo and the end-to-end tests;
 * scripts/serve.mjs starts it beside the app when STRIPE_FAKE=on. Never in production mode.
 *
 *   STRIPE_FAKE_PORT       port to listen on (127.0.0.1), default 3102
 *   STRIPE_WEBHOOK_URL     where webhooks go, default ${APP_URL}/api/stripe/webhook
 *   STRIPE_WEBHOOK_SECRET  signing secret, default the test secret the app uses outside production
 */
import { startFakeStripe } from "../lib/dev/fake-stripe";
import { TEST_WEBHOOK_SECRET } from "../lib/stripe/settings";

const log = (line: string) => console.error(`[fake-stripe] ${line}`);

async function main() {
  const mode = process.env.APP_MODE ?? (process.env.NODE_ENV === "production" ? "production" : "development");
  if (mode === "production") throw new Error("The fake Stripe does not run in production mode (APP_MODE=production).");
  const appUrl = process.env.APP_URL ?? "http://localhost:3000";
  const fake = await startFakeStripe({
    port: Number(process.env.STRIPE_FAKE_PORT ?? 3102),
    webhookUrl: process.env.STRIPE_WEBHOOK_URL || new URL("/api/stripe/webhook", appUrl).toString(),
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || TEST_WEBHOOK_SECRET,
    log,
  });
  log(`listening on ${fake.url}, webhooks to ${fake.webhookUrl}`);
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
