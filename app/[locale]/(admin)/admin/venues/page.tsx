import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { VenueForm } from "@/components/admin/calendar/venue-form";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { requirePageArea } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { listVenues } from "@/lib/server/calendar/list-venues";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendarAdmin.venues" });
  return { title: t("title") };
}

/** "Lokaler": every venue with its address and how many sessions use it, and a form to add one. */
export default async function VenuesPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const [t, messages, venues] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.venues" }), getMessages({ locale }), listVenues(me)]);

  return (
    <>
      <p className="mb-4">
        <a href={paths.adminCalendar(locale)}>{t("back")}</a>
      </p>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      {venues.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <TableRegion captionId="venues-caption" className="mt-8">
          <table className="w-full min-w-[40rem] border-collapse text-base">
            <caption id="venues-caption" className="px-3 py-2 text-left font-semibold">
              {t("caption", { count: venues.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t("colName")}</th>
                <th scope="col" className={th}>{t("colAddress")}</th>
                <th scope="col" className={th}>{t("colAccessibility")}</th>
                <th scope="col" className={`${th} text-right`}>{t("colSessions")}</th>
              </tr>
            </thead>
            <tbody>
              {venues.map((v) => (
                <tr key={v.id}>
                  <th scope="row" className={`${td} text-left`}>
                    <a href={paths.adminVenue(locale, v.id)}>{v.name}</a>
                  </th>
                  <td className={td}>
                    {v.streetAddress}, {v.postalCode} {v.city}
                  </td>
                  <td className={td}>{v.accessibilityNotes ? t("hasNotes") : <span className="text-muted">{t("noNotes")}</span>}</td>
                  <td className={`${td} text-right tabular-nums`}>{v.sessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <section aria-labelledby="new-venue-heading" className="mt-10">
        <h2 id="new-venue-heading" className="text-2xl">
          {t("newHeading")}
        </h2>
        <div className="mt-4">
          <NextIntlClientProvider messages={{ calendarAdmin: (messages as Record<string, AbstractIntlMessages>).calendarAdmin ?? {} }}>
            <VenueForm values={{}} editHref={paths.adminVenue(locale, "__id__")} />
          </NextIntlClientProvider>
        </div>
      </section>
    </>
  );
}
