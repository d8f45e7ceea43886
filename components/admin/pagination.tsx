import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";

type Props = {
  locale: AppLocale;
  page: number;
  pages: number;
  /** The address of a page, keeping the filter. */
  hrefFor: (page: number) => string;
};

/** Previous / next links around "Page 2 of 5"; nothing when everything fits on one page. */
export async function Pagination({ locale, page, pages, hrefFor }: Props) {
  if (pages <= 1 && page <= 1) return null;
  const t = await getTranslations({ locale, namespace: "admin.pagination" });
  return (
    <nav aria-label={t("label")} className="mt-6">
      <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {page > 1 && (
          <li>
            <a href={hrefFor(Math.max(1, Math.min(page - 1, pages)))} rel="prev" className="font-semibold">
              <span aria-hidden="true">← </span>
              {t("previous")}
            </a>
          </li>
        )}
        <li>{t("current", { page, pages: Math.max(pages, page) })}</li>
        {page < pages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next" className="font-semibold">
              {t("next")}
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
