/**
 * iCal feeds (issue 8): a published workshop's calendar for anyone, and a person's own booked
 * sessions behind a secret link. Built with ical-generator, as the booking files are
 * (lib/calendar-files/build-calendar.ts): UTC instants (no VTIMEZONE needed), the same stable UID
 * per session ("lecture-<id>@verkstad"), SEQUENCE = the session's, and a cancelled session stays in
 * the feed as STATUS:CANCELLED so calendar programs strike it instead of leaving a stale event.
 * METHOD:PUBLISH, no organiser or attendee: a subscription is not an invitation.
 *
 * The query reads only PUBLISHED and CANCELLED sessions of workshops that are not drafts: drafts
 * never reach a feed. No server-only import (pure building plus one read in the caller's client).
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { readCalendarSessions } from "@/lib/calendar-files/booking-calendar";
import { sessionUrl, venueLine } from "@/lib/calendar-files/build-calendar";
import { sessionUid, type CalendarSession } from "@/lib/calendar-files/calendar-data";
import type { AppLocale } from "@/lib/domain/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteTranslator } from "@/lib/i18n/site-messages";

export type FeedSession = CalendarSession & { cancelled: boolean };

/** Calendar programs may check again after an hour. */
export const FEED_REFRESH_SECONDS = 60 * 60;

/**
 * The public (PUBLISHED or CANCELLED) sessions of the given lectures and of every gathering and
 * lecture of the given workshops, each once, in time order. `publishedOnly`: the workshop must be
 * PUBLISHED (the public feed); otherwise an archived edition's sessions still show to those who booked.
 */
export async function feedSessions(
  client: Prisma.TransactionClient,
  scope: { lectureIds: readonly string[]; workshopIds: readonly string[]; publishedOnly?: boolean },
): Promise<FeedSession[]> {
  const sessions = await readCalendarSessions(client, {
    lectureIds: scope.lectureIds,
    workshopIds: scope.workshopIds,
    statuses: ["PUBLISHED", "CANCELLED"],
    workshopStatuses: scope.publishedOnly ? ["PUBLISHED"] : ["PUBLISHED", "ARCHIVED"],
  });
  return sessions.map(({ status, ...session }) => ({ ...session, cancelled: status === "CANCELLED" }));
}

export type FeedOptions = { locale: AppLocale; appUrl: string; now: Date; name: string; description: string };

export function buildFeed(sessions: readonly FeedSession[], options: FeedOptions): string {
  const t = siteTranslator(options.locale);
  const calendar = ical({
    prodId: { company: "Verkstad", product: "Verkstad", language: options.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: options.name,
    description: options.description,
    ttl: FEED_REFRESH_SECONDS,
  });
  for (const session of sessions) {
    const url = sessionUrl(session, options.locale, options.appUrl);
    const description = [
      t(session.kind === "lecture" ? "calendarFeed.event.lecture" : "calendarFeed.event.gathering", { workshop: session.workshopTitle }),
      session.lecturer ? t("calendarFeed.event.lecturer", { name: session.lecturer }) : null,
      session.cancelled ? t("calendarFeed.event.cancelled") : null,
      t("calendarFeed.event.more", { url }),
    ].filter((line): line is string => line !== null);
    calendar.createEvent({
      id: sessionUid(session),
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      stamp: options.now,
      sequence: session.sequence,
      status: session.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: session.cancelled ? t("calendarFeed.event.cancelledSummary", { title: session.title }) : session.title,
      location: venueLine(session.venue),
      description: description.join("\n"),
      url,
    });
  }
  return calendar.toString();
}
