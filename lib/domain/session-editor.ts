/**
 * Pure rules of the admin's session editor (lectures and gatherings): Stockholm date + clock time
 * to instants, prices typed in kronor, VAT rates, capacity against seats taken, the workshop's
 * period, lecture slugs, and which status moves are allowed. No I/O; `now` is never read here.
 *
 * Problems come back as field issues: translation keys under "errors.fields" with their values.
 */
import { defineMachine } from "./status-machine";
import { stockholmToInstant, TimeError, toStockholmDate, toStockholmTime, type LocalDate } from "./time";

export type FieldIssue = { key: string; params?: Record<string, string | number> };
export type FieldIssues = Record<string, FieldIssue[]>;

/** The VAT rates a session may have, in basis points (0 %, 6 %, 12 %, 25 %). */
export const VAT_RATES_BP = [0, 600, 1200, 2500] as const;
export type VatRateBp = (typeof VAT_RATES_BP)[number];

export function isVatRateBp(value: number): value is VatRateBp {
  return (VAT_RATES_BP as readonly number[]).includes(value);
}

/** The highest price accepted (1 000 000 kr): a typo guard, far above any real price. */
export const MAX_PRICE_ORE = 100_000_000;

export type KronorResult = { ok: true; ore: number } | { ok: false; issue: FieldIssue };

/**
 * A price as an admin types it, in kronor: "1200", "1 200", "1 200,50", "1200.5", "1 200 kr".
 * Spaces (also non-breaking) group thousands; a comma or point starts at most two decimals (öre).
 * Negative amounts and anything else are refused.
 */
export function parseKronor(text: string): KronorResult {
  const cleaned = text
    .trim()
    .replace(/\s*(kr|kronor|sek)\.?$/i, "")
    .replace(/[\s\u00a0\u202f]/g, "");
  if (cleaned === "") return { ok: false, issue: { key: "required" } };
  if (/^[-−]/.test(cleaned)) return { ok: false, issue: { key: "negativePrice" } };
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return { ok: false, issue: { key: "invalidPrice" } };
  const ore = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  if (!Number.isSafeInteger(ore) || ore > MAX_PRICE_ORE) return { ok: false, issue: { key: "invalidPrice" } };
  return { ok: true, ore };
}

