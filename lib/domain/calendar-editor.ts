/**
 * Pure rules for the admin's workshop editor: what a workshop's settings must satisfy, and how a
 * workshop becomes next year's edition (dates and session times shifted, Stockholm wall-clock kept).
 * No I/O; the seats already taken and the first session's start are passed in.
 */
import type { FieldIssue } from "@/lib/errors";
import { addDays, STOCKHOLM, stockholmToInstant, toStockholmDate, type LocalDate } from "./time";

/** The Swedish VAT rates (mervärdesskattelagen): 0, 6, 12 and 25 %, in basis points. */
export const VAT_RATES_BP = [0, 600, 1200, 2500] as const;
export type VatRateBp = (typeof VAT_RATES_BP)[number];

export const NO_PM_POLICIES = ["KEEP_AS_PACKAGE", "RELEASE_SEAT"] as const;

/**
 * Limits for the numbers an admin types. Wide enough for any real edition, narrow enough to catch
 * a slip of the keyboard (30 000 instead of 30, minutes typed as hours).
 */
export const WORKSHOP_LIMITS = {
  /** 1 000 000 kr: far above any course price, still far from integer overflow. */
  maxPriceOre: 100_000_000,
  maxCapacity: 10_000,
  /** An unpaid booking holds its seat for 5 minutes to 24 hours. */
  holdMinutes: { min: 5, max: 1_440 },
  /** A waiting-list offer stands for 1 hour to 14 days. */
  waitlistOfferHours: { min: 1, max: 336 },
  supervisionMonths: { min: 1, max: 24 },
  lateCancellationRefundPercent: { min: 0, max: 100 },
} as const;

/** The settings of a workshop the editor checks; dates are Stockholm calendar days. */
export type WorkshopSettings = {
  startsOn: LocalDate;
  endsOn: LocalDate;
  pmDeadline: LocalDate;
  cancellationDeadline: LocalDate;
  followUpOn: LocalDate | null;
  supervisionMonths: number;
  holdMinutes: number;
  waitlistOfferHours: number;
  packageCapacity: number;
  packagePriceMemberOre: number;
  packagePriceNonMemberOre: number;
  packageVatRateBp: number;
  lateCancellationRefundPercent: number;
};

/** What the database already holds that the settings must respect. */
export type WorkshopContext = {
  /** Package seats already taken by active bookings (0 for a new workshop). */
  packageSeatsTaken: number;
  /** Start of the earliest gathering or lecture that is not cancelled, or null when there is none. */
  firstSessionStartsAt: Date | null;
};

export type FieldErrors = Record<string, FieldIssue[]>;

function push(errors: FieldErrors, field: string, issue: FieldIssue): void {
  (errors[field] ??= []).push(issue);
}

function checkRange(errors: FieldErrors, field: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value)) push(errors, field, { key: "wholeNumber" });
  else if (value < range.min || value > range.max) push(errors, field, { key: "outOfRange", params: { min: range.min, max: range.max } });
}

function checkPrice(errors: FieldErrors, field: string, ore: number): void {
  if (!Number.isFinite(ore)) push(errors, field, { key: "invalid" });
  else if (ore < 0) push(errors, field, { key: "priceNegative" });
  else if (!Number.isInteger(ore)) push(errors, field, { key: "priceWholeOre" });
  else if (ore > WORKSHOP_LIMITS.maxPriceOre) push(errors, field, { key: "priceTooHigh", params: { max: WORKSHOP_LIMITS.maxPriceOre / 100 } });
}

/**
 * The day a deadline must come before: the workshop's first day, or the first session's Stockholm
 * date when a session is earlier. Deadlines are inclusive (until 23:59:59 that day), so a deadline
 * on the start day itself would run into the first session.
 */
export function firstDayOf(settings: Pick<WorkshopSettings, "startsOn">, firstSessionStartsAt: Date | null): LocalDate {
  if (!firstSessionStartsAt) return settings.startsOn;
  const sessionDay = toStockholmDate(firstSessionStartsAt);
  return sessionDay < settings.startsOn ? sessionDay : settings.startsOn;
}

/**
 * Every rule a workshop's settings must meet, as field-keyed issues (keys under errors.fields);
 * an empty object means the settings are valid. All problems are reported at once, so the admin
 * can fix the whole form in one go.
 */
