import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Baseline = { tps: number; tool: "pgbench" | "node-pg"; transactions: number; failed: number };

/**
 * The booking transaction's database work with nothing around it: take a seat on one hot row
 * with a conditional UPDATE, insert a booking row, commit. Scratch tables named after the run,
 * dropped afterwards. pgbench when it is installed (Debian: postgresql-client or the server
 * package), otherwise the same loop from node-postgres.
 */
export async function runBaseline(databaseUrl: string, options: { runId: string; clients: number; seconds: number }): Promise<Baseline> {
  const seat = `bench_seat_${options.runId.replace(/\W/g, "_")}`;
  const booking = `bench_booking_${options.runId.replace(/\W/g, "_")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create table ${seat} (id int primary key, capacity int not null, seats_taken int not null default 0, check (seats_taken <= capacity))`);
    await admin.query(`create table ${booking} (id bigserial primary key, lecture_id int not null references ${seat}(id), participant bigint not null, created_at timestamptz not null default now(), unique (participant, lecture_id))`);
    await admin.query(`insert into ${seat} (id, capacity) values (1, 1000000000)`);
    const statements = {
      take: `update ${seat} set seats_taken = seats_taken + 1 where id = 1 and seats_taken + 1 <= capacity`,
      insert: `insert into ${booking} (lecture_id, participant) values (1, nextval('${booking}_id_seq'))`,
    };
    const pgbench = findPgbench();
    return pgbench ? runPgbench(pgbench, databaseUrl, statements, options) : await runNodeLoop(databaseUrl, statements, options);
  } finally {
    await admin.query(`drop table if exists ${booking}; drop table if exists ${seat}`).catch(() => undefined);
    await admin.end();
  }
}

function findPgbench(): string | null {
  const candidates = [...(process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "pgbench"))];
  for (const dir of fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql") : []) {
    candidates.push(path.join("/usr/lib/postgresql", dir, "bin", "pgbench"));
  }
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

function runPgbench(bin: string, url: string, sql: { take: string; insert: string }, options: { clients: number; seconds: number }): Baseline {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "verkstad-bench-")), "booking.sql");
  fs.writeFileSync(script, `BEGIN;\n${sql.take};\n${sql.insert};\nCOMMIT;\n`);
  const threads = Math.max(1, Math.min(options.clients, os.availableParallelism()));
  const r = spawnSync(bin, ["-n", "-c", String(options.clients), "-j", String(threads), "-T", String(options.seconds), "-f", script, url], { encoding: "utf8" });
  fs.rmSync(path.dirname(script), { recursive: true, force: true });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)?.[1];
  if (r.status !== 0 || !tps) throw new Error(`pgbench failed (${r.status}): ${r.stderr || r.stdout}`);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const failed = Number(/number of failed transactions: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  return { tps: Number(tps), tool: "pgbench", transactions, failed };
}

async function runNodeLoop(url: string, sql: { take: string; insert: string }, options: { clients: number; seconds: number }): Promise<Baseline> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        try {
          await c.query("begin");
          await c.query(sql.take);
          await c.query(sql.insert);
          await c.query("commit");
          done++;
        } catch {
          failed++;
          await c.query("rollback").catch(() => undefined);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return { tps: done / seconds, tool: "node-pg", transactions: done, failed };
}
