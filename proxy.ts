import createMiddleware from "next-intl/middleware";
import type { NextRequest, NextResponse } from "next/server";
import { PATHNAME_HEADER } from "@/lib/i18n/alternate-path";
import { routing } from "@/lib/i18n/routing";
import { isCachedPage } from "@/lib/security/cached-pages";
import { contentSecurityPolicy } from "@/lib/security/headers";

const intl = createMiddleware(routing);

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Every page request: a fresh CSP nonce (Next.js reads it from the request's CSP header and puts
 * it on its own scripts, which is why pages render dynamically; not for the cached calendar pages,
 * lib/security/cached-pages.ts), the path the reader asked for
 * (the header's language switch links to the same page in the other language), then next-intl's
 * locale routing (Swedish without a prefix, English under /en, localized path words).
 *
 * Swedish pages are internal rewrites (/ → /sv). Next.js 16.4 treats them as external, and
 * answers with a redirect loop, when the server is started with a loopback hostname
 * (`next start -H 127.0.0.1`; vercel/next.js#94745): start it without -H, or with a non-loopback one.
 */
export default function proxy(request: NextRequest): NextResponse {
  const cached = isCachedPage(request.nextUrl.pathname);
  const csp = contentSecurityPolicy(cached ? null : nonce(), { dev: process.env.NODE_ENV === "development" });
  // next-intl forwards this request's headers to the page it routes to; a reader's own values
  // for these two headers are overwritten here.
  request.headers.set("content-security-policy", csp);
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname);
  const response = intl(request);
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: not API routes, Next's assets, or files with an extension (favicon.ico, robots.txt).
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
