import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { groupByStockholmMonth, type MonthGroup } from "@/lib/domain/calendar";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { findPublicSessions, type PublicSession } from "./find-sessions";
import { PUBLIC_CALENDAR_MAX_AGE_SECONDS, PUBLIC_CALENDAR_TAG } from "./public-calendar-cache";

export type CalendarWorkshop = {
  slug: string;
  edition: string;
  title: string;
  summary: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  pmDeadline: LocalDate;
};

export type PublishedCalendar = {
  workshops: CalendarWorkshop[];
  /** Sessions that have not yet ended, grouped by their Stockholm start month. */
  months: MonthGroup<PublicSession>[];
};

/**
 * The Kalendarium: published workshops, and what is coming in them (sessions that end after
 * `now`), month by month. Cancelled sessions stay listed so nobody travels to one.
 */
export async function listPublishedCalendar({ now }: { now: Date }): Promise<PublishedCalendar> {
  const [workshops, sessions] = await Promise.all([
    db.workshop.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [{ startsOn: "asc" }, { slug: "asc" }],
      select: { slug: true, edition: true, title: true, summary: true, startsOn: true, endsOn: true, pmDeadline: true },
    }),
    findPublicSessions({ endsAfter: now }),
  ]);
  return {
    workshops: workshops.map((w) => ({
      ...w,
      startsOn: dateColumnToLocalDate(w.startsOn),
      endsOn: dateColumnToLocalDate(w.endsOn),
      pmDeadline: dateColumnToLocalDate(w.pmDeadline),
    })),
    months: groupByStockholmMonth(sessions),
  };
}

/**
 * The calendar as the public page reads it: from Next's data cache, tagged PUBLIC_CALENDAR_TAG
 * (revalidatePublicCalendar() after every change the page shows) and at most a minute old (so
 * sessions that end drop off). The tag also marks the page rendered from it, so the cached page
 * goes stale with the data. Seats shown here are for reading only: booking always counts again
 * on the server. Only inside Next.js (unstable_cache needs its cache): tests and scripts call
 * listPublishedCalendar.
 */
export async function listPublishedCalendarCached(): Promise<PublishedCalendar> {
  const cached = await readCachedCalendar();
  return {
    workshops: cached.workshops,
    // The data cache stores JSON: the instants come back as strings.
    months: cached.months.map((m) => ({
      monthKey: m.monthKey,
      items: m.items.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
    })),
  };
}

const readCachedCalendar = unstable_cache(async () => listPublishedCalendar({ now: new Date() }), ["public-calendar", "v1"], {
  tags: [PUBLIC_CALENDAR_TAG],
  revalidate: PUBLIC_CALENDAR_MAX_AGE_SECONDS,
});
