import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SessionWhen } from "@/components/calendar/session-when";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import { formatStockholmDate, formatStockholmTime, toStockholmDate } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import type { BookingView } from "@/lib/server/enrollment/list-my-bookings";

export type HeadingLevel = 2 | 3 | 4;
const HEADINGS = { 2: "h2", 3: "h3", 4: "h4", 5: "h5" } as const;

const STATUS_TONES: Record<BookingView["status"], BadgeTone> = {
  PENDING_PAYMENT: "warning",
  CONFIRMED: "gathering",
  CANCELLED: "danger",
  EXPIRED: "neutral",
};

/** The address of a booking's calendar file, with the page's language for its texts. */
export function calendarFileHref(bookingId: string, locale: AppLocale): string {
  return `/api/calendar/bookings/${encodeURIComponent(bookingId)}?locale=${locale}`;
}

type Props = {
  booking: BookingView;
  locale: AppLocale;
  now: Date;
  level: HeadingLevel;
  /** Whether the reader may download this booking's calendar (the route checks again). */
  calendarLink: boolean;
  /** Whether the reader may open the package's pre-training form (its participant, or who booked it). */
  preTrainingLink: boolean;
  /** Whether the reader pays this booking's order (they placed it). */
  payLink?: boolean;
  /** Whether the reader is the participant, who writes the project PM of an own-project package. */
  projectPmLink?: boolean;
  /** Forms for changes (cancel, substitute), when there are any. */
  actions?: ReactNode;
};

/**
 * One booking: a lecture, or the whole workshop with all its sessions. Status in words (text,
 * not colour, carries it: WCAG 1.4.1), the order and amount, and what the reader can do with it.
 */
export async function BookingCard({ booking, locale, now, level, calendarLink, preTrainingLink, payLink = false, projectPmLink = false, actions }: Props) {
  const t = await getTranslations({ locale, namespace: "myBookings" });
  const lang = contentLang(locale);
  const Heading = HEADINGS[level];
  const SubHeading = HEADINGS[(level + 1) as 3 | 4 | 5];
  const headingId = `booking-${booking.id}`;
  const lecture = booking.kind === "LECTURE" ? booking.sessions[0] : undefined;

  const facts: { label: string; value: ReactNode }[] = [{ label: t("statusLabel"), value: statusText(booking, locale, now, t) }];
  if (booking.kind === "LECTURE") {
    facts.push({ label: t("workshopLabel"), value: <span lang={lang}>{booking.workshop.title}</span> });
    if (lecture) {
      facts.push({ label: t("whenLabel"), value: <SessionWhen startsAt={lecture.startsAt} endsAt={lecture.endsAt} locale={locale} /> });
      facts.push({ label: t("venueLabel"), value: `${lecture.venueName}, ${lecture.venueCity}` });
    }
  } else {
    facts.push({ label: t("sessionsLabel"), value: t("sessionsCount", { count: booking.sessions.length }) });
  }
  if (booking.ownProject) facts.push({ label: t("ownProjectLabel"), value: t("ownProject") });
  if (booking.bookedBy) facts.push({ label: t("bookedByLabel"), value: booking.bookedBy.name ?? booking.bookedBy.email });
  if (booking.order) facts.push({ label: t("orderLabel"), value: booking.order.reference });
  if (booking.amountInclVatOre !== null) facts.push({ label: t("amountLabel"), value: t("amountValue", { amount: formatSek(booking.amountInclVatOre, locale) }) });

  const links: ReactNode[] = [];
  if (payLink && booking.order && booking.status === "PENDING_PAYMENT") {
    links.push(
      <a key="pay" className="button-primary" href={paths.pay(locale, booking.order.id)}>
        {t("payLink")} <span className="sr-only">{t("payLinkFor", { reference: booking.order.reference })}</span>
      </a>,
    );
  }
  if (booking.active && calendarLink && booking.sessions.length > 0) {
    links.push(
      <a key="ics" href={calendarFileHref(booking.id, locale)} download>
        {t("calendarLink")} <span className="sr-only">{t("calendarLinkFor", { title: booking.title })}</span>
      </a>,
    );
  }
  // The project PM is the participant's own: only they get the link (staff review it elsewhere).
  if (projectPmLink && booking.active && booking.kind === "PACKAGE" && booking.ownProject) {
    links.push(
      <a key="pm" href={paths.projectPm(locale, booking.id)}>
        {t("projectPmLink")} <span className="sr-only">{t("projectPmLinkFor", { title: booking.title })}</span>
      </a>,
    );
  }
  if (preTrainingLink && booking.active && booking.kind === "PACKAGE" && booking.timing === "upcoming") {
    links.push(
      <a key="pre" href={paths.preTraining(locale, booking.id)}>
        {t("preTrainingLink")} <span className="sr-only">{t("preTrainingLinkFor", { title: booking.title })}</span>
      </a>,
    );
  }

  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-line bg-white p-5 sm:p-6">
      <Heading id={headingId} className="text-xl sm:text-2xl">
        <span lang={lang}>{booking.title}</span>
      </Heading>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <Badge tone={booking.kind === "PACKAGE" ? "gathering" : "lecture"}>{t(booking.kind === "PACKAGE" ? "kindPackage" : "kindLecture")}</Badge>
        <Badge tone={STATUS_TONES[booking.status]}>{t(`statusShort.${booking.status}`)}</Badge>
      </p>
      <Facts className="mt-4" items={facts} />

      {booking.kind === "PACKAGE" && (
        <>
          <SubHeading className="mt-4 text-lg">{t("sessionsLabel")}</SubHeading>
          {booking.sessions.length === 0 ? (
            <p className="mt-1">{t("noSessions")}</p>
          ) : (
            <ul className="mt-2 grid gap-2">
              {booking.sessions.map((s) => (
                <li key={s.id} className={`border-l-4 pl-3 ${s.kind === "gathering" ? "border-gathering" : "border-lecture"}`}>
                  {/* Gatherings are usually titled "Samling 3: …" already: say the kind only when the title does not. */}
                  {!s.title.toLocaleLowerCase("sv").startsWith(t(s.kind).toLocaleLowerCase("sv")) && <span className="font-semibold">{t(s.kind)}: </span>}
                  <span lang={lang}>{s.title}</span>
                  {s.status === "CANCELLED" && (
                    <>
                      {" "}
                      <Badge tone="danger">{t("sessionCancelled")}</Badge>
                    </>
                  )}
                  <span className="block text-base text-muted">
                    <SessionWhen startsAt={s.startsAt} endsAt={s.endsAt} locale={locale} />, {s.venueName}, {s.venueCity}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {(links.length > 0 || actions) && (
        <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-3">
          {links}
          {actions}
        </div>
      )}
    </article>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"myBookings">>>;

/** "Väntar på betalning – platsen hålls till kl. 10.30" (with the date when it is not today). */
function statusText(booking: BookingView, locale: AppLocale, now: Date, t: Translate): string {
  if (booking.status !== "PENDING_PAYMENT" || !booking.holdExpiresAt) return t(`status.${booking.status}`);
  const until = booking.holdExpiresAt;
  const time = formatStockholmTime(until, locale);
  return toStockholmDate(until) === toStockholmDate(now)
    ? t("status.PENDING_PAYMENT", { time })
    : t("status.PENDING_PAYMENT_LATER", { time, date: formatStockholmDate(until, locale) });
}
