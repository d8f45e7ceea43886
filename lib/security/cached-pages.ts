import { paths } from "@/lib/i18n/paths";

/**
 * Pages rendered once and served from the cache to everyone (`dynamic = "force-static"`): the
 * public calendar and its month pages (/kalendarium/2027-03, /en/calendar/2027-03), in both
 * languages. Their HTML is the same for every reader, so it cannot hold a per-request nonce; proxy.ts
 * gives them the nonce-less policy (lib/security/headers.ts). Every other page keeps nonce + strict-dynamic.
 */
const CACHED_PAGES = new Set([paths.calendar("sv"), paths.calendar("en")]);
const CACHED_MONTH_PAGE = new RegExp(
  `^(?:${[paths.calendarMonth("sv", "MONTH"), paths.calendarMonth("en", "MONTH")].map((p) => p.replace("MONTH", "\\d{4}-(?:0[1-9]|1[0-2])")).join("|")})$`,
);

export function isCachedPage(pathname: string): boolean {
  return CACHED_PAGES.has(pathname) || CACHED_MONTH_PAGE.test(pathname);
}

const MONTH_PAGE_PREFIXES = [paths.calendarMonth("sv", "MONTH"), paths.calendarMonth("en", "MONTH")].map((p) => p.replace("/MONTH", "/"));

/**
 * The month a month-page address asks for ("/kalendarium/<anything>" → "<anything>"), or null for
 * every other address. proxy.ts answers the ones without a page (hasMonthPage) with the not-found
 * page before they reach the cached route, so the cache holds the ~24 real months and nothing a
 * visitor can invent.
 */
export function requestedMonth(pathname: string): string | null {
  for (const prefix of MONTH_PAGE_PREFIXES) {
    if (pathname.startsWith(prefix)) {
      const rest = pathname.slice(prefix.length);
      return rest.length > 0 && !rest.includes("/") ? rest : null;
    }
  }
  return null;
}
