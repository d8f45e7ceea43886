import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { deleteVenueAction } from "@/app/_actions/calendar-admin";
import { ConfirmAction } from "@/components/admin/calendar/confirm-action";
import { VenueForm } from "@/components/admin/calendar/venue-form";
import { requirePageArea } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { getVenue } from "@/lib/server/calendar/list-venues";

type Props = { params: Promise<{ locale: string; venueId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendarAdmin.venues" });
  return { title: t("editTitle") };
}

/** One venue: its form, and deletion while no session uses it. */
export default async function VenuePage({ params }: Props) {
  const locale = await localeFromParams(params);
  const { venueId } = await params;
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const venue = await getVenue(me, venueId);
  if (!venue) notFound();
  const [t, ta, messages] = await Promise.all([
    getTranslations({ locale, namespace: "calendarAdmin.venues" }),
    getTranslations({ locale, namespace: "calendarAdmin.actions" }),
    getMessages({ locale }),
  ]);
  const values = {
    name: venue.name,
    streetAddress: venue.streetAddress,
    postalCode: venue.postalCode,
    city: venue.city,
    accessibilityNotes: venue.accessibilityNotes ?? "",
    mapUrl: venue.mapUrl ?? "",
  };

  return (
    <NextIntlClientProvider messages={{ calendarAdmin: (messages as Record<string, AbstractIntlMessages>).calendarAdmin ?? {} }}>
      <p className="mb-4">
        <a href={paths.adminVenues(locale)}>{t("backToList")}</a>
      </p>
      <h1 className="text-3xl sm:text-4xl">{venue.name}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("usedBy", { count: venue.sessions })}</p>
      <div className="mt-8">
        <VenueForm venueId={venue.id} values={values} />
      </div>
      <section aria-labelledby="delete-heading" className="mt-10 max-w-xl">
        <h2 id="delete-heading" className="text-2xl">
          {t("deleteHeading")}
        </h2>
        <div className="mt-4">
          {venue.sessions === 0 ? (
            <ConfirmAction
              action={deleteVenueAction}
              hidden={{ venueId: venue.id }}
              danger
              nextHref={paths.adminVenues(locale)}
              texts={{ open: t("delete"), confirmText: t("deleteConfirm", { name: venue.name }), confirm: t("deleteYes"), cancel: ta("cancel"), pending: ta("deleting"), done: ta("deleted"), errorHeading: ta("errorHeading") }}
            />
          ) : (
            <p>{t("deleteBlocked", { count: venue.sessions })}</p>
          )}
        </div>
      </section>
    </NextIntlClientProvider>
  );
}
