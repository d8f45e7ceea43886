/** Fixed-window rate limiting: the window an instant falls in, and when the next one opens. */
export type RateLimitRule = { limit: number; windowSeconds: number };

export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

export function retryAfterSeconds(now: Date, windowSeconds: number): number {
  const end = windowStart(now, windowSeconds).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/**
 * The client's IP address for rate limiting, from X-Forwarded-For. Each reverse proxy in front of
 * the app appends the address that connected to it, so with TRUSTED_PROXY_HOPS = n proxies the
 * client is the n-th entry from the right, and whatever the client wrote itself further left is
 * ignored. Without a proxy (0), `next start` fills the header with the socket's address only when
 * the request has none, so a client could write its own: production runs behind a proxy
 * (README), and sign-in links also have a per-address and a global limit.
 */
export function clientIpFrom(forwardedFor: string | null, trustedProxyHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return entries[entries.length - Math.max(1, trustedProxyHops)] ?? entries[0] ?? "unknown";
}
