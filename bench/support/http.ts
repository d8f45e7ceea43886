import http from "node:http";

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * A small HTTP/1.1 client on node:http with keep-alive and no socket limit: cheaper per request
 * than fetch, which matters when the client shares the machine's cores with the server and the
 * database. Only the bench uses it.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, options: { maxSockets?: number } = {}) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? Infinity });
  }

  get origin(): string {
    return this.base.origin;
  }

  request(method: string, path: string, options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.body !== undefined) headers["content-length"] = Buffer.byteLength(options.body);
      const req = http.request(
        { agent: this.agent, hostname: this.base.hostname, port: this.base.port, method, path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 60_000} ms`)));
      req.on("error", reject);
      req.end(options.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** name=value pairs from Set-Cookie headers (attributes dropped), merged over `jar`. */
export function mergeCookies(jar: Map<string, string>, setCookie: string[] | undefined): Map<string, string> {
  for (const line of setCookie ?? []) {
    const pair = line.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Signs a person in the way the demo sign-in page does, through next-auth's own routes: fetch a
 * CSRF token (and its cookie), post it with the e-mail to the demo credentials callback, keep the
 * session cookie it sets. Returns the Cookie header for later requests.
 */
export async function signInWithDemo(client: HttpClient, email: string): Promise<string> {
  const csrf = await client.request("GET", "/api/auth/csrf");
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const jar = mergeCookies(new Map(), csrf.headers["set-cookie"]);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const callback = await client.request("POST", "/api/auth/callback/demo", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: client.origin },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${client.origin}/`, json: "true" }).toString(),
  });
  mergeCookies(jar, callback.headers["set-cookie"]);
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`demo sign-in of ${email} set no session cookie (HTTP ${callback.status}: ${callback.body.slice(0, 200)})`);
  return `${session}=${jar.get(session)}`;
}
