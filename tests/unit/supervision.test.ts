import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  canTakeAnother,
  defaultSupervisionStart,
  earliestMeetingDay,
  meetingDateProblem,
  meetingProgress,
  SUPERVISION_RULES,
  supervisionNextStep,
  supervisionPeriod,
  supervisorLimit,
  type SupervisionProgress,
} from "@/lib/domain/supervision";
import { logMeetingInput, assignSupervisorInput } from "@/lib/server/supervision/input";

const base: SupervisionProgress = {
  status: "ACTIVE",
  startsOn: "2027-01-14",
  endsOn: "2027-06-14",
  plannedMeetings: 5,
  meetingsHeld: 1,
  followUpOn: "2027-12-09",
};

describe("supervisionNextStep", () => {
  it.each<[string, Partial<SupervisionProgress>, string, ReturnType<typeof supervisionNextStep>]>([
    ["before the start", { meetingsHeld: 0 }, "2027-01-13", { kind: "STARTS", on: "2027-01-14" }],
    ["before the planned start, a meeting already held", {}, "2027-01-13", { kind: "MEETING", number: 2, planned: 5 }],
    ["on the first day (inclusive)", { meetingsHeld: 0 }, "2027-01-14", { kind: "MEETING", number: 1, planned: 5 }],
    ["during the period", {}, "2027-03-01", { kind: "MEETING", number: 2, planned: 5 }],
    ["on the last day (inclusive)", {}, "2027-06-14", { kind: "MEETING", number: 2, planned: 5 }],
    ["after the period", {}, "2027-06-15", { kind: "CLOSE_PERIOD_OVER" }],
    ["all meetings held", { meetingsHeld: 5 }, "2027-05-01", { kind: "CLOSE_ALL_MEETINGS_HELD" }],
    ["more meetings than planned", { meetingsHeld: 6 }, "2027-05-01", { kind: "CLOSE_ALL_MEETINGS_HELD" }],
    ["completed, follow-up ahead", { status: "COMPLETED" }, "2027-07-01", { kind: "FOLLOW_UP", on: "2027-12-09" }],
    ["completed, follow-up on the day", { status: "COMPLETED" }, "2027-12-09", { kind: "FOLLOW_UP", on: "2027-12-09" }],
    ["completed, follow-up passed", { status: "COMPLETED" }, "2027-12-10", { kind: "DONE" }],
    ["completed, no follow-up day", { status: "COMPLETED", followUpOn: null }, "2027-07-01", { kind: "DONE" }],
    ["ended early", { status: "ENDED_EARLY" }, "2027-03-01", { kind: "ENDED_EARLY" }],
  ])("%s", (_case, change, today, expected) => {
    expect(supervisionNextStep({ ...base, ...change }, today)).toEqual(expected);
  });
});

