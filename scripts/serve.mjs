// Starts the web app (next start) and the background worker side by side; if either stops, both
// stop. `npm start` in production, and `npm run demo` through scripts/with-db.ts.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT ?? "3000";

const children = [
  spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit" }),
  spawn(bin("tsx"), ["scripts/worker.ts"], { cwd: root, stdio: "inherit" }),
];
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
