// npm test: every check, from a fresh clone. Sets up what is missing (packages, Prisma client,
// Chromium), then runs typecheck, lint, unit, integration on the embedded database, integration on
// PostgreSQL when TEST_POSTGRES_URL is set, and the end-to-end tests in Chromium. Runs every step
// even when one fails, then prints a summary and one closing line "N passed, N failed".
//
//   npm test                      everything
//   npm test -- --only unit,integration   a subset (typecheck, lint, unit, integration, e2e)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const onlyArg = process.argv.find((a) => a.startsWith("--only"));
const only = onlyArg ? new Set((onlyArg.includes("=") ? onlyArg.split("=")[1] : process.argv[process.argv.indexOf(onlyArg) + 1]).split(",")) : null;
const wanted = (group) => !only || only.has(group);
const report = fs.mkdtempSync(path.join(os.tmpdir(), "verkstad-test-"));

const setup = spawnSync(process.execPath, ["scripts/ensure-setup.mjs", ...(wanted("e2e") ? ["--browser"] : []), ...(wanted("unit") ? ["--tools"] : [])], { cwd: root, stdio: "inherit" });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const { TEST_POSTGRES_URL, ...envWithoutPostgres } = process.env;
const results = [];

function step(name, group, command, args, { env = process.env, counts } = {}) {
  if (!wanted(group)) return;
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const tally = counts?.() ?? { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
  // A runner that crashed before writing its report still counts as a failure.
  if (r.status !== 0 && tally.failed === 0) tally.failed = 1;
  results.push({ name, ok: r.status === 0, seconds, ...tally });
}

function vitestCounts(file) {
  return () => {
    if (!fs.existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
  };
}

function playwrightCounts(file) {
  return () => {
    if (!fs.existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
    const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
    return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
  };
}

const vitest = (project, file) => [bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]];

step("typecheck (tsc)", "typecheck", bin("tsc"), ["--noEmit"]);
step("lint (eslint)", "lint", bin("eslint"), ["--max-warnings", "0", "."]);
{
  const f = path.join(report, "unit.json");
  step("unit tests", "unit", ...vitest("unit", f), { counts: vitestCounts(f) });
}
{
  const f = path.join(report, "integration-embedded.json");
  step("integration tests on the embedded PostgreSQL", "integration", ...vitest("integration", f), {
    env: envWithoutPostgres,
    counts: vitestCounts(f),
  });
}
if (TEST_POSTGRES_URL) {
  const f = path.join(report, "integration-postgres.json");
  step(`integration tests on PostgreSQL (${new URL(TEST_POSTGRES_URL).host})`, "integration", ...vitest("integration", f), {
    counts: vitestCounts(f),
  });
} else if (wanted("integration")) {
  console.log("\n(TEST_POSTGRES_URL is not set: integration tests ran on the embedded database only)");
}
{
  const f = path.join(report, "e2e.json");
  step("end-to-end tests (Chromium)", "e2e", bin("playwright"), ["test", "--reporter=list,json"], {
    env: { ...envWithoutPostgres, PLAYWRIGHT_JSON_OUTPUT_NAME: f },
    counts: playwrightCounts(f),
  });
}

const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log("\n━━━ summary ━━━");
for (const r of results) {
  console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name.padEnd(52)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds}s`);
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