export function validateWorkshopSettings(settings: WorkshopSettings, context: WorkshopContext): FieldErrors {
  const errors: FieldErrors = {};
  // LocalDate strings are "YYYY-MM-DD": they compare correctly as strings.
  if (settings.endsOn < settings.startsOn) push(errors, "endsOn", { key: "endsOnBeforeStartsOn", params: { date: settings.startsOn } });

  const firstDay = firstDayOf(settings, context.firstSessionStartsAt);
  for (const field of ["pmDeadline", "cancellationDeadline"] as const) {
    if (settings[field] >= firstDay) push(errors, field, { key: "deadlineNotBeforeStart", params: { date: firstDay } });
  }
  if (settings.followUpOn !== null && settings.followUpOn < settings.endsOn) {
    push(errors, "followUpOn", { key: "followUpBeforeEnd", params: { date: settings.endsOn } });
  }

  if (!Number.isInteger(settings.packageCapacity)) push(errors, "packageCapacity", { key: "wholeNumber" });
  else if (settings.packageCapacity < 0 || settings.packageCapacity > WORKSHOP_LIMITS.maxCapacity) {
    push(errors, "packageCapacity", { key: "outOfRange", params: { min: 0, max: WORKSHOP_LIMITS.maxCapacity } });
  } else if (settings.packageCapacity < context.packageSeatsTaken) {
    push(errors, "packageCapacity", { key: "capacityBelowSeatsTaken", params: { seatsTaken: context.packageSeatsTaken } });
  }

  checkPrice(errors, "packagePriceMemberOre", settings.packagePriceMemberOre);
  checkPrice(errors, "packagePriceNonMemberOre", settings.packagePriceNonMemberOre);
  if (!(VAT_RATES_BP as readonly number[]).includes(settings.packageVatRateBp)) push(errors, "packageVatRateBp", { key: "vatRate" });

  checkRange(errors, "lateCancellationRefundPercent", settings.lateCancellationRefundPercent, WORKSHOP_LIMITS.lateCancellationRefundPercent);
  checkRange(errors, "holdMinutes", settings.holdMinutes, WORKSHOP_LIMITS.holdMinutes);
  checkRange(errors, "waitlistOfferHours", settings.waitlistOfferHours, WORKSHOP_LIMITS.waitlistOfferHours);
  checkRange(errors, "supervisionMonths", settings.supervisionMonths, WORKSHOP_LIMITS.supervisionMonths);
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

// ───────────── Duplicate as next year's edition ─────────────

/** 52 weeks: the same weekday a year later (Thursday's gathering stays on a Thursday). */
export const NEXT_YEAR_SHIFT_DAYS = 364;

export type WorkshopDates = {
  startsOn: LocalDate;
  endsOn: LocalDate;
  pmDeadline: LocalDate;
  cancellationDeadline: LocalDate;
  followUpOn: LocalDate | null;
};

/**
 * The same Stockholm wall-clock time `days` calendar days later. Not `instant + days × 24 h`: a
 * 09:00 session in winter (UTC+1) moved into summer time (UTC+2) must stay 09:00, and a 23:30
 * session must stay on its day. Stockholm offsets are whole hours, so seconds and milliseconds
 * carry over as they are. A time that does not exist on the new day (in the spring gap) moves
 * forward as clocks do; a repeated one (autumn) means the first (see stockholmToInstant).
 */
export function shiftKeepingStockholmClock(instant: Date, days: number): Date {
  const minuteStart = Math.floor(instant.getTime() / 60_000) * 60_000;
  const subMinute = instant.getTime() - minuteStart;
  const wallClock = new Date(minuteStart);
  const date = toStockholmDate(wallClock);
  const time = stockholmClockWithSeconds(wallClock);
  return new Date(stockholmToInstant(addDays(date, days), time).getTime() + subMinute);
}

const hms = new Intl.DateTimeFormat("en-GB", {
  timeZone: STOCKHOLM,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
function stockholmClockWithSeconds(instant: Date): string {
  return hms.format(instant);
}

/**
 * A workshop's dates and its sessions' times moved by `days` (default 52 weeks): calendar dates by
 * whole days, session instants so that their Stockholm date moves by `days` and their Stockholm
 * wall-clock time stays the same. Other fields of each session are kept as they are.
 */
export function shiftWorkshopDates<S extends { startsAt: Date; endsAt: Date }>(
  workshop: WorkshopDates,
  sessions: readonly S[],
  days: number = NEXT_YEAR_SHIFT_DAYS,
): { workshop: WorkshopDates; sessions: S[] } {
  return {
    workshop: {
      startsOn: addDays(workshop.startsOn, days),
      endsOn: addDays(workshop.endsOn, days),
      pmDeadline: addDays(workshop.pmDeadline, days),
      cancellationDeadline: addDays(workshop.cancellationDeadline, days),
      followUpOn: workshop.followUpOn === null ? null : addDays(workshop.followUpOn, days),
    },
    sessions: sessions.map((s) => ({
      ...s,
      startsAt: shiftKeepingStockholmClock(s.startsAt, days),
      endsAt: shiftKeepingStockholmClock(s.endsAt, days),
    })),
  };
}

// A year, optionally followed by "/27", "-27", "/2027" or "-2027" (an academic year).
const YEAR_RE = /(?<!\d)(\d{4})(?:([/–-])(\d{4}|\d{2}))?(?!\d)/g;

/** Every year in the text one year later: "2026/27" → "2027/28", "ht-2026" → "ht-2027", "2099/00" wraps to "2100/01". */
export function bumpYears(text: string): string {
  return text.replace(YEAR_RE, (_all, year: string, sep: string | undefined, second: string | undefined) => {
    const first = String(Number(year) + 1);
    if (sep === undefined || second === undefined) return first;
    const next = second.length === 4 ? String(Number(second) + 1) : String((Number(second) + 1) % 100).padStart(2, "0");
    return `${first}${sep}${next}`;
  });
}

/** The next edition's name ("2026/27" → "2027/28"), or null when the name holds no year to move on. */
export function nextEdition(edition: string): string | null {
  const next = bumpYears(edition);
  return next === edition ? null : next;
}

/** A slug made of lower-case letters, digits and single hyphens. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "2027/28" → "2027-28"; å, ä, ö → a, a, o; anything else becomes a hyphen. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The next edition's slug: the years in it moved on ("verkstad-2026-27" → "verkstad-2027-28"), or
 * the new edition added when it has none ("verkstad" → "verkstad-2027-28").
 */
export function nextSlug(slug: string, edition: string): string {
  const bumped = bumpYears(slug);
  if (bumped !== slug) return bumped;
  const suffix = slugify(edition);
  return suffix ? `${slug}-${suffix}` : `${slug}-ny`;
}

/** A slug not in `taken`: the wanted one, else with -2, -3 … added. */
export function uniqueSlug(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
