import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { currentPath, requirePageArea } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// Admin pages are for signed-in admins only: never in a search engine.
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The admin area's frame: its own menu (overview, people and roles, audit log, billing, calendar,
 * venues, lecturers). The guard here keeps the menu from showing to others; every page checks
 * again itself, because a layout is not re-run on every navigation and must not be the only lock.
 */
export default async function AdminLayout({ children, params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  await requirePageArea(locale, "admin");
  const [t, tc, here] = await Promise.all([
    getTranslations({ locale, namespace: "admin" }),
    getTranslations({ locale, namespace: "calendarAdmin.nav" }),
    currentPath(),
  ]);
  const current = here.replace(/\/+$/, "") || "/";
  const items = [
    { href: paths.admin(locale), label: t("navOverview") },
    { href: paths.adminUsers(locale), label: t("navUsers") },
    { href: paths.adminAudit(locale), label: t("navAudit") },
    { href: paths.adminBilling(locale), label: t("navBilling") },
    { href: paths.adminCalendar(locale), label: tc("calendar") },
    { href: paths.adminVenues(locale), label: tc("venues") },
    { href: paths.adminLecturers(locale), label: tc("lecturers") },
  ];

  return (
    <div className="container-page py-8 sm:py-10">
      <nav aria-label={t("navLabel")} className="mb-8 border-b border-line">
        <ul className="flex flex-wrap gap-x-6">
          {items.map((item) => (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={current === item.href || (item.href !== paths.admin(locale) && current.startsWith(`${item.href}/`)) ? "page" : undefined}
                className="inline-block border-b-4 border-transparent py-2 font-semibold text-ink no-underline hover:border-line aria-[current=page]:border-brand"
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
