import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { clearPageCache } from "../../scripts/support/page-cache.mjs";

export type RunningServer = { url: string; logFile: string; pid: number | undefined; stop: () => Promise<void> };

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The production server (`next start`, as `npm start` runs it, without the worker: the outbox can
 * wait), on a free port, logging to a file. Started through node itself so that `nodeArgs` (e.g.
 * --cpu-prof) reach the server process. Without -H: a loopback host name makes Next 16.4 answer the
 * Swedish pages with a redirect loop (proxy.ts), although the API would be fine.
 */
export async function startServer(options: { root: string; env: Record<string, string>; logFile: string; nodeArgs?: string[] }): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(options.logFile, "a");
  const next = path.join(options.root, "node_modules", "next", "dist", "bin", "next");
  // Pages a former run cached were rendered from another database.
  clearPageCache(options.root);
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), next, "start", "-p", String(port)], {
    cwd: options.root,
    env: { ...process.env, ...options.env, APP_URL: url, PORT: String(port) },
    stdio: ["ignore", log, log],
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const group = -child.pid;
    try {
      process.kill(group, "SIGTERM");
    } catch {
      return;
    }
    const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!killed) {
      try {
        process.kill(group, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
    }
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}; see ${options.logFile}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, logFile: options.logFile, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`the server did not become healthy within 60 s; see ${options.logFile}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** CPU time (user + system, in ms) a process has used so far; null where /proc is not available. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // /proc/<pid>/stat: the command name is in parentheses and may hold spaces; utime and stime are
    // the 12th and 13th fields after it, in clock ticks (100 per second on Linux).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
