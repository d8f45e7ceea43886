/**
 * The project PM's deadline (Workshop.pmDeadline): a calendar day in Europe/Stockholm, inclusive,
 * so a PM is on time until 23:59:59 local time that day. A coordinator may grant one person an
 * extension (DeadlineExtension.newDeadline), which then replaces the workshop's day for them.
 * Reminders go 7 and 1 days before the person's deadline; at the deadline the workshop's no-PM
 * rule applies. Pure: the current time is always passed in.
 */
import { addDays, endOfStockholmDay, isOnOrBeforeDeadline, toStockholmDate, type LocalDate } from "../time";

/** Days before the deadline that a reminder goes out, latest first. */
export const PM_REMINDER_DAYS = [1, 7] as const;
export type PmReminderDays = (typeof PM_REMINDER_DAYS)[number];

/** RELEASE_SEAT: how many days after the notice the seat is released. */
export const SEAT_RELEASE_NOTICE_DAYS = 7;

/** The deadline that applies to one person: their extension, when granted, replaces the workshop's. */
export function personalPmDeadline(workshopDeadline: LocalDate, extension: LocalDate | null | undefined): LocalDate {
  return extension ?? workshopDeadline;
}

/** The last instant a PM is on time (23:59:59.999 Stockholm time on the deadline day). */
export function pmDeadlineEndsAt(deadline: LocalDate): Date {
  return endOfStockholmDay(deadline);
}

/** On time through the whole deadline day, Stockholm time. */
export function isPmOpen(deadline: LocalDate, now: Date): boolean {
  return isOnOrBeforeDeadline(deadline, now);
}

export type SubmitTiming =
  | { onTime: true; lateWithExtension: boolean }
  /** `deadline` is the day that was missed (the extension's, when there is one). */
  | { onTime: false; deadline: LocalDate };

/**
 * May a PM be submitted now? On time before the end of the person's deadline day. Submitted after
 * the workshop's own deadline, it came in through an extension (lateWithExtension).
 */
export function submitTiming(workshopDeadline: LocalDate, extension: LocalDate | null | undefined, now: Date): SubmitTiming {
  const deadline = personalPmDeadline(workshopDeadline, extension);
  if (!isPmOpen(deadline, now)) return { onTime: false, deadline };
  return { onTime: true, lateWithExtension: !isPmOpen(workshopDeadline, now) };
}

/**
 * The reminder due now for a deadline, or null: the 1-day reminder from the day before the
 * deadline, the 7-day one from seven days before; none once the deadline has passed. A daily job
 * that missed a day still sends, and never a "7 days left" when only one is.
 */
export function reminderDue(deadline: LocalDate, now: Date): PmReminderDays | null {
  if (!isPmOpen(deadline, now)) return null;
  const today = toStockholmDate(now);
  for (const days of PM_REMINDER_DAYS) {
    if (today >= addDays(deadline, -days)) return days;
  }
  return null;
}

/** The deadline has passed: its whole Stockholm day is over. */
export function isPastDeadline(deadline: LocalDate, now: Date): boolean {
  return !isPmOpen(deadline, now);
}

export type NoPmStep =
  /** KEEP_AS_PACKAGE: the booking stays, without own project. */
  | { kind: "KEEP" }
  /** RELEASE_SEAT: send the notice now; the seat goes on `releaseOn`. */
  | { kind: "NOTICE"; releaseOn: LocalDate }
  /** RELEASE_SEAT: notice given, the day has not come. */
  | { kind: "WAIT"; releaseOn: LocalDate }
  /** RELEASE_SEAT: notice given and its period is over. */
  | { kind: "RELEASE"; releaseOn: LocalDate };

/**
 * What the no-PM rule does now for a package booking with own project whose personal deadline
 * has passed with no submitted PM. `noticeGivenOn` is the Stockholm day the release notice went
 * out (for this deadline), or null.
 */
export function noPmStep(policy: "KEEP_AS_PACKAGE" | "RELEASE_SEAT", noticeGivenOn: LocalDate | null, now: Date): NoPmStep {
  if (policy === "KEEP_AS_PACKAGE") return { kind: "KEEP" };
  if (!noticeGivenOn) return { kind: "NOTICE", releaseOn: addDays(toStockholmDate(now), SEAT_RELEASE_NOTICE_DAYS) };
  const releaseOn = addDays(noticeGivenOn, SEAT_RELEASE_NOTICE_DAYS);
  return toStockholmDate(now) >= releaseOn ? { kind: "RELEASE", releaseOn } : { kind: "WAIT", releaseOn };
}
