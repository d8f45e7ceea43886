/**
 * Pure rules for the public calendar (Kalendarium): seats, what a reader is told about a session,
 * and grouping by month in Stockholm time. The current time is passed in.
 */
import { stockholmMonthKey } from "./time";

export type PublicSessionStatus = "PUBLISHED" | "CANCELLED";

export type SessionFacts = {
  status: PublicSessionStatus;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
};

/** Seats still free; never negative, even if a capacity was lowered below what is taken. */
export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken);
}

/**
 * What the reader is told first about a session. A cancelled session stays cancelled after it
 * would have happened; a session is past once it has ended.
 */
export type SessionAvailability = "cancelled" | "past" | "full" | "open";

export function sessionAvailability(session: SessionFacts, now: Date): SessionAvailability {
  if (session.status === "CANCELLED") return "cancelled";
  if (session.endsAt.getTime() <= now.getTime()) return "past";
  return seatsLeft(session.capacity, session.seatsTaken) === 0 ? "full" : "open";
}

export type MonthGroup<T> = { monthKey: string; items: T[] };

/**
 * Sessions grouped by the Stockholm month they start in ("YYYY-MM"), months and sessions in time
 * order. A session at 00:30 on 1 October Stockholm time is 22:30 UTC on 30 September: it is October's.
 */
export function groupByStockholmMonth<T extends { startsAt: Date }>(items: readonly T[]): MonthGroup<T>[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const groups: MonthGroup<T>[] = [];
  for (const item of sorted) {
    const monthKey = stockholmMonthKey(item.startsAt);
    const last = groups.at(-1);
    if (last?.monthKey === monthKey) last.items.push(item);
    else groups.push({ monthKey, items: [item] });
  }
  return groups;
}

/** Plain text from the database as paragraphs: a blank line starts a new one. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/*
 * The Kalendarium's month window. The front page shows the current Stockholm month and the next
 * two (FRONT_PAGE_MONTHS); later months have a page each (/kalendarium/YYYY-MM), from the current
 * month up to MONTH_PAGE_HORIZON months ahead. Other months (past, further off, or not a month
 * at all) have no page: a fixed, small set of pages the cache can hold.
 */
export const FRONT_PAGE_MONTHS = 3;
export const MONTH_PAGE_HORIZON = 24;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" with a real month (01–12). */
export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

/** The month `count` months after (or before, if negative) a "YYYY-MM" key. */
export function addMonths(monthKey: string, count: number): string {
  const match = MONTH_KEY.exec(monthKey);
  if (!match) throw new Error(`Not a month key: "${monthKey}"`);
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

/** Months from `from` to `to`, both "YYYY-MM" (0 for the same month, negative if `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** The months on the calendar's front page: the current Stockholm month and the next two. */
export function frontPageMonths(now: Date): string[] {
  const current = stockholmMonthKey(now);
  return Array.from({ length: FRONT_PAGE_MONTHS }, (_, i) => addMonths(current, i));
}

/** Whether a month has a page of its own: a valid key from this Stockholm month up to the horizon. */
export function hasMonthPage(monthKey: string, now: Date): boolean {
  if (!isMonthKey(monthKey)) return false;
  const ahead = monthsBetween(stockholmMonthKey(now), monthKey);
  return ahead >= 0 && ahead < MONTH_PAGE_HORIZON;
}

/** A month page's neighbours, each null where that month has no page. */
export function adjacentMonths(monthKey: string, now: Date): { previous: string | null; next: string | null } {
  const previous = addMonths(monthKey, -1);
  const next = addMonths(monthKey, 1);
  return { previous: hasMonthPage(previous, now) ? previous : null, next: hasMonthPage(next, now) ? next : null };
}

/**
 * The front page's share of the calendar: the month groups in its window (and any earlier month
 * whose sessions have not ended yet), and the later months
 * that have sessions (with how many), to link to their pages. Months past the horizon are left
 * out of both (they have no page yet).
 */
export function splitFrontPage<T>(months: readonly MonthGroup<T>[], now: Date): { front: MonthGroup<T>[]; later: { monthKey: string; count: number }[] } {
  const front: MonthGroup<T>[] = [];
  const later: { monthKey: string; count: number }[] = [];
  const current = stockholmMonthKey(now);
  for (const month of months) {
    // A session that began last month and has not ended yet is still on the front page.
    if (monthsBetween(current, month.monthKey) < FRONT_PAGE_MONTHS) front.push(month);
    else if (hasMonthPage(month.monthKey, now)) later.push({ monthKey: month.monthKey, count: month.items.length });
  }
  return { front, later };
}
