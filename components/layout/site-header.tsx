import { getTranslations } from "next-intl/server";
import { LanguageLink, NavLink, SignInLink } from "@/components/layout/current-path";
import { HeaderSessionControls, HeaderSessionNav, SignedInControls } from "@/components/layout/header-session";
import { exceptFor, type NavItem } from "@/components/layout/nav-item";
import { personalNavItems } from "@/components/layout/nav-items";
import type { SessionUser } from "@/lib/auth/session";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";

type Props = {
  locale: AppLocale;
  organiserName: string | null;
  /**
   * The signed-in person, or null for nobody; "in-browser" on pages served from the cache to
   * everyone (the public calendar), where the header is rendered as for a visitor and the browser
   * fills in the signed-in part (components/layout/header-session.tsx).
   */
  user: SessionUser | null | "in-browser";
  devTools: boolean;
};

const NAV_LINK_CLASS = "inline-block border-b-4 border-transparent py-3 font-semibold text-ink no-underline hover:border-line aria-[current=page]:border-brand";

/**
 * The site's header: name, language switch, who is signed in, and a navigation that shows only the
 * areas the person's roles may use (the server checks them again on every page and action).
 */
export async function SiteHeader({ locale, organiserName, user, devTools }: Props) {
  const [t, tNav] = await Promise.all([
    getTranslations({ locale, namespace: "layout" }),
    getTranslations({ locale, namespace: "nav" }),
  ]);
  const other: AppLocale = locale === "sv" ? "en" : "sv";
  const calendarHref = paths.calendar(locale);
  const inBrowser = user === "in-browser";
  const signedIn = inBrowser ? null : user;
  const labels = { languageSwitch: t("languageSwitch"), signOut: tNav("signOut"), signingOut: tNav("signingOut"), calendarHref };
  // Its month pages (/kalendarium/2027-03) are the calendar too.
  const calendarItem: NavItem = { href: calendarHref, label: t("calendar"), match: "exact", also: [paths.calendarMonth(locale, "MONTH").replace(/\/MONTH$/, "")] };
  const items: NavItem[] = [calendarItem, ...(await personalNavItems(signedIn, locale))];

  const signedOutControls = (
    <>
      <LanguageLink from={locale} to={other} label={t("languageSwitch")} className="font-semibold" />
      <SignInLink locale={locale} label={tNav("signIn")} className="font-semibold" />
    </>
  );

  return (
    <header className="border-b border-line bg-white">
      <div className="h-1.5 bg-brand" />
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-3 py-4 sm:py-5">
        <div>
          <a href={calendarHref} aria-label={t("homeLink")} className="text-2xl font-bold tracking-tight text-brand-strong no-underline hover:underline">
            {t("siteName")}
          </a>
          {organiserName && <p className="text-sm text-muted sm:text-base">{organiserName}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          {inBrowser ? (
            <HeaderSessionControls locale={locale} other={other} labels={labels}>
              {signedOutControls}
            </HeaderSessionControls>
          ) : signedIn ? (
            <SignedInControls other={other} signedInAs={tNav("signedInAs", { name: signedIn.name ?? signedIn.email })} labels={labels} />
          ) : (
            signedOutControls
          )}
        </div>
      </div>
      <nav aria-label={t("mainNav")} className="border-t border-line bg-surface">
        <ul className="container-page flex flex-wrap gap-x-6">
          {items.map((item) => (
            <li key={item.href}>
              <NavLink href={item.href} match={item.match} except={exceptFor(item, items)} also={item.also} className={NAV_LINK_CLASS}>
                {item.label}
              </NavLink>
            </li>
          ))}
          {inBrowser && <HeaderSessionNav locale={locale} leading={items} className={NAV_LINK_CLASS} />}
          {devTools && (
            <li className="ml-auto">
              <a href={paths.devMail(locale)} className="inline-block py-3 text-base text-muted">
                {tNav("devMail")}
              </a>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
