/**
 * The public calendar under load, against the production build (issue 8).
 *
 *   npm run bench:calendar -- --seconds 15 --concurrency 32
 *
 * 1. builds the production app if the sources changed (scripts/build-if-stale.mjs: Turbopack, as
 *    `npm run build`; VERKSTAD_BUNDLER=webpack to compare bundlers; --no-build uses .next as it is);
 * 2. makes a throwaway database (scripts/support/throwaway-db.ts: an embedded PostgreSQL with its
 *    own data folder .data/bench-calendar-pg, or a new database on the server of DATABASE_URL;
 *    dropped at the end, --keep-db keeps it) and fills it with a year of calendar in bulk SQL
 *    (bench/support/calendar-year.ts): 200 public sessions over the next 12 months in two
 *    published workshops, 6 venues, 16 lecturers, some full, some cancelled, a draft workshop that
 *    must not show, 5,000 participants with three bookings each;
 * 3. starts `next start` on a free port against it, warms up;
 * 4. page:   `concurrency` clients GET / (the Swedish calendar) for `seconds`, keep-alive, as a
 *            browser asks for it (Accept-Encoding gzip, Accept-Language sv); every answer must be
 *            200 with two known session titles of the coming three months and no draft, otherwise
 *            it is an error (checked once before: a session late in the year is not on "/" but on
 *            its month's page, /kalendarium/YYYY-MM, which "/" links to);
 *    static: the same server, clients and duration on one of the page's own files under
 *            /_next/static (the baseline: what this server and machine can serve at all);
 * 5. first-load JS: every script the page loads (<script src> without noModule, and <link
 *    rel=modulepreload|preload as=script>), fetched and gzipped at level 9, summed.
 *
 * Figures go to stdout, progress to stderr. The last line is
 * `p50=…ms p95=…ms rate=…/s static=…/s`, preceded by `firstLoadJs=…KB`.
 * Options: --seconds (15) --concurrency (32) --participants (5000) --warmup (3, seconds) --no-build
 * --identity (no Accept-Encoding: measure without compression) --keep-db, --serve (set up, print
 * the server's address and keep it running until Ctrl-C, to look at the page; no load).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { createCalendarYear } from "./support/calendar-year";
import { quantile, runLoad, type LoadResult } from "./support/load";
import { cpuMs, startServer, type RunningServer } from "./support/server";
import { stockholmMonthKey } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { createThrowawayDb, type ThrowawayDb } from "@/scripts/support/throwaway-db";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "32" },
    participants: { type: "string", default: "5000" },
    warmup: { type: "string", default: "3" },
    identity: { type: "boolean", default: false },
    serve: { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
  },
});
const seconds = whole("seconds", values.seconds, 1);
const concurrency = whole("concurrency", values.concurrency, 1);
const participants = whole("participants", values.participants, 1);
const warmup = whole("warmup", values.warmup, 0);

function whole(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min} (got ${raw})`);
    process.exit(1);
  }
  return n;
}

const say = (line: string) => console.log(line);
const progress = (line: string) => console.error(`[bench] ${line}`);
const secondsSince = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

let scratch: ThrowawayDb | null = null;
let server: RunningServer | null = null;
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await server?.stop().catch((e: unknown) => progress(`could not stop the server: ${String(e)}`));
    await scratch?.dispose({ keep: values["keep-db"] });
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the bench database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const browserHeaders = (): Record<string, string> => ({
  accept: "text/html,application/xhtml+xml",
  "accept-language": "sv-SE,sv;q=0.9",
  ...(values.identity ? {} : { "accept-encoding": "gzip" }),
});

async function main(): Promise<void> {
  say(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}`);

  // 1. The production build of exactly these sources.
  const t0 = performance.now();
  if (values["no-build"]) {
    progress("--no-build: using the build in .next as it is");
  } else {
    const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-if-stale.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    if (build.status !== 0) throw new Error("the production build failed");
    progress(`build ready (${secondsSince(t0)} s)`);
  }
  say(`build: ${buildLabel()}`);

  // 2. A year of calendar in a database of its own.
  const t1 = performance.now();
  scratch = await createThrowawayDb({ purpose: "benchcal", embeddedDataDir: ".data/bench-calendar-pg", log: progress });
  say(`database: ${scratch.label} (migrated in ${secondsSince(t1)} s)`);
  const t2 = performance.now();
  const year = await createCalendarYear(scratch.url, { participants, now: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000) });
  say(
    `data: ${year.sessions} public sessions (${year.published} published, ${year.cancelled} cancelled, ${year.full} full) over 12 months, ` +
      `${year.participants} participants, ${year.bookings} bookings, plus a draft workshop (${secondsSince(t2)} s)`,
  );

  // 3. The production server.
  const logFile = path.join(os.tmpdir(), `verkstad-bench-calendar-${Date.now().toString(36)}.log`);
  const t3 = performance.now();
  server = await startServer({ root, logFile, env: { DATABASE_URL: scratch.url, APP_MODE: "test", NODE_ENV: "production" } });
  say(`server: ${server.url} (next start, log ${logFile}) ready in ${secondsSince(t3)} s`);

  const check = (status: number, body: Buffer, encoding: string | undefined): string | null => {
    if (status !== 200) return `HTTP ${status}`;
    const html = (encoding === "gzip" ? gunzip(body) : body).toString("utf8");
    if (!year.checkTitles.every((title) => html.includes(title))) return "not the calendar (a session title is missing)";
    if (html.includes(year.draftTitle)) return "a draft session is shown";
    return null;
  };

  if (values.serve) {
    say(`serving ${server.url}/ until Ctrl-C`);
    await new Promise<never>(() => undefined);
  }

  // The page once, in full, to check it and find its scripts.
  const first = await fetch(`${server.url}/`, { headers: { ...browserHeaders(), "accept-encoding": "identity" } });
  const html = await first.text();
  const problem = check(first.status, Buffer.from(html), undefined);
  if (problem) throw new Error(`GET / is not the calendar: ${problem} (HTTP ${first.status}; ${html.slice(0, 300)})`);
  say(`page: GET / → ${first.status}, ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML (${(gzipSync(html).length / 1024).toFixed(0)} KB gzip), cache-control "${first.headers.get("cache-control") ?? ""}", x-nextjs-cache "${first.headers.get("x-nextjs-cache") ?? "-"}"`);

  // Nothing is hidden: the late session is not on "/", but "/" links to its month's page, which lists it.
  const laterMonth = stockholmMonthKey(year.later.startsAt);
  const laterPath = paths.calendarMonth("sv", laterMonth);
  if (html.includes(year.later.title)) throw new Error(`"${year.later.title}" (${laterMonth}) should be on its month's page, not on /`);
  if (!html.includes(`href="${laterPath}"`)) throw new Error(`/ does not link to ${laterPath}`);
  const monthRes = await fetch(`${server.url}${laterPath}`, { headers: { ...browserHeaders(), "accept-encoding": "identity" } });
  const monthHtml = await monthRes.text();
  if (monthRes.status !== 200 || !monthHtml.includes(year.later.title) || monthHtml.includes(year.draftTitle)) {
    throw new Error(`GET ${laterPath} → ${monthRes.status}, should list "${year.later.title}" and no draft`);
  }
  say(`month page: GET ${laterPath} → ${monthRes.status}, ${(Buffer.byteLength(monthHtml) / 1024).toFixed(0)} KB of HTML (${(gzipSync(monthHtml).length / 1024).toFixed(0)} KB gzip), lists "${year.later.title}"`);

  const firstLoad = await firstLoadJs(server.url, html);
  for (const s of firstLoad.scripts) progress(`  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB gzip  ${s.src}`);
  say(`first-load JS: ${firstLoad.scripts.length} scripts, ${(firstLoad.raw / 1024).toFixed(1)} KB raw, ${(firstLoad.gzip / 1024).toFixed(1)} KB gzip (level 9)`);

  // 4. Warm-up, then the page under load, then the static file.
  if (warmup > 0) {
    progress(`warming up for ${warmup} s…`);
    await runLoad({ url: server.url, path: "/", concurrency, seconds: warmup, headers: browserHeaders(), check: () => null });
  }
  progress(`page: ${concurrency} clients for ${seconds} s on / …`);
  const cpu0 = cpuMs(server.pid);
  const page = await runLoad({
    url: server.url,
    path: "/",
    concurrency,
    seconds,
    headers: browserHeaders(),
    check: (status, body) => check(status, body, values.identity ? undefined : "gzip"),
  });
  const cpu1 = cpuMs(server.pid);
  printLoad("page", page);
  if (cpu0 !== null && cpu1 !== null && page.ok > 0) {
    say(`page: the server used ${((cpu1 - cpu0) / 1000).toFixed(1)} s of CPU, ${((cpu1 - cpu0) / (page.ok + page.errors)).toFixed(2)} ms per request`);
  }

  const staticPath = firstLoad.scripts.map((s) => s.src).find((src) => src.startsWith("/_next/static/")) ?? null;
  if (!staticPath) throw new Error("the page loads no file under /_next/static to use as the baseline");
  const staticSize = firstLoad.scripts.find((s) => s.src === staticPath)!;
  progress(`static: ${concurrency} clients for ${seconds} s on ${staticPath} …`);
  const stat = await runLoad({
    url: server.url,
    path: staticPath,
    concurrency,
    seconds,
    headers: { ...browserHeaders(), accept: "*/*" },
    check: (status) => (status === 200 ? null : `HTTP ${status}`),
  });
  printLoad(`static (${staticPath}, ${(staticSize.raw / 1024).toFixed(0)} KB)`, stat);

  const serverErrors = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").filter((l) => /Error|⨯/.test(l)) : [];
  if (serverErrors.length > 0) say(`server log: ${serverErrors.length} error lines; first: ${serverErrors[0]?.slice(0, 300)}`);
  say(`machine after: load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const sorted = [...page.latencies].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p95 = quantile(sorted, 0.95);
  const rate = page.ok / page.seconds;
  const staticRate = stat.ok / stat.seconds;
  const fl = firstLoad.gzip / 1024;
  say(
    `targets: ${p95 <= 50 ? "ok" : "MISSED"} p95 ≤ 50 ms (${p95.toFixed(1)}); ${fl <= 100 ? "ok" : "MISSED"} first-load JS ≤ 100 KB gzip (${fl.toFixed(1)}); ` +
      `${page.errors === 0 ? "ok" : "MISSED"} errors = 0 (${page.errors}); page/static ${((rate / staticRate) * 100).toFixed(0)} %`,
  );
  say(`firstLoadJs=${fl.toFixed(1)}KB`);
  say(`p50=${p50.toFixed(1)}ms p95=${p95.toFixed(1)}ms rate=${rate.toFixed(0)}/s static=${staticRate.toFixed(0)}/s`);
}

function printLoad(label: string, r: LoadResult): void {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const kinds = [...r.errorKinds].map(([k, n]) => `${n}× ${k}`).join(", ");
  say(
    `${label}: ${r.ok} ok, ${r.errors} errors${kinds ? ` [${kinds}]` : ""} in ${r.seconds.toFixed(1)} s = ${(r.ok / r.seconds).toFixed(0)}/s; ` +
      `latency p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p90 ${quantile(sorted, 0.9).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, ` +
      `p99 ${quantile(sorted, 0.99).toFixed(1)} ms, max ${quantile(sorted, 1).toFixed(1)} ms; ${(r.bytes / r.seconds / 1024 / 1024).toFixed(1)} MB/s`,
  );
}

function gunzip(body: Buffer): Buffer {
  try {
    return gunzipSync(body);
  } catch {
    return body;
  }
}

/** Every script the page makes the browser load, each fetched and gzipped at level 9. */
async function firstLoadJs(baseUrl: string, html: string): Promise<{ scripts: { src: string; raw: number; gzip: number }[]; raw: number; gzip: number }> {
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*>/g)) {
    const tag = m[0];
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    // noModule scripts (Next's polyfills) are for browsers without ES modules; today's never load them.
    if (src && !/\bnomodule\b/i.test(tag)) srcs.add(decodeHtml(src));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && (/\brel="modulepreload"/.test(tag) || (/\brel="preload"/.test(tag) && /\bas="script"/.test(tag)))) srcs.add(decodeHtml(href));
  }
  const scripts = await Promise.all(
    [...srcs].map(async (src) => {
      const url = new URL(src, baseUrl);
      const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
      if (!res.ok) throw new Error(`GET ${src} answered ${res.status}`);
      const body = Buffer.from(await res.arrayBuffer());
      return { src: url.pathname + url.search, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }),
  );
  scripts.sort((a, b) => b.gzip - a.gzip);
  return { scripts, raw: scripts.reduce((s, x) => s + x.raw, 0), gzip: scripts.reduce((s, x) => s + x.gzip, 0) };
}

/** Which bundler made the build in .next (the stamp scripts/build-if-stale.mjs writes). */
function buildLabel(): string {
  const stamp = path.join(root, ".next", "verkstad-source-hash");
  const bundler = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").split(" ")[1] : undefined;
  if (bundler) return bundler === "webpack" ? "next build --webpack" : "next build (Turbopack)";
  return fs.existsSync(path.join(root, ".next", "turbopack")) ? "next build (Turbopack, not stamped)" : "next build (unknown bundler)";
}

function decodeHtml(s: string): string {
  return s.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'");
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
