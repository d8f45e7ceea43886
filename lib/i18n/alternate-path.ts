import { localePrefix, templatesOf } from "./paths";
import { routing, type AppLocale, type AppPathname } from "./routing";

/** Set by proxy.ts on every page request: the path as the reader asked for it (with any locale prefix). */
export const PATHNAME_HEADER = "x-verkstad-pathname";

function stripPrefix(pathname: string, locale: AppLocale): string {
  const prefix = localePrefix(locale);
  if (!prefix) return pathname;
  if (pathname === prefix) return "/";
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

function matchTemplate(template: string, pathname: string): Map<string, string> | null {
  const want = template.split("/");
  const have = pathname.split("/");
  if (want.length !== have.length) return null;
  const params = new Map<string, string>();
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const h = have[i] ?? "";
    const param = /^\[(\w+)\]$/.exec(w)?.[1];
    if (param) {
      if (!h) return null;
      params.set(param, h);
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/**
 * The same page in another language: "/verkstad/ht26/forelasning/x" in English is
 * "/en/workshop/ht26/lecture/x". Segments are carried over as they are (still URL-encoded).
 * Paths outside the localized list keep their words and only change prefix.
 */
export function alternatePath(pathWithQuery: string, from: AppLocale, to: AppLocale): string {
  const queryAt = pathWithQuery.search(/[?#]/);
  const pathname = queryAt === -1 ? pathWithQuery : pathWithQuery.slice(0, queryAt);
  const query = queryAt === -1 ? "" : pathWithQuery.slice(queryAt);
  if (from === to) return pathWithQuery;
  const bare = stripPrefix(pathname.replace(/\/+$/, "") || "/", from);
  let target = bare;
  for (const internal of Object.keys(routing.pathnames) as AppPathname[]) {
    const templates = templatesOf(internal);
    const params = matchTemplate(templates[from], bare);
    if (params) {
      target = templates[to].replace(/\[(\w+)\]/g, (_, name: string) => params.get(name) ?? "");
      break;
    }
  }
  const prefix = localePrefix(to);
  return `${prefix && target === "/" ? prefix : `${prefix}${target}`}${query}`;
}

/** The language a path on this site is in: English under /en, Swedish otherwise. */
export function localeOfPath(pathname: string): AppLocale {
  const bare = pathname.split(/[?#]/)[0] ?? "/";
  return bare === "/en" || bare.startsWith("/en/") ? "en" : "sv";
}
