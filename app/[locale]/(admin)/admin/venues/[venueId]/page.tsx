import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { deleteVenueAction } from "@/app/_actions/calendar-admin";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { RegisterItemPage } from "@/components/admin/calendar/register-page";
import { VenueForm } from "@/components/admin/calendar/venue-form";
import { paths } from "@/lib/i18n/paths";
import { getVenue } from "@/lib/server/calendar/list-venues";

export const generateMetadata = titleMetadata("calendarAdmin.venues", "editTitle");

/** One venue: its form, and deletion while no session uses it. */
export default async function VenuePage({ params }: { params: Promise<{ locale: string; venueId: string }> }) {
  const { locale, me, params: p } = await openAdminPage(params);
  const venue = await getVenue(me, p.venueId);
  if (!venue) notFound();
  const t = await getTranslations({ locale, namespace: "calendarAdmin.venues" });
  const values = {
    name: venue.name,
    streetAddress: venue.streetAddress,
    postalCode: venue.postalCode,
    city: venue.city,
    accessibilityNotes: venue.accessibilityNotes ?? "",
    mapUrl: venue.mapUrl ?? "",
  };

  return (
    <RegisterItemPage
      locale={locale}
      back={{ href: paths.adminVenues(locale), text: t("backToList") }}
      title={venue.name}
      intro={t("usedBy", { count: venue.sessions })}
      form={<VenueForm venueId={venue.id} values={values} />}
      remove={{
        heading: t("deleteHeading"),
        allowed: venue.sessions === 0,
        blockedText: t("deleteBlocked", { count: venue.sessions }),
        action: deleteVenueAction,
        hidden: { venueId: venue.id },
        nextHref: paths.adminVenues(locale),
        texts: { open: t("delete"), confirmText: t("deleteConfirm", { name: venue.name }), confirm: t("deleteYes") },
      }}
    />
  );
}
