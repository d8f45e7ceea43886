/**
 * Builds an iCalendar file (RFC 5545) from calendar data, with ical-generator. Pure: the data,
 * the language, the site's address and the current time are passed in.
 *
 * Times are written in UTC ("DTSTART:20270204T080000Z"): an instant means the same everywhere and
 * needs no VTIMEZONE; calendar programs show it in the reader's own zone (Stockholm time for the
 * people of this training). Each session is one event with a stable UID ("lecture-<id>@verkstad"),
 * so a later update (higher SEQUENCE) or cancellation replaces it instead of adding a copy.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { AbstractIntlMessages } from "next-intl";
import type { AppLocale } from "@/lib/domain/money";
import { looseTranslator } from "@/lib/i18n/loose-translator";
import { paths } from "@/lib/i18n/paths";
import en from "@/messages/emails.en.json";
import sv from "@/messages/emails.sv.json";
import { orderSessions, sessionUid, type CalendarFile, type CalendarSession } from "./calendar-data";

const MESSAGES: Record<AppLocale, AbstractIntlMessages> = { sv, en };

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

export type BuildOptions = { locale: AppLocale; appUrl: string; now: Date };

/** The address of the session's public page: the lecture page, or the workshop page for a gathering. */
export function sessionUrl(session: CalendarSession, locale: AppLocale, appUrl: string): string {
  const path =
    session.kind === "lecture" && session.lectureSlug
      ? paths.lecture(locale, session.workshopSlug, session.lectureSlug)
      : paths.workshop(locale, session.workshopSlug);
  return new URL(path, appUrl).toString();
}

/** "Lokal 3, Storgatan 1, 503 30 Borås" */
export function venueLine(venue: CalendarSession["venue"]): string {
  return [venue.name, venue.streetAddress, `${venue.postalCode} ${venue.city}`.trim()].filter((part) => part.trim() !== "").join(", ");
}

export function buildCalendar(file: CalendarFile, options: BuildOptions): string {
  const t = looseTranslator(options.locale, MESSAGES[options.locale]);
  const cancel = file.method === "CANCEL";
  const bookingsUrl = new URL(paths.bookings(options.locale), options.appUrl).toString();
  const calendar = ical({
    prodId: { company: "Verkstad", product: "Verkstad", language: options.locale.toUpperCase() },
    method: ICalCalendarMethod[file.method],
    name: t("calendar.name"),
  });
  for (const session of orderSessions(file.sessions)) {
    const url = sessionUrl(session, options.locale, options.appUrl);
    const description = [
      t(session.kind === "lecture" ? "calendar.lecture" : "calendar.gathering", { workshop: session.workshopTitle }),
      session.lecturer ? t("calendar.lecturer", { name: session.lecturer }) : null,
      cancel ? t("calendar.cancelled") : file.status === "TENTATIVE" ? t("calendar.tentative") : null,
      t("calendar.more", { url }),
      t("calendar.bookings", { url: bookingsUrl }),
    ].filter((line): line is string => line !== null);
    calendar.createEvent({
      id: sessionUid(session),
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      stamp: options.now,
      // A cancellation must outrank what the person's calendar holds (RFC 5546 §2.1.4).
      sequence: cancel ? session.sequence + 1 : session.sequence,
      status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus[file.status],
      summary: session.title,
      location: venueLine(session.venue),
      description: description.join("\n"),
      url,
      organizer: file.organizer ? { name: file.organizer.name ?? file.organizer.email, email: file.organizer.email } : null,
      attendees: file.attendee
        ? [
            {
              email: file.attendee.email,
              name: file.attendee.name,
              role: ICalAttendeeRole.REQ,
              // The booking is the answer: nothing to reply to the organiser.
              status: cancel ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
              rsvp: false,
            },
          ]
        : [],
    });
  }
  return calendar.toString();
}

/** A file name for downloads and attachments: "verkstad-<something>.ics", ASCII only. */
export function calendarFileName(label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `verkstad${slug ? `-${slug}` : ""}.ics`;
}
