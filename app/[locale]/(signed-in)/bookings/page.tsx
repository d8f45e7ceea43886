import { can } from "@/lib/domain/roles";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { bookingActionRenderers } from "@/components/bookings/booking-actions";
import { MyAttendance } from "@/components/attendance/my-attendance";
import { BookingOverview } from "@/components/bookings/booking-overview";
import { SessionChangeNotices } from "@/components/bookings/session-change-notices";
import { requirePageUser } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { listMySessionChanges } from "@/lib/server/calendar/list-my-session-changes";
import { listMyBookings } from "@/lib/server/enrollment/list-my-bookings";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "myBookings" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * "Mina bokningar": everything the signed-in person has booked (lectures, the whole workshop with
 * its sessions), its status in words, their waiting-list places, the calendar file of each active
 * booking, recent changes to their sessions, their attendance, and the forms to cancel, pass on, accept an offer or leave a queue.
 */
export default async function MyBookingsPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const now = new Date();
  const [t, overview, actions, changes] = await Promise.all([
    getTranslations({ locale, namespace: "myBookings" }),
    listMyBookings(user.id, now),
    bookingActionRenderers({
      locale,
      now,
      // Everything listed here is the reader's own.
      mayAct: () => true,
      cancelAfterDeadline: can(user, "booking.manageAny"),
    }),
    listMySessionChanges(user, now),
  ]);
  const empty = overview.bookings.length === 0 && overview.waitlist.length === 0;

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      {/* Moved, relocated or cancelled sessions of the last 60 days, before everything else. */}
      <SessionChangeNotices changes={changes} locale={locale} />
      {empty && (
        <p className="mt-8">
          {t("none")} <a href={paths.calendar(locale)}>{t("toCalendar")}</a>
        </p>
      )}
      {/* Rendered also when empty: its status area says how the last change went (e.g. leaving the
          only queue place) and must stay mounted across that change. */}
      <BookingOverview
        overview={overview}
        locale={locale}
        now={now}
        level={2}
        idPrefix="mine"
        // Own bookings: the participant may always download their calendar.
        calendarLinkFor={() => true}
        payLinkFor={(b) => b.status === "PENDING_PAYMENT" && b.order?.placedById === user.id}
        projectPmLinkFor={(b) => b.participant.id === user.id}
        preTrainingLinkFor={() => true}
        bookingActions={actions.bookingActions}
        waitlistActions={actions.waitlistActions}
      />
      {/* The person's attendance record, once a session they were booked on has begun. */}
      <MyAttendance locale={locale} userId={user.id} now={now} level={2} />
    </div>
  );
}
