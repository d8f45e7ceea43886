import "server-only";
import { db } from "@/lib/db";
import { groupByStockholmMonth, type MonthGroup } from "@/lib/domain/calendar";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { findPublicSessions, type PublicSession } from "./find-sessions";

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
