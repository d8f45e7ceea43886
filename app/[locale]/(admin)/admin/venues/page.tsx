import { getTranslations } from "next-intl/server";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { RegisterListPage } from "@/components/admin/calendar/register-page";
import { VenueForm } from "@/components/admin/calendar/venue-form";
import { paths } from "@/lib/i18n/paths";
import { listVenues } from "@/lib/server/calendar/list-venues";

export const generateMetadata = titleMetadata("calendarAdmin.venues");

/** "Lokaler": every venue with its address and how many sessions use it, and a form to add one. */
export default async function VenuesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, me } = await openAdminPage(params);
  const [t, venues] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.venues" }), listVenues(me)]);

  return (
    <RegisterListPage
      locale={locale}
      backHref={paths.adminCalendar(locale)}
      texts={{ back: t("back"), title: t("title"), intro: t("intro"), empty: t("empty"), caption: t("caption", { count: venues.length }), newHeading: t("newHeading") }}
      captionId="venues-caption"
      newHeadingId="new-venue-heading"
      tableClassName="w-full min-w-[40rem]"
      columns={[{ label: t("colName") }, { label: t("colAddress") }, { label: t("colAccessibility") }, { label: t("colSessions"), numeric: true }]}
      rows={venues.map((v) => ({
        id: v.id,
        href: paths.adminVenue(locale, v.id),
        name: v.name,
        cells: [
          <>
            {v.streetAddress}, {v.postalCode} {v.city}
          </>,
          v.accessibilityNotes ? t("hasNotes") : <span className="text-muted">{t("noNotes")}</span>,
          v.sessions,
        ],
      }))}
      form={<VenueForm values={{}} editHref={paths.adminVenue(locale, "__id__")} />}
    />
  );
}
