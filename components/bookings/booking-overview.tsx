import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { AppLocale } from "@/lib/domain/money";
import type { BookingsOverview, BookingView, WaitlistView } from "@/lib/server/enrollment/list-my-bookings";
import { BookingCard, type HeadingLevel } from "./booking-card";
import { ChangeStatus } from "./change-status";
import { WaitlistCard } from "./waitlist-card";

const HEADINGS = { 2: "h2", 3: "h3" } as const;

type Props = {
  overview: BookingsOverview;
  locale: AppLocale;
  now: Date;
  /** Level of the group headings (Upcoming, Waiting lists, …); each booking's is one below. */
  level: 2 | 3;
  /** A prefix that keeps heading ids unique when the page shows several people. */
  idPrefix: string;
  calendarLinkFor: (booking: BookingView) => boolean;
  preTrainingLinkFor: (booking: BookingView) => boolean;
  /** Whether the reader pays this unpaid booking (they placed its order). */
  payLinkFor?: (booking: BookingView) => boolean;
  /** Whether the reader is the booking's participant (the project PM is theirs to write). */
  projectPmLinkFor?: (booking: BookingView) => boolean;
  bookingActions?: (booking: BookingView) => ReactNode;
  waitlistActions?: (entry: WaitlistView) => ReactNode;
};

/**
 * Bookings grouped as a person reads them: what is coming (with open waiting lists), what was
 * cancelled or ran out, and what is over.
 */
export async function BookingOverview({ overview, locale, now, level, idPrefix, calendarLinkFor, preTrainingLinkFor, payLinkFor, projectPmLinkFor, bookingActions, waitlistActions }: Props) {
  const t = await getTranslations({ locale, namespace: "myBookings" });
  const Heading = HEADINGS[level];
  const cardLevel = (level + 1) as HeadingLevel;
  const upcoming = overview.bookings.filter((b) => b.timing === "upcoming" && b.active);
  const inactive = overview.bookings.filter((b) => b.timing === "upcoming" && !b.active);
  const past = overview.bookings.filter((b) => b.timing === "past");

  const group = (key: string, title: string, children: ReactNode) => (
    <section key={key} aria-labelledby={`${idPrefix}-${key}`} className="mt-8">
      <Heading id={`${idPrefix}-${key}`} className={level === 2 ? "text-2xl" : "text-xl"}>
        {title}
      </Heading>
      <div className="mt-4 grid gap-4">{children}</div>
    </section>
  );
  const cards = (list: BookingView[]) =>
    list.map((b) => (
      <BookingCard key={b.id} booking={b} locale={locale} now={now} level={cardLevel} calendarLink={calendarLinkFor(b)} preTrainingLink={preTrainingLinkFor(b)} payLink={payLinkFor?.(b) ?? false} projectPmLink={projectPmLinkFor?.(b) ?? false} actions={bookingActions?.(b)} />
    ));

  return (
    // Says how a change made here went (the form that made it is gone by then).
    <ChangeStatus>
      {upcoming.length > 0 && group("upcoming", t("upcoming"), cards(upcoming))}
      {overview.waitlist.length > 0 &&
        group(
          "waitlist",
          t("waitlist"),
          overview.waitlist.map((e) => <WaitlistCard key={e.id} entry={e} locale={locale} level={cardLevel} actions={waitlistActions?.(e)} />),
        )}
      {inactive.length > 0 && group("inactive", t("inactive"), cards(inactive))}
      {past.length > 0 && group("past", t("past"), cards(past))}
    </ChangeStatus>
  );
}