describe("addCalendarMonths: calendar months, a missing day moves to the month's last", () => {
  it.each<[string, number, string]>([
    ["2027-01-14", 5, "2027-06-14"],
    ["2031-01-31", 1, "2031-02-28"],
    ["2032-01-31", 1, "2032-02-29"], // leap year
    ["2031-08-31", 1, "2031-09-30"],
    ["2031-03-31", 1, "2031-04-30"],
    ["2031-10-31", 4, "2032-02-29"],
    ["2031-09-30", 5, "2032-02-29"],
    ["2031-09-15", 5, "2032-02-15"], // over the new year
    ["2031-12-31", 2, "2032-02-29"],
    ["2031-02-28", 1, "2031-03-28"], // the day of the month is kept, not "end of month"
    ["2031-05-10", 0, "2031-05-10"],
    ["2031-05-10", -1, "2031-04-10"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it("refuses what is not a date or a whole number of months", () => {
    expect(() => addCalendarMonths("2031-1-5", 1)).toThrow();
    expect(() => addCalendarMonths("2031-01-05", 1.5)).toThrow();
  });
});

describe("supervisionPeriod", () => {
  it("lasts the workshop's supervisionMonths, five by default", () => {
    expect(SUPERVISION_RULES.months).toBe(5);
    expect(supervisionPeriod("2031-01-16")).toEqual({ startsOn: "2031-01-16", endsOn: "2031-06-16" });
    expect(supervisionPeriod("2031-01-31", 1)).toEqual({ startsOn: "2031-01-31", endsOn: "2031-02-28" });
    expect(supervisionPeriod("2031-08-31", 6)).toEqual({ startsOn: "2031-08-31", endsOn: "2032-02-29" });
  });
  it("refuses a period shorter than a month", () => {
    expect(() => supervisionPeriod("2031-01-16", 0)).toThrow();
  });
});

describe("defaultSupervisionStart", () => {
  it.each<[string, string, string]>([
    ["2031-01-16", "2030-11-20", "2031-01-16"], // the workshop is ahead: its first day
    ["2031-01-16", "2031-01-16", "2031-01-16"],
    ["2031-01-16", "2031-02-03", "2031-02-03"], // accepted after the start: today
  ])("workshop %s, today %s → %s", (workshop, today, expected) => {
    expect(defaultSupervisionStart(workshop, today)).toBe(expected);
  });
});

describe("the per-supervisor limit", () => {
  it("is the supervisor's own when set, otherwise the default of 8", () => {
    expect(SUPERVISION_RULES.limit).toBe(8);
    expect(supervisorLimit(null)).toBe(8);
    expect(supervisorLimit(undefined)).toBe(8);
    expect(supervisorLimit(3)).toBe(3);
    expect(supervisorLimit(0)).toBe(0);
  });
  it.each<[number, number, boolean]>([
    [0, 1, true],
    [7, 8, true],
    [8, 8, false],
    [9, 8, false],
    [0, 0, false],
  ])("%i active of limit %i → may take another: %s", (active, limit, expected) => {
    expect(canTakeAnother(active, limit)).toBe(expected);
  });
});

describe("meetingDateProblem: not after today, not more than a week before the start", () => {
  const period = { startsOn: "2031-01-16" };
  it.each<[string, string, ReturnType<typeof meetingDateProblem>]>([
    ["2031-02-10", "2031-02-10", null], // today
    ["2031-02-11", "2031-02-10", "meetingInFuture"],
    ["2031-01-16", "2031-02-10", null], // the first day
    ["2031-01-09", "2031-02-10", null], // exactly a week before
    ["2031-01-08", "2031-02-10", "meetingBeforeStart"],
    ["2031-07-01", "2031-07-02", null], // after the period's end: still a real meeting
    ["2031-01-10", "2031-01-10", null], // before the start, today
  ])("held %s, today %s → %s", (heldOn, today, expected) => {
    expect(meetingDateProblem(heldOn, period, today)).toBe(expected);
  });
  it("names the earliest day, across a month boundary", () => {
    expect(earliestMeetingDay("2031-03-03")).toBe("2031-02-24");
  });
});

describe("meetingProgress: held vs planned, and whether the pace keeps up", () => {
  const active = { status: "ACTIVE" as const, startsOn: "2031-01-01", endsOn: "2031-01-10", plannedMeetings: 5, meetingsHeld: 0 };
  it.each<[string, Partial<typeof active>, string, { expectedByNow: number; pace: string }]>([
    ["before the start, none held", {}, "2030-12-31", { expectedByNow: 0, pace: "NOT_STARTED" }],
    ["before the start, one held", { meetingsHeld: 1 }, "2030-12-31", { expectedByNow: 0, pace: "ON_TRACK" }],
    ["first day: none expected yet", {}, "2031-01-01", { expectedByNow: 0, pace: "ON_TRACK" }],
    ["second day: one expected", {}, "2031-01-02", { expectedByNow: 1, pace: "BEHIND" }],
    ["second day, one held", { meetingsHeld: 1 }, "2031-01-02", { expectedByNow: 1, pace: "ON_TRACK" }],
    ["half-way, two held", { meetingsHeld: 2 }, "2031-01-05", { expectedByNow: 2, pace: "ON_TRACK" }],
    ["half-way, one held", { meetingsHeld: 1 }, "2031-01-05", { expectedByNow: 2, pace: "BEHIND" }],
    ["last day, four held", { meetingsHeld: 4 }, "2031-01-10", { expectedByNow: 5, pace: "BEHIND" }],
    ["after the end", { meetingsHeld: 4 }, "2031-03-01", { expectedByNow: 5, pace: "BEHIND" }],
    ["all held", { meetingsHeld: 5 }, "2031-01-03", { expectedByNow: 5, pace: "ALL_HELD" }],
    ["more than planned", { meetingsHeld: 6 }, "2031-01-03", { expectedByNow: 5, pace: "ALL_HELD" }],
    ["completed with fewer", { status: "COMPLETED", meetingsHeld: 3 } as never, "2031-01-05", { expectedByNow: 5, pace: "CLOSED" }],
    ["ended early", { status: "ENDED_EARLY", meetingsHeld: 1 } as never, "2031-01-05", { expectedByNow: 5, pace: "CLOSED" }],
  ])("%s", (_case, change, today, expected) => {
    const s = { ...active, ...change };
    expect(meetingProgress(s, today)).toEqual({ held: s.meetingsHeld, planned: s.plannedMeetings, ...expected });
  });
});

describe("the forms' input", () => {
  const id = "c".repeat(25);
  it("a meeting needs a real day, a known form and a note of at most 1000 characters", () => {
    expect(logMeetingInput.safeParse({ supervisionId: id, heldOn: "2031-02-10", form: "VIDEO", note: " Bra träff. " }).data?.note).toBe("Bra träff.");
    const problems = (value: Record<string, unknown>) => {
      const r = logMeetingInput.safeParse({ supervisionId: id, heldOn: "2031-02-10", form: "VIDEO", note: "x", ...value });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(problems({ heldOn: "2031-02-30" })).toEqual(["heldOn:invalidDate"]);
    expect(problems({ heldOn: "10/2/2031" })).toContain("heldOn:invalidDate");
    expect(problems({ form: "EMAIL" })).toEqual(["form:invalidChoice"]);
    expect(problems({ note: "" })).toEqual(["note:required"]);
    expect(problems({ note: "x".repeat(1000) })).toEqual([]);
    expect(problems({ note: "x".repeat(1001) })).toEqual(["note:tooLong"]);
    expect(problems({ note: "rad ett\nrad två" })).toEqual([]);
    expect(problems({ note: "<script>" })).toEqual(["note:forbiddenCharacters"]);
  });
  it("an assignment needs planned meetings from 1 to 20", () => {
    const problems = (plannedMeetings: unknown) => {
      const r = assignSupervisorInput.safeParse({ pmId: id, supervisorId: id, startsOn: "2031-01-16", plannedMeetings });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(problems("5")).toEqual([]);
    expect(problems(0)).toEqual(["tooFewMeetings"]);
    expect(problems(21)).toEqual(["tooManyMeetings"]);
    expect(problems(2.5)).toEqual(["invalid"]);
  });
});
