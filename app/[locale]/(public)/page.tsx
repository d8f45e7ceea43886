import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CalendarMonth } from "@/components/calendar/calendar-month";
import { Facts } from "@/components/ui/facts";
import { splitFrontPage } from "@/lib/domain/calendar";
import { formatLocalDate, formatMonth } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang, type AppLocale } from "@/lib/i18n/routing";
import { listPublishedCalendarCached } from "@/lib/server/calendar/list-published-calendar";
import { localeFromParams } from "@/lib/i18n/locale-param";

type Props = { params: Promise<{ locale: string }> };

/*
 * The most read page: the published workshops and the coming three months (the current Stockholm
 * month and the next two; later months link to a page each, calendar/[month]/page.tsx). Rendered
 * once and served from Next's cache to everyone (no session, no request headers: the layout then renders the header's signed-in part in the browser, see
 * SiteHeader). Stale at once after a change the page shows (revalidatePublicCalendar(), tag on
 * the data read below), and after 60 s at the latest (PUBLIC_CALENDAR_MAX_AGE_SECONDS). Not
 * prerendered at build time (no database then): the first request renders it.
 */
export const dynamic = "force-static";
export const revalidate = 60;
export function generateStaticParams(): { locale: string }[] {
  return [];
}

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
    listPublishedCalendarCached(),
  ]);
  const showWorkshop = calendar.workshops.length > 1;
  // The coming three months here; later ones on a page each (/kalendarium/YYYY-MM).
  const { front, later } = splitFrontPage(calendar.months, now);
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
        <h2 className="text-2xl">{t("upcomingHeading")}</h2>
        <p className="mt-2 max-w-prose">{t("windowNote")}</p>
        {front.length === 0 ? (
          <p className="mt-4">{t("noSessions")}</p>
        ) : (
          front.map((month) => (
            <CalendarMonth key={month.monthKey} month={month} locale={locale} now={now} showWorkshop={showWorkshop} headingLevel="h3" />
          ))
        )}
      </section>

      <nav aria-labelledby="later-months" className="mt-12">
        <h2 id="later-months" className="text-2xl">
          {t("laterMonthsHeading")}
        </h2>
        {later.length === 0 ? (
          <p className="mt-4">{t("noLaterMonths")}</p>
        ) : (
          <ul className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
            {later.map((m) => (
              <li key={m.monthKey}>
                <a href={paths.calendarMonth(locale, m.monthKey)} className="capitalize-first inline-block font-semibold">
                  {formatMonth(m.monthKey, locale)}
                </a>{" "}
                <span className="text-muted">({t("monthSessions", { count: m.count })})</span>
              </li>
            ))}
          </ul>
        )}
      </nav>
    </div>
  );
}
