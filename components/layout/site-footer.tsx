import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";
import { paths } from "@/lib/i18n/paths";
import type { SiteOrganiser } from "@/lib/server/calendar/get-site-organiser";

type Props = { locale: AppLocale; organiser: SiteOrganiser | null; currentPath: string };

export async function SiteFooter({ locale, organiser, currentPath }: Props) {
  const t = await getTranslations({ locale, namespace: "layout" });
  const links = [
    { href: paths.accessibility(locale), label: t("accessibility") },
    { href: paths.privacy(locale), label: t("privacy") },
  ];
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="container-page grid gap-8 py-10 text-base sm:grid-cols-2">
        <div>
          <p>{organiser ? t("footerAbout", { organiser: organiser.name }) : t("footerAboutNoOrganiser")}</p>
          {organiser && (
            <address className="mt-3 not-italic">
              {organiser.name}
              <br />
              {organiser.streetAddress}
              <br />
              {organiser.postalCode} {organiser.city}
              <br />
              {t("email")}: <a href={`mailto:${organiser.email}`}>{organiser.email}</a>
              {organiser.phone && (
                <>
                  <br />
                  {t("phone")}: {organiser.phone}
                </>
              )}
            </address>
          )}
        </div>
        <nav aria-label={t("footerNav")}>
          <ul className="space-y-2">
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={currentPath === link.href ? "page" : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
