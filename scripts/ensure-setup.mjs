// Sets up what a fresh clone is missing, so that `npm run demo` and `npm test` work as the first
// command on a new machine. Plain Node (no dependencies): it runs before node_modules exists.
//   node scripts/ensure-setup.mjs            npm packages + generated Prisma client
//   node scripts/ensure-setup.mjs --browser  ... + Debian's Chromium for the end-to-end tests
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const log = (line) => console.error(`[verkstad] ${line}`);

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (r.status !== 0) {
    log(`failed: ${command} ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
}

// 1. npm packages: install exactly what package-lock.json says (npm ci never rewrites it, so a fresh
// clone stays clean) when node_modules is absent or was installed from another lockfile. The stamp
// is the hash of the lockfile as installed, taken after the install.
const lock = path.join(root, "package-lock.json");
const stamp = path.join(root, "node_modules", ".verkstad-lock-sha256");
const lockHash = () => createHash("sha256").update(fs.readFileSync(lock)).digest("hex");
const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
if (have !== lockHash()) {
  log(fs.existsSync(path.join(root, "node_modules")) ? "package-lock.json changed: reinstalling packages (npm ci)" : "installing packages (npm ci)");
  const ci = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (ci.status !== 0) {
    log("npm ci failed: package-lock.json does not match package.json. After changing a dependency, run");
    log("`npm install` once and commit the updated package-lock.json.");
    process.exit(ci.status ?? 1);
  }
  fs.writeFileSync(stamp, lockHash());
}

// 2. The Prisma client is generated from the schema (postinstall does it; this covers a changed schema).
const schema = path.join(root, "prisma", "schema.prisma");
const client = path.join(root, "lib", "generated", "prisma", "client.ts");
if (!fs.existsSync(client) || fs.statSync(client).mtimeMs < fs.statSync(schema).mtimeMs) {
  log("generating the Prisma client");
  run(path.join(root, "node_modules", ".bin", "prisma"), ["generate"]);
}

// 3. Chromium for the end-to-end tests: Debian's package (Playwright's own download cannot work offline).
if (process.argv.includes("--browser")) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
      log("installing Debian's chromium for the end-to-end tests (apt-get)");
      run("apt-get", ["update", "-qq"]);
      run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    } else {
      log(`Chromium is missing at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install chromium),`);
      log("or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.");
      process.exit(1);
    }
  }
}

// 4. poppler-utils (pdftotext, pdftoppm): the tests read the invoice PDFs back as text.
if (process.argv.includes("--tools") && !fs.existsSync("/usr/bin/pdftotext")) {
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    log("installing Debian's poppler-utils for the PDF tests (apt-get)");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "poppler-utils"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    log("pdftotext is missing. Install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils), then run npm test again.");
    process.exit(1);
  }
}
