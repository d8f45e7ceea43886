// npm run demo: everything from a fresh clone to the app with demo data on http://localhost:3000
// (or $PORT), on the embedded database. Ctrl-C stops the app and then the database.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";

for (const step of [["scripts/ensure-setup.mjs"], ["scripts/build-if-stale.mjs"]]) {
  const r = spawnSync(process.execPath, step, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.error(`[verkstad] starting Verkstad on http://localhost:${port} (Ctrl-C stops it)`);
const child = spawn(
  path.join(root, "node_modules", ".bin", "tsx"),
  ["scripts/with-db.ts", "--migrate", "--seed-if-empty", "--", process.execPath, "scripts/serve.mjs"],
  {
    cwd: root,
    stdio: "inherit",
    // The demo runs the production build in demo mode: demo sign-in and the captured-mail page are on,
    // and card payments go to the local fake Stripe (no network needed).
    env: { APP_MODE: "demo", DEMO_SIGN_IN: "on", MAIL_CAPTURE: "on", STRIPE_FAKE: "on", APP_URL: `http://localhost:${port}`, ...process.env, PORT: port },
  },
);
// The terminal sends Ctrl-C to the whole process group; wait for the app and database to stop.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
