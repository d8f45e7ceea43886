import { navTranslator, personalNavItems, type NavItem } from "@/components/layout/nav-items";
import { getSessionUser } from "@/lib/auth/session";
import { paths } from "@/lib/i18n/paths";
import { routing, type AppLocale } from "@/lib/i18n/routing";

/**
 * GET /api/session-header?locale=sv: the signed-in part of the site header, for the pages served
 * from the cache to everyone (the public calendar): who is signed in and their navigation, or
 * `{ signedIn: false }`. Anyone may ask; it only ever describes the asker's own session.
 */
export const dynamic = "force-dynamic";

export type SessionHeader =
  | { signedIn: false }
  | { signedIn: true; signedInAs: string; profileComplete: boolean; accountHref: string; items: NavItem[] };

export async function GET(request: Request): Promise<Response> {
  const requested = new URL(request.url).searchParams.get("locale");
  const locale: AppLocale = routing.locales.includes(requested as AppLocale) ? (requested as AppLocale) : routing.defaultLocale;
  const user = await getSessionUser();
  let body: SessionHeader = { signedIn: false };
  if (user) {
    const tNav = navTranslator(locale);
    body = {
      signedIn: true,
      signedInAs: tNav("signedInAs", { name: user.name ?? user.email }),
      profileComplete: user.profileComplete,
      accountHref: paths.account(user.locale),
      items: await personalNavItems(user, locale),
    };
  }
  return Response.json(body, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
