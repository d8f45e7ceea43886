/**
 * A database made for one run of a script and dropped afterwards, so that the script never touches
 * the demo's data (.data/pg) or the series of invoice numbers of a real database (issued invoices
 * cannot be deleted: a trigger refuses it, and numbers must stay gap-free).
 *
 *   DATABASE_URL set   → a new database on that PostgreSQL server (the user needs CREATEDB);
 *                        the database named in DATABASE_URL is not touched;
 *   DATABASE_URL unset → a new database on an embedded PostgreSQL with its own data folder
 *                        (never .data/pg), stopped afterwards if this process started it.
 *
 * The database is migrated with `prisma migrate deploy`, as in production.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { adminQuery, dropDatabase, startEmbeddedDb, type EmbeddedDb } from "@/lib/dev/embedded-db";
import { migrateDeploy, serverUrlOf } from "@/tests/integration/support/database";

export type ThrowawayDb = {
  /** postgresql://…/verkstad_<purpose>_<id> */
  url: string;
  name: string;
  /** "embedded PostgreSQL 15.x (.data/bench-pg)" or "PostgreSQL 15.x at host:port". */
  label: string;
  /** Drops the database (unless kept) and stops an embedded server this process started. Safe to call twice. */
  dispose(options?: { keep?: boolean }): Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

export async function createThrowawayDb(options: { purpose: string; embeddedDataDir: string; log: (line: string) => void }): Promise<ThrowawayDb> {
  const { log } = options;
  let embedded: EmbeddedDb | null = null;
  let serverUrl: string;
  let where: string;
  if (process.env.DATABASE_URL) {
    serverUrl = serverUrlOf(process.env.DATABASE_URL);
    where = `at ${new URL(serverUrl).host}`;
  } else {
    const dataDir = path.resolve(root, options.embeddedDataDir);
    embedded = await startEmbeddedDb({ dataDir, log });
    serverUrl = embedded.serverUrl;
    where = `(embedded, ${path.relative(root, dataDir)})`;
    // Started here, so nobody else is using it: what is left of runs stopped hard (Ctrl-C stops the
    // embedded server too, before the database could be dropped) goes now.
    if (embedded.startedHere) {
      const leftovers = await adminQuery(serverUrl, "select datname from pg_database where datname like $1", [`verkstad\\_${options.purpose}\\_%`]);
      for (const row of leftovers.rows as { datname: string }[]) {
        await dropDatabase(serverUrl, row.datname);
        log(`dropped ${row.datname}, left by an interrupted run`);
      }
    }
  }
  const version = String((await adminQuery(serverUrl, "show server_version")).rows[0]?.server_version ?? "?");
  const name = `verkstad_${options.purpose}_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  try {
    await adminQuery(serverUrl, `create database "${name}"`);
  } catch (error) {
    await embedded?.stop();
    throw new Error(`could not create the throwaway database ${name} ${where}: ${String(error)}`);
  }
  const url = `${serverUrl}/${name}`;
  let disposed = false;
  const dispose = async (disposeOptions: { keep?: boolean } = {}) => {
    if (disposed) return;
    disposed = true;
    if (disposeOptions.keep) log(`kept database ${url}`);
    else await dropDatabase(serverUrl, name).catch((e: unknown) => log(`could not drop ${name}: ${String(e)}`));
    await embedded?.stop();
  };
  try {
    await migrateDeploy(url);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url, name, label: `PostgreSQL ${version} ${where}, database ${name}`, dispose };
}
