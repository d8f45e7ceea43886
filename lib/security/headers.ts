/**
 * Security headers. The Content-Security-Policy carries a fresh nonce per request (set in
 * proxy.ts); Next.js puts that nonce on its own scripts. Pages served from the cache to everyone
 * (CACHED_PAGES in proxy.ts) have none. Everything else is static.
 */
export function contentSecurityPolicy(nonce: string | null, options: { dev: boolean }): string {
  // 'strict-dynamic' lets Next's nonce'd loader pull its chunks; React needs eval only in development.
  // A page rendered once and served from the cache to everyone (nonce null: the public calendar)
  // cannot carry a per-request nonce; its inline scripts (Next's page data) are allowed as inline,
  // and only this site's files otherwise. Such a page shows no reader input.
  const scripts = nonce === null ? "'unsafe-inline'" : `'nonce-${nonce}' 'strict-dynamic'`;
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts}${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(options.dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

export function staticSecurityHeaders(options: { https: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(options.https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
