import http from "node:http";

export type LoadResult = {
  /** Every request's latency in ms, in the order they finished. */
  latencies: number[];
  ok: number;
  errors: number;
  /** What the errors were: "HTTP 500", "check failed", "ECONNRESET" … with counts. */
  errorKinds: Map<string, number>;
  seconds: number;
  bytes: number;
};

/**
 * A closed-loop load: `concurrency` clients, each sending its next GET as soon as the previous one
 * has been read in full, for `seconds`. node:http with keep-alive (one socket per client), the body
 * read to the end and checked by `check` (a failed check is an error). Latency is from sending the
 * request to the last byte of the body.
 */
export async function runLoad(options: {
  url: string;
  path: string;
  concurrency: number;
  seconds: number;
  headers?: Record<string, string>;
  check: (status: number, body: Buffer) => string | null;
}): Promise<LoadResult> {
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const errorKinds = new Map<string, number>();
  let ok = 0;
  let errors = 0;
  let bytes = 0;
  const fail = (kind: string) => {
    errors++;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.request(
        { agent, hostname: base.hostname, port: base.port, path: options.path, method: "GET", headers: options.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - started);
            const body = Buffer.concat(chunks);
            bytes += body.length;
            const problem = options.check(res.statusCode ?? 0, body);
            if (problem) fail(problem);
            else ok++;
            resolve();
          });
          res.on("error", (e) => {
            fail(e.message);
            resolve();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error("timeout (30 s)")));
      req.on("error", (e: NodeJS.ErrnoException) => {
        latencies.push(performance.now() - started);
        fail(e.code ?? e.message);
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  const until = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < until) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, ok, errors, errorKinds, seconds, bytes };
}

/** The p-th quantile (0…1) of a sorted list, nearest-rank. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}
