import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { hasMonthPage } from "@/lib/domain/calendar";
import { PATHNAME_HEADER } from "@/lib/i18n/alternate-path";
import { routing } from "@/lib/i18n/routing";
import { isCachedPage, requestedMonth } from "@/lib/security/cached-pages";
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
  const response = isInventedMonth(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL(`/${request.nextUrl.pathname.startsWith("/en/") ? "en" : "sv"}/page-not-found`, request.url), {
        request: { headers: request.headers },
      })
    : intl(request);
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * A month page that does not exist (/kalendarium/2027-13, a month long past or too far ahead) goes
 * to the not-found page (app/[locale]/[...rest], rendered per request) instead of the month route:
 * that route's answers are cached, and a cache of every address anyone types would grow without end.
 * The reader still sees their own address, with status 404.
 */
function isInventedMonth(pathname: string): boolean {
  const month = requestedMonth(pathname);
  return month !== null && !hasMonthPage(month, new Date());
}

export const config = {
  // Pages only: not API routes, Next's assets, or files with an extension (favicon.ico, robots.txt).
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
