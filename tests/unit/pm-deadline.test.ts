/**
 * The PM deadline: a Stockholm calendar day, inclusive (on time until 23:59:59 local time), on a
 * winter day, a summer day and both DST change days of 2031, with and without an extension; the
 * reminder days and the no-PM rule's notice period.
 */
import { describe, expect, it } from "vitest";
import {
  isPastDeadline,
  isPmOpen,
  noPmStep,
  personalPmDeadline,
  pmDeadlineEndsAt,
  reminderDue,
  SEAT_RELEASE_NOTICE_DAYS,
  submitTiming,
} from "@/lib/domain/pm/deadline";

const at = (iso: string) => new Date(iso);

// [the deadline day, its 00:00:00 local (UTC), its 23:59:59 local (UTC), the next day's 00:00:00 local (UTC)]
const DAYS = [
  ["winter (CET, UTC+1)", "2031-01-09", "2031-01-08T23:00:00Z", "2031-01-09T22:59:59Z", "2031-01-09T23:00:00Z"],
  ["summer (CEST, UTC+2)", "2031-06-15", "2031-06-14T22:00:00Z", "2031-06-15T21:59:59Z", "2031-06-15T22:00:00Z"],
  // Sunday 30 March 2031: clocks go 02:00 → 03:00, a 23-hour day that starts in CET and ends in CEST.
  ["spring change day (23 h)", "2031-03-30", "2031-03-29T23:00:00Z", "2031-03-30T21:59:59Z", "2031-03-30T22:00:00Z"],
  // Sunday 26 October 2031: clocks go 03:00 → 02:00, a 25-hour day that starts in CEST and ends in CET.
  ["autumn change day (25 h)", "2031-10-26", "2031-10-25T22:00:00Z", "2031-10-26T22:59:59Z", "2031-10-26T23:00:00Z"],
] as const;

describe.each(DAYS)("a deadline on a %s day: %s", (_name, deadline, startOfDay, lastSecond, nextMidnight) => {
  it("is open from the day's 00:00:00 local time through 23:59:59 local time", () => {
    expect(isPmOpen(deadline, at(startOfDay))).toBe(true);
    expect(isPmOpen(deadline, at(lastSecond))).toBe(true);
    expect(isPmOpen(deadline, new Date(at(lastSecond).getTime() + 999))).toBe(true);
    expect(pmDeadlineEndsAt(deadline).toISOString()).toBe(new Date(at(nextMidnight).getTime() - 1).toISOString());
  });

  it("is closed from 00:00:00 local time the next day", () => {
    expect(isPmOpen(deadline, at(nextMidnight))).toBe(false);
    expect(isPastDeadline(deadline, at(nextMidnight))).toBe(true);
    expect(isPastDeadline(deadline, at(lastSecond))).toBe(false);
  });

  it("submitting: on time at 23:59:59, TOO_LATE at 00:00:00 with the missed day", () => {
    expect(submitTiming(deadline, null, at(lastSecond))).toEqual({ onTime: true, lateWithExtension: false });
    expect(submitTiming(deadline, null, at(nextMidnight))).toEqual({ onTime: false, deadline });
  });
});

describe("an extension replaces the workshop's deadline for that person", () => {
  it("the person's deadline is the extension's day when there is one", () => {
    expect(personalPmDeadline("2031-01-09", null)).toBe("2031-01-09");
    expect(personalPmDeadline("2031-01-09", undefined)).toBe("2031-01-09");
    expect(personalPmDeadline("2031-01-09", "2031-01-16")).toBe("2031-01-16");
  });

  it.each(DAYS)("extended to a %s day (%s): on time through its 23:59:59, late at the next 00:00:00, and flagged late-with-extension", (_n, extended, startOfDay, lastSecond, nextMidnight) => {
    const workshopDeadline = "2030-12-20";
    expect(submitTiming(workshopDeadline, extended, at(startOfDay))).toEqual({ onTime: true, lateWithExtension: true });
    expect(submitTiming(workshopDeadline, extended, at(lastSecond))).toEqual({ onTime: true, lateWithExtension: true });
    expect(submitTiming(workshopDeadline, extended, at(nextMidnight))).toEqual({ onTime: false, deadline: extended });
  });

  it("submitted before the workshop's own deadline, a person with an extension is not late", () => {
    // Workshop deadline Thursday 9 January 2031 (winter); extension to the 16th.
    expect(submitTiming("2031-01-09", "2031-01-16", at("2031-01-09T22:59:59Z"))).toEqual({ onTime: true, lateWithExtension: false });
    expect(submitTiming("2031-01-09", "2031-01-16", at("2031-01-09T23:00:00Z"))).toEqual({ onTime: true, lateWithExtension: true });
  });
});

describe("reminders 7 days and 1 day before", () => {
  const deadline = "2031-01-09"; // winter: a Stockholm day starts at 23:00 UTC the day before
  it.each([
    ["9 days before", "2030-12-31T12:00:00Z", null],
    ["the evening before the 7-day mark (23:59:59 local)", "2031-01-01T22:59:59Z", null],
    ["7 days before, 00:00 local", "2031-01-01T23:00:00Z", 7],
    ["3 days before", "2031-01-06T10:00:00Z", 7],
    ["1 day before, 00:00 local", "2031-01-07T23:00:00Z", 1],
    ["the deadline day", "2031-01-09T12:00:00Z", 1],
    ["the last second of the deadline day", "2031-01-09T22:59:59Z", 1],
    ["after the deadline", "2031-01-09T23:00:00Z", null],
  ] as const)("%s → %s", (_label, iso, expected) => {
    expect(reminderDue(deadline, at(iso))).toBe(expected);
  });

  it("across the spring change: 7 days before a deadline on Sunday 6 April 2031 is Sunday 30 March, from 00:00 CET", () => {
    expect(reminderDue("2031-04-06", at("2031-03-29T22:59:59Z"))).toBeNull();
    expect(reminderDue("2031-04-06", at("2031-03-29T23:00:00Z"))).toBe(7);
  });
});

describe("the no-PM rule at the deadline", () => {
  it("KEEP_AS_PACKAGE keeps the booking at once, without a notice", () => {
    expect(noPmStep("KEEP_AS_PACKAGE", null, at("2031-01-10T05:00:00Z"))).toEqual({ kind: "KEEP" });
  });

  it(`RELEASE_SEAT gives notice first and releases the seat ${SEAT_RELEASE_NOTICE_DAYS} days later (Stockholm days)`, () => {
    expect(SEAT_RELEASE_NOTICE_DAYS).toBe(7);
    expect(noPmStep("RELEASE_SEAT", null, at("2031-01-10T05:00:00Z"))).toEqual({ kind: "NOTICE", releaseOn: "2031-01-17" });
    expect(noPmStep("RELEASE_SEAT", "2031-01-10", at("2031-01-16T22:59:59Z"))).toEqual({ kind: "WAIT", releaseOn: "2031-01-17" });
    expect(noPmStep("RELEASE_SEAT", "2031-01-10", at("2031-01-16T23:00:00Z"))).toEqual({ kind: "RELEASE", releaseOn: "2031-01-17" });
    expect(noPmStep("RELEASE_SEAT", "2031-01-10", at("2031-02-01T05:00:00Z"))).toEqual({ kind: "RELEASE", releaseOn: "2031-01-17" });
  });

  it("the notice day is the Stockholm day: 23:30 UTC on 9 January is already the 10th", () => {
    expect(noPmStep("RELEASE_SEAT", null, at("2031-01-09T23:30:00Z"))).toEqual({ kind: "NOTICE", releaseOn: "2031-01-17" });
  });
});
