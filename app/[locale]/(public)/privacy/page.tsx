import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { getSiteOrganiser } from "@/lib/server/calendar/get-site-organiser";

type Props = { params: Promise<{ locale: string }> };

const IMY_URL = "https://www.imy.se/";
const ITEMS = ["name", "work", "bookings", "project", "invoice"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "privacy" });
  return { title: t("title") };
}

export default async function PrivacyPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const [t, organiser] = await Promise.all([getTranslations({ locale, namespace: "privacy" }), getSiteOrganiser()]);

  return (
    <div className="container-page py-10 sm:py-12">
      <article className="prose-text max-w-prose">
        <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
        <p className="text-lg sm:text-xl">{t("intro")}</p>

        <h2>{t("controllerHeading")}</h2>
        <p>
          {organiser ? t("controller", { organiser: organiser.name, orgNumber: organiser.orgNumber }) : t("controllerUnknown")}
        </p>

        <h2>{t("publicHeading")}</h2>
        <p>{t("public")}</p>

        <h2>{t("whatHeading")}</h2>
        <p>{t("what")}</p>
        <ul>
          {ITEMS.map((item) => (
            <li key={item}>{t(`whatItems.${item}`)}</li>
          ))}
        </ul>
        <p>{t("noPersonalNumber")}</p>

        <h2>{t("whyHeading")}</h2>
        <p>{t("why")}</p>

        <h2>{t("whoHeading")}</h2>
        <p>{t("who")}</p>

        <h2>{t("publicRecordsHeading")}</h2>
        <p>{t("publicRecords")}</p>

        <h2>{t("howLongHeading")}</h2>
        <p>{t("howLong")}</p>

        <h2>{t("cookiesHeading")}</h2>
        <p>{t("cookies")}</p>

        <h2>{t("rightsHeading")}</h2>
        <p>{t("rights")}</p>
        {organiser && (
          <p>
            {t.rich("contact", {
              email: organiser.email,
              link: (chunks) => <a href={`mailto:${organiser.email}`}>{chunks}</a>,
            })}
          </p>
        )}
        <p>
          {t.rich("complaint", {
            link: (chunks) => <a href={IMY_URL}>{chunks}</a>,
          })}
        </p>
      </article>
    </div>
  );
}
