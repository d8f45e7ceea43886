import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { CalendarMonth } from "@/components/calendar/calendar-month";
import { adjacentMonths, hasMonthPage } from "@/lib/domain/calendar";
import { formatMonth } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";
import { listPublishedCalendarCached } from "@/lib/server/calendar/list-published-calendar";

type Props = { params: Promise<{ locale: string; month: string }> };

/*
 * One month of the Kalendarium (/kalendarium/2027-03, /en/calendar/2027-03): the sessions of that
 * Stockholm month that have not ended, with links to the months before and after and back to the
 * calendar. Cached like the calendar itself (same data read, same tag, at most 60 s old; the
 * nonce-less CSP of CACHED_PAGE in proxy.ts). Only months from the current one up to
 * MONTH_PAGE_HORIZON ahead have a page (lib/domain/calendar hasMonthPage); any other value is a 404.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams(): { locale: string; month: string }[] {
  return [];
}

async function monthFromParams(params: Props["params"]): Promise<{ locale: AppLocale; month: string }> {
  const locale = await localeFromParams(params);
  const { month } = await params;
  if (!hasMonthPage(month, new Date())) notFound();
  return { locale, month };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, month } = await monthFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendar" });
  return { title: t("monthTitle", { month: formatMonth(month, locale) }) };
}

export default async function CalendarMonthPage({ params }: Props) {
  const { locale, month } = await monthFromParams(params);
  setRequestLocale(locale);
  const now = new Date();
  const [t, calendar] = await Promise.all([getTranslations({ locale, namespace: "calendar" }), listPublishedCalendarCached()]);
  const group = calendar.months.find((m) => m.monthKey === month);
  const { previous, next } = adjacentMonths(month, now);
  const monthName = formatMonth(month, locale);

  return (
    <div className="container-page py-10 sm:py-12">
      <p>
        <a href={paths.calendar(locale)}>{t("backToCalendar")}</a>
      </p>
      <h1 className="mt-4 text-3xl sm:text-4xl">{t("monthTitle", { month: monthName })}</h1>
      {group ? (
        <CalendarMonth
          month={group}
          locale={locale}
          now={now}
          showWorkshop={calendar.workshops.length > 1}
          headingLevel={null}
        />
      ) : (
        <p className="mt-8">{t("noSessionsThisMonth")}</p>
      )}
      <nav aria-label={t("monthNav")} className="mt-10 border-t border-line pt-6">
        <ul className="flex flex-wrap justify-between gap-x-8 gap-y-3">
          {previous && (
            <li>
              <a href={paths.calendarMonth(locale, previous)} rel="prev">
                {t("previousMonth", { month: formatMonth(previous, locale) })}
              </a>
            </li>
          )}
          <li>
            <a href={paths.calendar(locale)}>{t("backToCalendar")}</a>
          </li>
          {next && (
            <li>
              <a href={paths.calendarMonth(locale, next)} rel="next">
                {t("nextMonth", { month: formatMonth(next, locale) })}
              </a>
            </li>
          )}
        </ul>
      </nav>
    </div>
  );
}
