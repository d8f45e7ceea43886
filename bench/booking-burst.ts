/**
 * Booking under a burst, through the real HTTP path of the production build (issue 5).
 *
 *   DATABASE_URL=postgresql://… npm run bench:booking -- --attempts 1000 --seats 100
 *
 * Builds if stale, starts `next start` on a free port, creates its own workshop, lectures and
 * participants (named after the run, removed afterwards), signs every participant in through
 * next-auth's demo credentials flow, then:
 *   phase 1  correctness: `attempts` people POST /api/bookings for one lecture of `seats` seats,
 *            all at once; the database must then hold exactly as many bookings as seats taken,
 *            never more than the seats;
 *   phase 2  throughput: `seconds` of bookings at a fixed concurrency on lectures with ample seats
 *            (one lecture at a time, so every request competes for the same seat row);
 *   baseline the same database work (conditional UPDATE of one seat row + INSERT, committed)
 *            straight at PostgreSQL with pgbench, same concurrency and duration.
 * The last line is `confirmed=C oversold=O errors=E rate=R/s baseline=B/s`. Errors are 5xx answers
 * (BUSY included) and failed requests, plus any answer other than a booking or "full".
 * Options: --attempts --seats --seconds (10) --concurrency (16) --pool (DATABASE_POOL_SIZE, 20),
 * --profile <dir> writes a V8 CPU profile of the server there (open it in Chrome's DevTools).
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/prisma-client";
import { runBaseline, type Baseline } from "./support/baseline";
import { createFixtures, removeFixtures, type BenchFixtures } from "./support/fixtures";
import { HttpClient, signInWithDemo } from "./support/http";
import { cpuMs, startServer, type RunningServer } from "./support/server";

const root = path.resolve(import.meta.dirname, "..");
let interrupted = false;
/** Figures go to stdout; after Ctrl-C the phases still unwinding print nothing more. */
const say = (line: string) => {
  if (!interrupted) console.log(line);
};

const { values } = parseArgs({
  options: {
    attempts: { type: "string", default: "1000" },
    seats: { type: "string", default: "100" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "16" },
    pool: { type: "string", default: process.env.DATABASE_POOL_SIZE ?? "20" },
    profile: { type: "string" },
  },
});
const attempts = positive("attempts", values.attempts);
const seats = positive("seats", values.seats);
const seconds = positive("seconds", values.seconds);
const concurrency = positive("concurrency", values.concurrency);
const poolSize = positive("pool", values.pool);

function positive(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive whole number (got ${raw})`);
    process.exit(1);
  }
  return n;
}

const databaseUrl = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error("DATABASE_URL is not set (or not a postgresql:// URL): the booking bench runs against a real PostgreSQL.");
  console.error("  DATABASE_URL=postgresql://user:pass@host:5432/db npm run bench:booking -- --attempts 1000 --seats 100");
  process.exit(1);
}

type Outcome = { kind: "confirmed" | "full" | "busy" | "server" | "rejected" | "failed"; status: number; code: string; ms: number };

const runId = `b${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const db = createPrismaClient(databaseUrl, 5);
let server: RunningServer | null = null;
let client: HttpClient | null = null;
let fixturesCreated = false;
let cleaning: Promise<void> | null = null;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    client?.close();
    await server?.stop().catch((e: unknown) => console.error(`could not stop the server: ${String(e)}`));
    if (fixturesCreated) await removeFixtures(db, runId).catch((e: unknown) => console.error(`could not remove the bench data (run ${runId}): ${String(e)}`));
    await db.$disconnect();
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the server and removing the bench data…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  // 1. The production build of exactly these sources.
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-if-stale.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) throw new Error("the production build failed");

  // 2. The bench's own data.
  const users = Math.max(attempts, 200);
  // Enough (lecture, person) pairs for phase 2 at up to 2,000 bookings/s: a person books a lecture once.
  const throughputLectures = Math.ceil((2_000 * seconds) / users) + 1;
  fixturesCreated = true;
  const t0 = performance.now();
  const fx = await createFixtures(db, { runId, users, seats, throughputLectures });
  say(`setup: run ${runId}, ${fx.users.length} participants, 1 lecture of ${seats} seats, ${fx.throughputLectureIds.length} roomy lectures (${ms(t0)})`);

  // 3. The server, as in production but with demo sign-in (APP_MODE=test).
  const logFile = path.join(os.tmpdir(), `verkstad-bench-${runId}.log`);
  const t1 = performance.now();
  server = await startServer({
    root,
    logFile,
    nodeArgs: values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [],
    env: { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(poolSize), APP_MODE: "test", DEMO_SIGN_IN: "on" },
  });
  client = new HttpClient(server.url);
  say(`server: ${server.url} (next start, DATABASE_POOL_SIZE=${poolSize}, log ${logFile}) ready in ${ms(t1)}`);

  // 4. Everyone signs in through next-auth's demo credentials flow.
  const t2 = performance.now();
  const cookies = await mapLimit(fx.users, concurrency, (u) => signInWithDemo(client!, u.email));
  say(`sign-in: ${cookies.length} sessions in ${ms(t2)}`);

  const phase1 = await burst(fx, cookies);
  const phase2 = await throughput(fx, cookies);
  say(`baseline: ${concurrency} clients for ${seconds} s straight at PostgreSQL (conditional UPDATE of one seat row + INSERT)…`);
  const baseline = await runBaseline(databaseUrl, { runId, clients: concurrency, seconds });
  say(`baseline: ${baseline.tps.toFixed(0)} transactions/s (${baseline.tool}, ${baseline.transactions} committed, ${baseline.failed} failed)`);

  const serverErrors = countServerErrors(logFile);
  if (serverErrors.count > 0) say(`server log: ${serverErrors.count} logged request failures; first: ${serverErrors.first}`);
  report(phase1, phase2, baseline);
}

