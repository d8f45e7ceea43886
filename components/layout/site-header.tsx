import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";
import { paths } from "@/lib/i18n/paths";

type Props = {
  locale: AppLocale;
  organiserName: string | null;
  /** The same page in the other language. */
  alternateHref: string;
  /** The path being shown, to mark the current menu item. */
  currentPath: string;
};

export async function SiteHeader({ locale, organiserName, alternateHref, currentPath }: Props) {
  const t = await getTranslations({ locale, namespace: "layout" });
  const otherLang = t("languageSwitchLang");
  const calendarHref = paths.calendar(locale);
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
        <a href={alternateHref} hrefLang={otherLang} lang={otherLang} className="font-semibold">
          {t("languageSwitch")}
        </a>
      </div>
      <nav aria-label={t("mainNav")} className="border-t border-line bg-surface">
        <ul className="container-page flex gap-6">
          <li>
            <a
              href={calendarHref}
              aria-current={currentPath === calendarHref ? "page" : undefined}
              className="inline-block border-b-4 border-transparent py-3 font-semibold text-ink no-underline hover:border-line aria-[current=page]:border-brand"
            >
              {t("calendar")}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
