// Builds the production app (next build, Turbopack, as `npm run build`) unless .next already holds
// a build of exactly these sources made by the same bundler.
//
// VERKSTAD_BUNDLER=webpack builds with webpack instead (`next build --webpack`), to compare
// bundlers with bench/calendar-page.ts; the stamp records which bundler made the build, so the
// next ordinary run builds again with Turbopack. (Measured on the public calendar: first-load JS
// 135 KB gzip with Turbopack, 145 KB with webpack; the framework chunks alone are ~127 KB either way.)
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const inputs = ["app", "components", "lib", "messages", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const skip = new Set(["node_modules", ".next", "generated", ".data"]);

function walk(p, hash) {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!skip.has(name)) walk(path.join(p, name), hash);
  } else {
    hash.update(path.relative(root, p));
    hash.update(fs.readFileSync(p));
  }
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const input of inputs) walk(path.join(root, input), hash);
  return hash.digest("hex");
}

const bundler = process.env.VERKSTAD_BUNDLER === "webpack" ? "webpack" : "turbopack";
const stampFile = path.join(root, ".next", "verkstad-source-hash");
const want = `${sourceHash()} ${bundler}`;
const have = fs.existsSync(stampFile) && fs.existsSync(path.join(root, ".next", "BUILD_ID")) ? fs.readFileSync(stampFile, "utf8") : "";
if (have === want) {
  console.error("[verkstad] production build is up to date");
} else {
  console.error(`[verkstad] building the production app (next build${bundler === "webpack" ? " --webpack" : ""})…`);
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build", ...(bundler === "webpack" ? ["--webpack"] : [])], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stampFile, want);
}
