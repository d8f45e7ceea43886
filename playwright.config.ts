import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * End-to-end tests drive Debian's Chromium (downloads of Playwright's own browsers are not possible
 * here) against the production build, on a fresh embedded database with the demo data.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/.artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The app and the worker together (as in production), with the worker's SMTP capture, so
    // e-mails travel over real SMTP and the dev mail page shows them (emptied first, like the database).
    command: `node -e "require('node:fs').rmSync('.data/e2e-mail', { recursive: true, force: true })" && node scripts/build-if-stale.mjs && tsx scripts/with-db.ts --fresh --migrate --seed -- node scripts/serve.mjs`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      VERKSTAD_DATA_DIR: ".data/e2e-pg",
      VERKSTAD_DB_NAME: "verkstad_e2e",
      // The end-to-end database is always the embedded one, whatever the shell has set.
      DATABASE_URL: "",
      PORT: String(port),
      // next start runs with NODE_ENV=production; the test mode keeps test-only sign-in available.
      APP_MODE: "test",
      DEMO_SIGN_IN: "on",
      APP_URL: baseURL,
      MAIL_CAPTURE: "on",
      MAIL_CAPTURE_DIR: ".data/e2e-mail",
      // Not the demo's 1025, so a running demo does not catch the tests' mail.
      SMTP_PORT: String(port + 1),
      OUTBOX_POLL_MS: "250",
      // Card payments go to the local fake Stripe (scripts/fake-stripe.ts), started by serve.mjs;
      // its payment page is what the browser sees as "Stripe Checkout".
      STRIPE_FAKE: "on",
      STRIPE_FAKE_PORT: String(port + 2),
      STRIPE_SECRET_KEY: "sk_test_verkstad_e2e",
      STRIPE_WEBHOOK_SECRET: "whsec_verkstad_e2e",
      STRIPE_API_BASE: "",
    },
  },
});
