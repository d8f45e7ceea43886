import { can, areasFor, type Area } from "@/lib/domain/roles";
import { createTranslator } from "next-intl";
import type { SessionUser } from "@/lib/auth/session";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";
import type { NavItem } from "./nav-item";

export type { NavItem } from "./nav-item";

const AREA_LINKS: Partial<Record<Area, { href: (l: AppLocale) => string; label: "coordinator" | "supervisor" | "admin" }>> = {
  coordinator: { href: paths.coordinator, label: "coordinator" },
  supervisor: { href: paths.supervisor, label: "supervisor" },
  admin: { href: paths.admin, label: "admin" },
};

/**
 * The main navigation after "Kalender": only the areas the person's roles may use (the server
 * checks them again on every page and action). Empty for nobody signed in or an unfinished profile.
 */
export async function personalNavItems(user: SessionUser | null, locale: AppLocale): Promise<NavItem[]> {
  if (!user?.profileComplete) return [];
  const tNav = navTranslator(locale);
  const items: NavItem[] = [];
  const areas = areasFor(user);
  items.push({ href: paths.bookings(locale), label: tNav("bookings"), match: "exact" });
  if (areas.includes("orderer")) items.push({ href: paths.staff(locale), label: tNav("staff"), match: "exact" });
  // Only participants and orderers can pay for bookings, so only they can have invoices and
  // receipts of their own; the page itself is open to anyone signed in.
  if (can(user, "billing.pay")) items.push({ href: paths.invoices(locale), label: tNav("billing"), match: "exact" });
  if (can(user, "pm.author")) items.push({ href: paths.myProject(locale), label: tNav("myProject"), match: "exact" });
  for (const area of areas) {
    const link = AREA_LINKS[area];
    if (link) items.push({ href: link.href(locale), label: tNav(link.label), match: "prefix" });
    if (area === "admin") items.push({ href: paths.adminBilling(locale), label: tNav("adminBilling"), match: "prefix" });
  }
  items.push({ href: paths.account(locale), label: tNav("account"), match: "exact" });
  return items;
}

/**
 * The "nav" messages without next-intl's request context: the header's route handler
 * (GET /api/session-header) answers outside any page, and runs in the tests too.
 */
export function navTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: locale === "en" ? en : sv, namespace: "nav" });
}
