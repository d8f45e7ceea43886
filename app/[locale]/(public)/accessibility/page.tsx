import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatLocalDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { getSiteOrganiser } from "@/lib/server/calendar/get-site-organiser";

type Props = { params: Promise<{ locale: string }> };

/** Update both when the site is assessed again (DOS-lagen asks for the date of the latest assessment). */
const ASSESSED_ON = "2026-11-23";
const UPDATED_ON = "2026-11-23";

// Digg's form for reporting shortcomings under the DOS law.
const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "accessibility" });
  return { title: t("title") };
}

export default async function AccessibilityStatementPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const [t, organiser] = await Promise.all([getTranslations({ locale, namespace: "accessibility" }), getSiteOrganiser()]);
  const organiserName = organiser?.name ?? "Verkstad";

  return (
    <div className="container-page py-10 sm:py-12">
      <article className="prose-text max-w-prose">
        <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
        <p className="text-lg sm:text-xl">{t("intro", { organiser: organiserName })}</p>

        <h2>{t("statusHeading")}</h2>
        <p>{t("status")}</p>

        <h2>{t("knownHeading")}</h2>
        <p>{t("known")}</p>

        <h2>{t("outsideHeading")}</h2>
        <p>{t("outside")}</p>

        <h2>{t("reportHeading")}</h2>
        <p>{t("report")}</p>
        {organiser ? (
          <ul>
            <li>
              {t.rich("reportEmail", {
                email: organiser.email,
                link: (chunks) => <a href={`mailto:${organiser.email}`}>{chunks}</a>,
              })}
            </li>
            {organiser.phone && <li>{t("reportPhone", { phone: organiser.phone })}</li>}
          </ul>
        ) : (
          <p>{t("reportNoContact")}</p>
        )}

        <h2>{t("supervisionHeading")}</h2>
        <p>
          {t.rich("supervision", {
            link: (chunks) => (
              <a href={DIGG_REPORT_URL} hrefLang="sv">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>{t("law")}</p>

        <h2>{t("testingHeading")}</h2>
        <p>{t("testing")}</p>
        <p>
          {t("updated", { assessed: formatLocalDate(ASSESSED_ON, locale), updated: formatLocalDate(UPDATED_ON, locale) })}
        </p>
      </article>
    </div>
  );
}
