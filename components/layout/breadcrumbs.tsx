import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";

/** Where the page sits; the last crumb is the page itself and is not a link. */
export async function Breadcrumbs({ locale, items }: { locale: AppLocale; items: { label: string; href?: string; lang?: string }[] }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <nav aria-label={t("breadcrumbs")} className="mb-6 text-base">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`} className="flex items-center gap-2">
            {i > 0 && (
              <span aria-hidden="true" className="text-muted">
                ›
              </span>
            )}
            {item.href ? (
              <a href={item.href} lang={item.lang}>
                {item.label}
              </a>
            ) : (
              <span aria-current="page" lang={item.lang}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
