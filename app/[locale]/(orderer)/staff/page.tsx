import { can } from "@/lib/domain/roles";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { bookingActionRenderers } from "@/components/bookings/booking-actions";
import { BookingOverview } from "@/components/bookings/booking-overview";
import { requirePageArea } from "@/lib/auth/page-guards";
import { mayDownloadBookingCalendar } from "@/lib/calendar-files/booking-calendar";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { listStaffBookings } from "@/lib/server/enrollment/list-staff-bookings";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "staffBookings" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * "Min personal" for orderers: the bookings and waiting-list places of the people of their
 * organisation and of those they booked, person by person. They may change what they booked
 * themselves (the server checks each change again).
 */
export default async function StaffBookingsPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "orderer");
  const now = new Date();
  const everyone = can(user, "booking.manageAny");
  const [t, tOrganisation, staff, actions] = await Promise.all([
    getTranslations({ locale, namespace: "staffBookings" }),
    getTranslations({ locale, namespace: "organisationOverview" }),
    listStaffBookings(user, now),
    bookingActionRenderers({
      locale,
      now,
      mayAct: (participantId, madeById) => everyone || user.id === participantId || user.id === madeById,
      cancelAfterDeadline: everyone,
    }),
  ]);

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">
        {user.organisationName ? t("intro", { organisation: user.organisationName }) : t("introNoOrganisation")}
      </p>
      {user.organisationId && user.organisationName && (
        <p className="mt-4">
          <a href={paths.organisationOverview(locale, user.organisationId)}>{tOrganisation("staffLink", { organisation: user.organisationName })}</a>
        </p>
      )}
      {staff.length === 0 && <p className="mt-8">{t("none")}</p>}
      {staff.map((member) => {
        const headingId = `person-${member.person.id}`;
        const active = member.bookings.filter((b) => b.active).length;
        return (
          <section key={member.person.id} aria-labelledby={headingId} className="mt-12 border-t-4 border-line pt-6">
            <h2 id={headingId} className="text-2xl sm:text-3xl">
              {member.person.name ?? t("noName")}
              {member.person.id === user.id && <span className="font-normal text-muted"> ({t("you")})</span>}
            </h2>
            <p className="mt-1 text-base text-muted">
              {member.person.email} · {t("summary", { bookings: active, waiting: member.waitlist.length })}
            </p>
            <BookingOverview
              overview={member}
              locale={locale}
              now={now}
              level={3}
              idPrefix={headingId}
              calendarLinkFor={(b) => mayDownloadBookingCalendar(user, { participantId: b.participant.id, bookedById: b.bookedBy?.id ?? b.participant.id })}
              // The form is its participant's; the one who booked them may read it.
              payLinkFor={(b) => b.status === "PENDING_PAYMENT" && b.order?.placedById === user.id}
              projectPmLinkFor={(b) => b.participant.id === user.id}
              preTrainingLinkFor={(b) => user.id === b.participant.id || user.id === (b.bookedBy?.id ?? b.participant.id)}
              bookingActions={actions.bookingActions}
              waitlistActions={actions.waitlistActions}
            />
          </section>
        );
      })}
    </div>
  );
}
