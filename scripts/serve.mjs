// Starts the web app (next start) and the background worker side by side; if either stops, both
// stop. `npm start` in production, and `npm run demo` through scripts/with-db.ts.
//
// With STRIPE_FAKE=on (the demo and the end-to-end tests; refused in production mode) it also
// starts the local fake Stripe (scripts/fake-stripe.ts) on 127.0.0.1:STRIPE_FAKE_PORT (default
// PORT + 2), sending its webhooks to ${APP_URL}/api/stripe/webhook, and points the app and the
// worker at it (STRIPE_API_BASE), with the same webhook secret on both sides.
import { spawn } from "node:child_process";
import path from "node:path";
import { clearPageCache } from "./support/page-cache.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT ?? "3000";

const env = { ...process.env };
const children = [];
if (env.STRIPE_FAKE === "on") {
  // next start runs with NODE_ENV=production: without APP_MODE the app is in production mode.
  if ((env.APP_MODE ?? "production") === "production") {
    console.error("[verkstad] STRIPE_FAKE=on is refused in production mode (set APP_MODE=demo or test, or turn the fake off).");
    process.exit(1);
  }
  const fakePort = env.STRIPE_FAKE_PORT || String(Number(port) + 2);
  env.STRIPE_API_BASE = `http://127.0.0.1:${fakePort}`;
  env.STRIPE_WEBHOOK_SECRET ||= "whsec_verkstad_local";
  const appUrl = env.APP_URL ?? `http://localhost:${port}`;
  children.push(
    spawn(bin("tsx"), ["scripts/fake-stripe.ts"], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, STRIPE_FAKE_PORT: fakePort, STRIPE_WEBHOOK_URL: env.STRIPE_WEBHOOK_URL || new URL("/api/stripe/webhook", appUrl).toString() },
    }),
  );
}
clearPageCache(root);
children.push(
  spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit", env }),
  spawn(bin("tsx"), ["scripts/worker.ts"], { cwd: root, stdio: "inherit", env }),
);
let exitCode = 0;
let stopping = false;
const stopAll = (signal = "SIGTERM") => {
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
};
for (const child of children) {
  child.on("exit", (code) => {
    if (!stopping) exitCode = code ?? 1;
    stopAll();
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
process.on("SIGINT", () => stopAll("SIGINT"));
process.on("SIGTERM", () => stopAll("SIGTERM"));
