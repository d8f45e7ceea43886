/**
 * Every "Stockholm time" rule goes through this module. Instants are stored in UTC;
 * calendar dates (deadlines, start and end days) are plain "YYYY-MM-DD" strings in
 * Europe/Stockholm. The current time is always passed in, never read here.
 */
import { TZDate } from "@date-fns/tz";
import type { AppLocale } from "./money";

export const STOCKHOLM = "Europe/Stockholm";

/** A calendar date in Stockholm, "YYYY-MM-DD". */
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export class TimeError extends Error {}

// Intl.DateTimeFormat is costly to build (~70 µs) and the calendar formats hundreds of values per
// page, so every formatter is built once, here.
const dateParts = new Intl.DateTimeFormat("en-CA", { timeZone: STOCKHOLM, year: "numeric", month: "2-digit", day: "2-digit" });
const clock = new Intl.DateTimeFormat("en-GB", { timeZone: STOCKHOLM, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const perLocale = (options: Intl.DateTimeFormatOptions): Record<AppLocale, Intl.DateTimeFormat> => ({
  sv: new Intl.DateTimeFormat("sv-SE", options),
  en: new Intl.DateTimeFormat("en-GB", options),
});
const longDate = perLocale({ timeZone: STOCKHOLM, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const calendarDay = perLocale({ timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const monthYear = perLocale({ timeZone: "UTC", month: "long", year: "numeric" });

function parseDate(date: LocalDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new TimeError(`Not a date (YYYY-MM-DD): ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new TimeError(`No such date: ${date}`);
  }
  return [y, mo, d];
}

/**
 * The instant of a Stockholm wall-clock time. Like Temporal's "compatible" disambiguation:
 * in the spring gap (02:00–03:00 on the last Sunday of March) a non-existent time moves forward
 * by the gap, as clocks do; in the autumn overlap (02:00–03:00 twice on the last Sunday of
 * October) a repeated time means the first of the two (summer time).
 */
export function stockholmToInstant(date: LocalDate, time = "00:00"): Date {
  const [y, mo, d] = parseDate(date);
  const t = TIME_RE.exec(time);
  if (!t) throw new TimeError(`Not a time (HH:mm[:ss]): ${time}`);
  const [hh, mm, ss] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) throw new TimeError(`No such time: ${time}`);
  const instant = new TZDate(y, mo - 1, d, hh, mm, ss, STOCKHOLM).getTime();
  const hourEarlier = new Date(instant - 3_600_000);
  const sameWallClock =
    toStockholmDate(hourEarlier) === date && toStockholmTime(hourEarlier) === toStockholmTime(new Date(instant));
  return sameWallClock ? hourEarlier : new Date(instant);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** First instant of the Stockholm day. */
export function startOfStockholmDay(date: LocalDate): Date {
  return stockholmToInstant(date, "00:00");
}

/** Last millisecond of the Stockholm day (23:59:59.999 local), whatever its length (23, 24 or 25 h). */
export function endOfStockholmDay(date: LocalDate): Date {
  return new Date(startOfStockholmDay(addDays(date, 1)).getTime() - 1);
}

/** Inclusive deadline rule: on time until 23:59:59.999 Stockholm time on the stated day. */
export function isOnOrBeforeDeadline(deadline: LocalDate, now: Date): boolean {
  return now.getTime() <= endOfStockholmDay(deadline).getTime();
}

/** The Stockholm calendar date of an instant. */
export function toStockholmDate(instant: Date): LocalDate {
  return dateParts.format(instant); // en-CA formats as YYYY-MM-DD
}

/** The Stockholm wall-clock time of an instant, "HH:mm". */
export function toStockholmTime(instant: Date): string {
  return clock.format(instant);
}

/** "YYYY-MM" of an instant in Stockholm; groups the calendar by month. */
export function stockholmMonthKey(instant: Date): string {
  return toStockholmDate(instant).slice(0, 7);
}

/** A PostgreSQL `date` comes back from Prisma as UTC midnight; this is its calendar date. */
export function dateColumnToLocalDate(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}

/** The value to store in a PostgreSQL `date` column for a calendar date. */
export function localDateToDateColumn(date: LocalDate): Date {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d));
}

/** "tisdag 13 oktober 2026" / "Tuesday 13 October 2026" */
export function formatStockholmDate(instant: Date, locale: AppLocale): string {
  return longDate[locale].format(instant);
}

/** A Stockholm clock time: "09.00" in Swedish (Språkrådet: a point between hours and minutes), "09:00" in English. */
export function formatStockholmTime(instant: Date, locale: AppLocale): string {
  const hhmm = toStockholmTime(instant);
  return locale === "sv" ? hhmm.replace(":", ".") : hhmm;
}

/** "9.00–12.00" (sv) / "09:00–12:00" (en). */
export function formatStockholmTimeRange(start: Date, end: Date, locale: AppLocale): string {
  return `${formatStockholmTime(start, locale)}–${formatStockholmTime(end, locale)}`;
}

/** A calendar date (deadline, start day) written out: "7 september 2026". */
export function formatLocalDate(date: LocalDate, locale: AppLocale): string {
  return calendarDay[locale].format(localDateToDateColumn(date));
}

/** "oktober 2026" / "October 2026" for a "YYYY-MM" key. */
export function formatMonth(monthKey: string, locale: AppLocale): string {
  const [y, m] = monthKey.split("-").map(Number);
  return monthYear[locale].format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}
