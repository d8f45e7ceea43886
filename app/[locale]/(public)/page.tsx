import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SessionItem } from "@/components/calendar/session-item";
import { Facts } from "@/components/ui/facts";
import { formatLocalDate, formatMonth } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang, type AppLocale } from "@/lib/i18n/routing";
import { listPublishedCalendar } from "@/lib/server/calendar/list-published-calendar";
import { localeFromParams } from "@/lib/i18n/locale-param";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendar" });
  return { title: t("title") };
}

export default async function CalendarPage({ params }: Props) {
  const locale: AppLocale = await localeFromParams(params);
  setRequestLocale(locale);
  const now = new Date();
  const [t, calendar] = await Promise.all([
    getTranslations({ locale, namespace: "calendar" }),
    listPublishedCalendar({ now }),
  ]);
  const showWorkshop = calendar.workshops.length > 1;
  const lang = contentLang(locale);

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <div className="mt-4 max-w-prose space-y-3 text-lg sm:text-xl">
        <p>{t("intro")}</p>
        <p>{t("bookingHowTo")}</p>
      </div>

      <section className="mt-10">
        <h2 className="text-2xl">
          {t("workshopsHeading", { count: Math.max(1, calendar.workshops.length) })}
        </h2>
        {calendar.workshops.length === 0 ? (
          <p className="mt-4">{t("noWorkshops")}</p>
        ) : (
          <ul className="mt-4 grid gap-4">
            {calendar.workshops.map((w) => (
              <li key={w.slug} className="rounded-lg border border-line bg-surface p-5 sm:p-6">
                <h3 lang={lang} className="text-xl sm:text-2xl">
                  <a href={paths.workshop(locale, w.slug)}>{w.title}</a>
                </h3>
                <p lang={lang} className="mt-2 max-w-prose">
                  {w.summary}
                </p>
                <Facts
                  className="mt-4 text-base"
                  items={[
                    {
                      label: t("period"),
                      value: t("periodValue", {
                        start: formatLocalDate(w.startsOn, locale),
                        end: formatLocalDate(w.endsOn, locale),
                      }),
                    },
                    { label: t("pmDeadline"), value: formatLocalDate(w.pmDeadline, locale) },
                  ]}
                />
                <p className="mt-2 text-base">
                  {t.rich("wholeProgramme", { link: (chunks) => <a href={paths.workshop(locale, w.slug)}>{chunks}</a> })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="mt-12">
        <h2 className="text-2xl">
          {t("upcomingHeading")}
        </h2>
        {calendar.months.length === 0 ? (
          <p className="mt-4">{t("noSessions")}</p>
        ) : (
          calendar.months.map((month) => (
            <section key={month.monthKey} className="mt-8">
              <h3 className="capitalize-first text-xl text-brand-strong">
                {formatMonth(month.monthKey, locale)}
              </h3>
              <ul className="mt-2">
                {month.items.map((session) => (
                  <SessionItem
                    key={`${session.kind}-${session.id}`}
                    session={session}
                    locale={locale}
                    now={now}
                    showWorkshop={showWorkshop}
                    headingLevel="h4"
                  />
                ))}
              </ul>
            </section>
          ))
        )}
      </section>
    </div>
  );
}
