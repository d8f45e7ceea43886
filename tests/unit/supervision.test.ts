import { describe, expect, it } from "vitest";
import { supervisionNextStep, type SupervisionProgress } from "@/lib/domain/supervision";

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