type Phase1 = { confirmed: number; oversold: number; errors: number };

async function burst(fx: BenchFixtures, cookies: string[]): Promise<Phase1> {
  const people = cookies.slice(0, attempts);
  say(`phase 1: ${people.length} people book one lecture of ${seats} seats at the same moment…`);
  const started = performance.now();
  const outcomes = await Promise.all(people.map((cookie) => book(fx.workshopId, fx.burstLectureId, cookie)));
  const wall = performance.now() - started;
  const tally = countOutcomes(outcomes);
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  say(`phase 1: ${summary(tally)} in ${(wall / 1000).toFixed(2)} s; latency p50 ${pct(latencies, 0.5)} ms, p95 ${pct(latencies, 0.95)} ms, max ${pct(latencies, 1)} ms`);

  const [row] = await db.$queryRaw<{ bookings: number; seatsTaken: number; capacity: number }[]>`
    select (select count(*)::int from "Booking" b where b."lectureId" = l."id" and b."activeSessionKey" is not null) as "bookings",
           l."seatsTaken", l."capacity"
    from "Lecture" l where l."id" = ${fx.burstLectureId}`;
  if (!row) throw new Error("the burst lecture has gone");
  const oversold = Math.max(0, row.bookings - seats);
  say(`phase 1: database holds ${row.bookings} active bookings, seatsTaken ${row.seatsTaken} of ${row.capacity}; oversold ${oversold}`);
  if (row.bookings !== row.seatsTaken) say(`phase 1: WARNING bookings (${row.bookings}) and seatsTaken (${row.seatsTaken}) disagree`);
  if (row.bookings !== tally.confirmed) say(`phase 1: WARNING ${tally.confirmed} answered 201 but ${row.bookings} bookings exist`);
  return { confirmed: row.bookings, oversold, errors: errorCount(tally) };
}

type Phase2 = { rate: number; confirmed: number; errors: number };

async function throughput(fx: BenchFixtures, cookies: string[]): Promise<Phase2> {
  say(`phase 2: ${concurrency} clients book for ${seconds} s, one roomy lecture at a time…`);
  const total = fx.throughputLectureIds.length * cookies.length;
  let next = 0;
  const outcomes: Outcome[] = [];
  const cpuBefore = cpuMs(server?.pid);
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until && next < total) {
        const k = next++;
        const lectureId = fx.throughputLectureIds[Math.floor(k / cookies.length)]!;
        outcomes.push(await book(fx.workshopId, lectureId, cookies[k % cookies.length]!));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(server?.pid);
  if (next >= total) say(`phase 2: WARNING ran out of (lecture, person) pairs after ${elapsed.toFixed(1)} s`);
  const tally = countOutcomes(outcomes);
  const rate = tally.confirmed / elapsed;
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  say(`phase 2: ${summary(tally)} in ${elapsed.toFixed(1)} s = ${rate.toFixed(0)} bookings/s; latency p50 ${pct(latencies, 0.5)} ms, p95 ${pct(latencies, 0.95)} ms`);
  if (cpuBefore !== null && cpuAfter !== null && tally.confirmed > 0) {
    const used = cpuAfter - cpuBefore;
    say(`phase 2: the server used ${(used / 1000).toFixed(1)} s of CPU (${((used / 10) / elapsed).toFixed(0)} % of one core), ${(used / tally.confirmed).toFixed(1)} ms per booking`);
  }
  return { rate, confirmed: tally.confirmed, errors: errorCount(tally) };
}

