/**
 * Runs a command against the project's database:
 *   DATABASE_URL set   → that PostgreSQL, untouched;
 *   DATABASE_URL unset → the embedded PostgreSQL in .data/pg (created on first use), with
 *                        DATABASE_URL pointing at it for the command, stopped when the command ends
 *                        (also on Ctrl-C or SIGTERM).
 *
 *   tsx scripts/with-db.ts [--fresh] [--migrate] [--seed] -- <command> [args...]
 *
 * --fresh drops and recreates the database first (embedded only: never touches a DATABASE_URL),
 * --migrate applies pending migrations (prisma migrate deploy), --seed then runs the demo seed,
 * --seed-if-empty seeds only a database without workshops (the demo keeps what you changed).
 * VERKSTAD_DATA_DIR and VERKSTAD_DB_NAME choose another embedded data folder and database
 * (the end-to-end tests use their own, so they never touch the demo's data).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedDb, type EmbeddedDb } from "../lib/dev/embedded-db";

const root = path.resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const flags = new Set(dashes === -1 ? argv : argv.slice(0, dashes));
const command = dashes === -1 ? [] : argv.slice(dashes + 1);
const dataDir = process.env.VERKSTAD_DATA_DIR ?? path.join(root, ".data", "pg");
const dbName = process.env.VERKSTAD_DB_NAME ?? "verkstad";
const log = (line: string) => console.error(`[verkstad] ${line}`);

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const [bin, ...args] = cmd;
    if (!bin) return resolve(0);
    const child = spawn(bin, args, { stdio: "inherit", env, cwd: root });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(code ?? (signal ? 128 + 15 : 1));
    });
    child.on("error", (error) => {
      log(`could not start ${bin}: ${error.message}`);
      resolve(127);
    });
  });
}

async function isEmpty(url: string | undefined): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>('select count(*) as n from "Workshop"');
    return Number(r.rows[0]?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  let db: EmbeddedDb | null = null;
  const env = { ...process.env };
  if (!env.DATABASE_URL) {
    db = await startEmbeddedDb({ dataDir, log });
    if (flags.has("--fresh")) await dropDatabase(db.serverUrl, dbName);
    await ensureDatabase(db.serverUrl, dbName);
    env.DATABASE_URL = db.urlFor(dbName);
  }
  // While a command runs, Ctrl-C goes to it; we stop the database after it has exited.
  const ignore = () => undefined;
  process.on("SIGINT", ignore);
  process.on("SIGTERM", ignore);
  try {
    const prisma = path.join(root, "node_modules", ".bin", "prisma");
    if (flags.has("--migrate")) {
      const code = await run([prisma, "migrate", "deploy"], env);
      if (code !== 0) return code;
    }
    if (flags.has("--seed") || (flags.has("--seed-if-empty") && (await isEmpty(env.DATABASE_URL)))) {
      const code = await run([prisma, "db", "seed"], env);
      if (code !== 0) return code;
    }
    return await run(command, env);
  } finally {
    await db?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