/** Öre back to what the form shows: "1200" or "1200,50" (no grouping, so it parses back unchanged). */
export function oreToKronorText(ore: number): string {
  const kronor = Math.floor(ore / 100);
  const rest = ore % 100;
  return rest === 0 ? String(kronor) : `${kronor},${String(rest).padStart(2, "0")}`;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_RE = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

/** "9:00", "09.00", "0900" → "09:00"; null when it is not a clock time. */
export function normaliseClock(text: string): string | null {
  const t = text.trim();
  const short = /^(\d):([0-5]\d)$/.exec(t) ?? /^(\d)\.([0-5]\d)$/.exec(t);
  if (short) return `0${short[1]}:${short[2]}`;
  const compact = /^([01]\d|2[0-3])([0-5]\d)$/.exec(t);
  if (compact) return `${compact[1]}:${compact[2]}`;
  const m = CLOCK_RE.exec(t);
  return m ? `${m[1]}:${m[2]}` : null;
}

export type WallClock = { date: string; time: string };

export type InstantResult = { ok: true; instant: Date } | { ok: false; field: "date" | "time"; issue: FieldIssue };

/**
 * A Stockholm date and clock time as an instant. A time that does not exist (02:00–02:59 on the
 * spring-forward Sunday) is refused rather than moved, so the admin never gets a time they did not
 * type. In the autumn's repeated hour the first (summer-time) one is meant, as in lib/domain/time.
 */
export function stockholmInstant({ date, time }: WallClock): InstantResult {
  const d = date.trim();
  if (!DATE_RE.test(d)) return { ok: false, field: "date", issue: { key: "invalidDate" } };
  const clock = normaliseClock(time);
  if (!clock) return { ok: false, field: "time", issue: { key: "invalidTime" } };
  let instant: Date;
  try {
    instant = stockholmToInstant(d, clock);
  } catch (error) {
    if (error instanceof TimeError) return { ok: false, field: "date", issue: { key: "invalidDate" } };
    throw error;
  }
  if (toStockholmDate(instant) !== d || toStockholmTime(instant) !== clock) {
    return { ok: false, field: "time", issue: { key: "nonexistentTime", params: { time: clock, date: d } } };
  }
  return { ok: true, instant };
}

export type SessionTimesInput = { startDate: string; startTime: string; endDate?: string | null; endTime: string };
export type SessionTimes = { startsAt: Date; endsAt: Date };

/**
 * Start and end of a session from the form. The end date may be left out: the session ends on the
 * day it starts. Issues are keyed by the form's field names (startDate, startTime, endDate, endTime).
 */
export function sessionTimes(input: SessionTimesInput): { ok: true; times: SessionTimes } | { ok: false; issues: FieldIssues } {
  const issues: FieldIssues = {};
  const report = (field: string, issue: FieldIssue) => {
    const list = (issues[field] ??= []);
    if (!list.some((i) => i.key === issue.key)) list.push(issue);
  };
  const ownEndDate = Boolean(input.endDate && input.endDate.trim() !== "");
  const endDate = ownEndDate ? input.endDate! : input.startDate;
  // Each clock time is checked on its own, so a bad date does not hide a bad time.
  if (!normaliseClock(input.startTime)) report("startTime", { key: "invalidTime" });
  if (!normaliseClock(input.endTime)) report("endTime", { key: "invalidTime" });
  const start = stockholmInstant({ date: input.startDate, time: input.startTime });
  const end = stockholmInstant({ date: endDate, time: input.endTime });
  if (!start.ok) report(start.field === "date" ? "startDate" : "startTime", start.issue);
  // Without an end date of its own, a bad date is the start date's, reported once.
  if (!end.ok) report(end.field === "date" ? (ownEndDate ? "endDate" : "startDate") : "endTime", end.issue);
  if (!start.ok || !end.ok) return { ok: false, issues };
  if (end.instant.getTime() <= start.instant.getTime()) {
    return { ok: false, issues: { endTime: [{ key: "endBeforeStart" }] } };
  }
  return { ok: true, times: { startsAt: start.instant, endsAt: end.instant } };
}

export type SessionRulesInput = {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** Seats taken now (0 for a new session). */
  seatsTaken: number;
  workshop: { startsOn: LocalDate; endsOn: LocalDate };
};

/**
 * What the database must agree with: the session lies within its workshop's days (Stockholm dates,
 * both inclusive) and the capacity is at least 1 and at least the seats already taken.
 */
export function checkSessionRules(input: SessionRulesInput): FieldIssues {
  const issues: FieldIssues = {};
  const firstDay = toStockholmDate(input.startsAt);
  const lastDay = toStockholmDate(input.endsAt);
  const { startsOn, endsOn } = input.workshop;
  if (firstDay < startsOn || lastDay > endsOn) {
    issues.startDate = [{ key: "outsideWorkshop", params: { from: startsOn, to: endsOn } }];
  }
  if (!Number.isInteger(input.capacity) || input.capacity < 1) {
    issues.capacity = [{ key: "capacityTooSmall" }];
  } else if (input.capacity < input.seatsTaken) {
    issues.capacity = [{ key: "capacityBelowSeatsTaken", params: { seatsTaken: input.seatsTaken } }];
  }
  return issues;
}

export function hasIssues(issues: FieldIssues): boolean {
  return Object.keys(issues).length > 0;
}

/**
 * A URL slug from a title: lower case ASCII letters, digits and hyphens; å, ä → a, ö → o, é → e and
 * other accents dropped. Never empty ("forelasning" when nothing is left) and at most 80 characters.
 */
export function slugFromTitle(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug === "" ? "forelasning" : slug;
}

/** The slug, or with "-2", "-3" … added when the workshop already has it. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A new gathering's number: one more than the highest the workshop has (1 for the first). */
export function nextGatheringNumber(numbers: readonly number[]): number {
  return numbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}

export type SessionStatus = "DRAFT" | "PUBLISHED" | "CANCELLED";

/**
 * A session is a draft until published; a published one can be cancelled; a cancelled one stays
 * cancelled (it is shown as cancelled, so people who booked it understand what happened). A draft is
 * deleted, not cancelled.
 */
export const sessionMachine = defineMachine<SessionStatus>("session", {
  DRAFT: ["PUBLISHED"],
  PUBLISHED: ["CANCELLED"],
  CANCELLED: [],
});

/** A session may be published on its own only when its workshop already is (else the workshop's publish does it). */
export function canPublishSession(session: SessionStatus, workshop: "DRAFT" | "PUBLISHED" | "ARCHIVED"): boolean {
  return sessionMachine.can(session, "PUBLISHED") && workshop === "PUBLISHED";
}

export type SessionSnapshot = { startsAt: Date; endsAt: Date; venueId: string; status: SessionStatus };

/** Booked people are told when a published session's time, venue or status changes. */
export function needsAnnouncement(before: SessionSnapshot, after: SessionSnapshot): boolean {
  if (before.status !== "PUBLISHED") return false;
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.venueId !== after.venueId ||
    before.status !== after.status
  );
}