async function book(workshopId: string, lectureId: string, cookie: string): Promise<Outcome> {
  const body = JSON.stringify({ workshopId, kind: "LECTURE", lectureIds: [lectureId], idempotencyKey: randomUUID() });
  const started = performance.now();
  try {
    const res = await client!.request("POST", "/api/bookings", {
      headers: { "content-type": "application/json", cookie, origin: client!.origin },
      body,
      timeoutMs: 120_000,
    });
    const ms = performance.now() - started;
    const code = res.status === 201 ? "" : (safeJson(res.body)?.code ?? "");
    if (res.status === 201) return { kind: "confirmed", status: 201, code, ms };
    if (res.status === 409 && code === "FULL") return { kind: "full", status: 409, code, ms };
    if (res.status === 503 && code === "BUSY") return { kind: "busy", status: 503, code, ms };
    if (res.status >= 500) return { kind: "server", status: res.status, code, ms };
    return { kind: "rejected", status: res.status, code, ms };
  } catch (error) {
    return { kind: "failed", status: 0, code: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
  }
}

function safeJson(text: string): { code?: string } | null {
  try {
    return JSON.parse(text) as { code?: string };
  } catch {
    return null;
  }
}

type Tally = Record<Outcome["kind"], number> & { other: Map<string, number> };

function countOutcomes(outcomes: Outcome[]): Tally {
  const tally: Tally = { confirmed: 0, full: 0, busy: 0, server: 0, rejected: 0, failed: 0, other: new Map() };
  for (const o of outcomes) {
    tally[o.kind]++;
    if (o.kind === "server" || o.kind === "rejected" || o.kind === "failed") {
      const key = `${o.status} ${o.code}`.trim();
      tally.other.set(key, (tally.other.get(key) ?? 0) + 1);
    }
  }
  return tally;
}

/** Errors: 5xx (BUSY included) and failed requests; an unexpected 4xx is counted too, and named. */
function errorCount(t: Tally): number {
  return t.busy + t.server + t.failed + t.rejected;
}

function summary(t: Tally): string {
  const parts = [`${t.confirmed} booked (201)`, `${t.full} full (409)`, `${t.busy} busy (503)`, `${t.server} other 5xx`, `${t.failed} failed`, `${t.rejected} other 4xx`];
  const detail = [...t.other].map(([k, n]) => `${n}× ${k}`).join(", ");
  return parts.join(", ") + (detail ? ` [${detail}]` : "");
}

function report(phase1: Phase1, phase2: Phase2, baseline: Baseline): void {
  const ratio = baseline.tps > 0 ? phase2.rate / baseline.tps : 0;
  const checks = [
    [`confirmed = seats (${phase1.confirmed} = ${seats})`, phase1.confirmed === Math.min(seats, attempts)],
    [`oversold = 0 (${phase1.oversold})`, phase1.oversold === 0],
    [`errors = 0 (${phase1.errors}; phase 2: ${phase2.errors})`, phase1.errors === 0],
    [`rate ≥ 100/s (${phase2.rate.toFixed(0)})`, phase2.rate >= 100],
    [`rate/baseline ≥ 50 % (${(ratio * 100).toFixed(0)} %)`, ratio >= 0.5],
  ] as const;
  say(`targets: ${checks.map(([label, ok]) => `${ok ? "ok" : "MISSED"} ${label}`).join("; ")}`);
  say(`confirmed=${phase1.confirmed} oversold=${phase1.oversold} errors=${phase1.errors} rate=${phase2.rate.toFixed(0)}/s baseline=${baseline.tps.toFixed(0)}/s`);
}

function countServerErrors(logFile: string): { count: number; first: string } {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n") : [];
  const failures = lines.filter((l) => /\[action .*\] request .* failed|Error:/.test(l));
  return { count: failures.length, first: failures[0]?.slice(0, 300) ?? "" };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
}

function ms(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

main()
  .then(() => cleanUp())
  .then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await cleanUp();
      process.exit(1);
    },
  );

