import type { LocalDate } from "./time";

export type SupervisionStatus = "ACTIVE" | "COMPLETED" | "ENDED_EARLY";

/** What the supervisor does next with a project; the page puts it into words. */
export type SupervisionNextStep =
  | { kind: "STARTS"; on: LocalDate }
  | { kind: "MEETING"; number: number; planned: number }
  | { kind: "CLOSE_ALL_MEETINGS_HELD" }
  | { kind: "CLOSE_PERIOD_OVER" }
  | { kind: "FOLLOW_UP"; on: LocalDate }
  | { kind: "DONE" }
  | { kind: "ENDED_EARLY" };

export type SupervisionProgress = {
  status: SupervisionStatus;
  startsOn: LocalDate;
  endsOn: LocalDate;
  plannedMeetings: number;
  meetingsHeld: number;
  /** The workshop's follow-up day, if set. */
  followUpOn: LocalDate | null;
};

/**
 * The next step of a supervision on a Stockholm day (`today`, passed in). Start and end days are
 * inclusive: on the last day the period is still running.
 */
export function supervisionNextStep(s: SupervisionProgress, today: LocalDate): SupervisionNextStep {
  if (s.status === "ENDED_EARLY") return { kind: "ENDED_EARLY" };
  if (s.status === "COMPLETED") {
    return s.followUpOn && s.followUpOn >= today ? { kind: "FOLLOW_UP", on: s.followUpOn } : { kind: "DONE" };
  }
  // A meeting already logged means the work has begun, whatever the planned start said.
  if (today < s.startsOn && s.meetingsHeld === 0) return { kind: "STARTS", on: s.startsOn };
  if (today > s.endsOn) return { kind: "CLOSE_PERIOD_OVER" };
  if (s.meetingsHeld >= s.plannedMeetings) return { kind: "CLOSE_ALL_MEETINGS_HELD" };
  return { kind: "MEETING", number: s.meetingsHeld + 1, planned: s.plannedMeetings };
}

// ───────────────────────── Assigning a supervisor and logging meetings ─────────────────────────

/**
 * The numbers the supervision rules run on.
 * - `months`: the workshop's `supervisionMonths` is the real value; this is its default ("omkring fem
 *   månader" in the call for participants).
 * - `limit`: how many ACTIVE supervisions one supervisor holds at most, when their account has no
 *   `User.supervisionLimit` of their own (an admin sets that per supervisor). Eight projects at about
 *   five meetings each is roughly one meeting a week over the half year.
 * - `meetingGraceDays`: a meeting may be logged up to a week before the period starts (a first
 *   meeting is often held in the days before the planned start), never on a day after today.
 */
export const SUPERVISION_RULES = {
  months: 5,
  plannedMeetings: 5,
  maxPlannedMeetings: 20,
  limit: 8,
  meetingGraceDays: 7,
  noteMax: 1000,
} as const;

export type MeetingForm = "IN_PERSON" | "VIDEO" | "PHONE";
export const MEETING_FORMS: readonly MeetingForm[] = ["IN_PERSON", "VIDEO", "PHONE"];

const DAY_MS = 86_400_000;

function parts(date: LocalDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A calendar date some whole months later. Calendar months, not 30-day blocks: 14 January + 5 months
 * is 14 June. A day the target month does not have moves back to that month's last day, as people
 * count it: 31 January + 1 month is 28 February (29 in a leap year), 31 August + 1 month 30 September.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`Whole months only: ${months}`);
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, lastDay));
}

/** The supervision period: from the start day for `months` calendar months (both days inclusive). */
export function supervisionPeriod(startsOn: LocalDate, months: number = SUPERVISION_RULES.months): { startsOn: LocalDate; endsOn: LocalDate } {
  if (months < 1) throw new RangeError(`A supervision lasts at least a month: ${months}`);
  return { startsOn, endsOn: addCalendarMonths(startsOn, months) };
}

/**
 * The start the assignment form suggests: the workshop's first day while it is ahead, otherwise today
 * (a project accepted after the start begins its supervision when it is assigned).
 */
export function defaultSupervisionStart(workshopStartsOn: LocalDate, today: LocalDate): LocalDate {
  return workshopStartsOn > today ? workshopStartsOn : today;
}

/** A supervisor's own limit when an admin set one, otherwise the default. */
export function supervisorLimit(ownLimit: number | null | undefined): number {
  return ownLimit ?? SUPERVISION_RULES.limit;
}

/** Whether a supervisor can take one more project: ACTIVE supervisions count, finished ones do not. */
export function canTakeAnother(activeSupervisions: number, limit: number): boolean {
  return activeSupervisions < limit;
}

/** Why a meeting day cannot be logged (a key under "errors.fields"), or null when it can. */
export type MeetingDateProblem = "meetingInFuture" | "meetingBeforeStart";

/**
 * A meeting is logged after it was held: not on a day after today (Stockholm). It belongs to the
 * supervision: not earlier than a week before the period's first day (SUPERVISION_RULES.meetingGraceDays).
 * Days after the period's end are allowed: a late meeting still happened and should be on record.
 */
export function meetingDateProblem(heldOn: LocalDate, period: { startsOn: LocalDate }, today: LocalDate): MeetingDateProblem | null {
  if (heldOn > today) return "meetingInFuture";
  if (heldOn < earliestMeetingDay(period.startsOn)) return "meetingBeforeStart";
  return null;
}

export function earliestMeetingDay(startsOn: LocalDate): LocalDate {
  const [y, m, d] = parts(startsOn);
  const earliest = new Date(Date.UTC(y, m - 1, d) - SUPERVISION_RULES.meetingGraceDays * DAY_MS);
  return earliest.toISOString().slice(0, 10);
}

export type MeetingPace = "NOT_STARTED" | "ON_TRACK" | "BEHIND" | "ALL_HELD" | "CLOSED";

export type MeetingProgress = {
  held: number;
  planned: number;
  /** Meetings a steady pace would have held by today: planned × the share of the period gone. */
  expectedByNow: number;
  pace: MeetingPace;
};

/**
 * Meetings held against planned, for the coordinators' overview. The planned meetings are spread
 * evenly over the period; a project is BEHIND when it has held fewer than a steady pace would have
 * by today (rounded down, so the first meeting is not "late" on the first day). Only ACTIVE
 * supervisions can be behind: one completed or ended early with fewer meetings is CLOSED.
 */
export function meetingProgress(
  s: { status: SupervisionStatus; startsOn: LocalDate; endsOn: LocalDate; plannedMeetings: number; meetingsHeld: number },
  today: LocalDate,
): MeetingProgress {
  const held = s.meetingsHeld;
  const planned = s.plannedMeetings;
  const base = { held, planned };
  if (held >= planned) return { ...base, expectedByNow: planned, pace: "ALL_HELD" };
  if (s.status !== "ACTIVE") return { ...base, expectedByNow: planned, pace: "CLOSED" };
  if (today < s.startsOn) return { ...base, expectedByNow: 0, pace: held > 0 ? "ON_TRACK" : "NOT_STARTED" };
  const day = (d: LocalDate) => {
    const [y, m, dd] = parts(d);
    return Date.UTC(y, m - 1, dd) / DAY_MS;
  };
  // Both days inclusive: a period from 1 to 10 March has 10 days.
  const total = day(s.endsOn) - day(s.startsOn) + 1;
  const gone = Math.min(total, day(today) - day(s.startsOn) + 1);
  const expectedByNow = Math.floor((planned * gone) / total);
  return { ...base, expectedByNow, pace: held < expectedByNow ? "BEHIND" : "ON_TRACK" };
}
