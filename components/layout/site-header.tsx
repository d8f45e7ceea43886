import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageLink, NavLink, SignInLink } from "@/components/layout/current-path";
import { LanguageSwitchForm } from "@/components/layout/language-switch-form";
import type { SessionUser } from "@/lib/auth/session";
import { areasFor, hasAnyRole, type Area } from "@/lib/domain/roles";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";

type Props = {
  locale: AppLocale;
  organiserName: string | null;
  user: SessionUser | null;
  devTools: boolean;
};

const AREA_LINKS: Partial<Record<Area, { href: (l: AppLocale) => string; label: "coordinator" | "supervisor" | "admin" }>> = {
  coordinator: { href: paths.coordinator, label: "coordinator" },
  supervisor: { href: paths.supervisor, label: "supervisor" },
  admin: { href: paths.admin, label: "admin" },
};

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
  const items: { href: string; label: string; match: "exact" | "prefix" }[] = [
    { href: calendarHref, label: t("calendar"), match: "exact" },
  ];
  if (user?.profileComplete) {
    const areas = areasFor(user.roles);
    items.push({ href: paths.bookings(locale), label: tNav("bookings"), match: "exact" });
    if (areas.includes("orderer")) items.push({ href: paths.staff(locale), label: tNav("staff"), match: "exact" });
    // Only participants and orderers can pay for bookings, so only they can have invoices and
    // receipts of their own; the page itself is open to anyone signed in.
    if (hasAnyRole(user.roles, ["PARTICIPANT", "ORDERER"])) items.push({ href: paths.invoices(locale), label: tNav("billing"), match: "exact" });
    if (hasAnyRole(user.roles, ["PARTICIPANT"])) items.push({ href: paths.myProject(locale), label: tNav("myProject"), match: "exact" });
    for (const area of areas) {
      const link = AREA_LINKS[area];
      if (link) items.push({ href: link.href(locale), label: tNav(link.label), match: "prefix" });
      if (area === "admin") items.push({ href: paths.adminBilling(locale), label: tNav("adminBilling"), match: "prefix" });
    }
    items.push({ href: paths.account(locale), label: tNav("account"), match: "exact" });
  }

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
          {user ? (
            // Signed in: the choice is kept on the profile (and used for e-mails).
            <LanguageSwitchForm locale={other} label={t("languageSwitch")} />
          ) : (
            <LanguageLink from={locale} to={other} label={t("languageSwitch")} className="font-semibold" />
          )}
          {user ? (
            <>
              <span className="text-base text-muted">{tNav("signedInAs", { name: user.name ?? user.email })}</span>
              <SignOutButton label={tNav("signOut")} pendingLabel={tNav("signingOut")} callbackUrl={calendarHref} />
            </>
          ) : (
            <SignInLink locale={locale} label={tNav("signIn")} className="font-semibold" />
          )}
        </div>
      </div>
      <nav aria-label={t("mainNav")} className="border-t border-line bg-surface">
        <ul className="container-page flex flex-wrap gap-x-6">
          {items.map((item) => (
            <li key={item.href}>
              <NavLink
                href={item.href}
                match={item.match}
                except={items.filter((other) => other.href !== item.href && other.href.startsWith(`${item.href}/`)).map((other) => other.href)}
                className="inline-block border-b-4 border-transparent py-3 font-semibold text-ink no-underline hover:border-line aria-[current=page]:border-brand"
              >
                {item.label}
              </NavLink>
            </li>
          ))}
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
