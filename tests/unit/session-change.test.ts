import { describe, expect, it } from "vitest";
import { classifySessionChange, recentChangesSince, sessionChangeDedupeKey, type SessionState } from "@/lib/domain/session-change";
import { stockholmToInstant } from "@/lib/domain/time";

const base: SessionState = {
  startsAt: stockholmToInstant("2031-02-04", "09:00"),
  endsAt: stockholmToInstant("2031-02-04", "12:00"),
  venueId: "venue-a",
  status: "PUBLISHED",
};
const moved = (patch: Partial<SessionState>): SessionState => ({ ...base, ...patch });

describe("classifySessionChange", () => {
  it.each([
    ["start moved", moved({ startsAt: stockholmToInstant("2031-02-04", "10:00") }), { kind: "TIME", timeChanged: true, venueChanged: false }],
    ["end moved", moved({ endsAt: stockholmToInstant("2031-02-04", "12:30") }), { kind: "TIME", timeChanged: true, venueChanged: false }],
    ["other day", moved({ startsAt: stockholmToInstant("2031-02-05", "09:00"), endsAt: stockholmToInstant("2031-02-05", "12:00") }), { kind: "TIME", timeChanged: true, venueChanged: false }],
    ["venue", moved({ venueId: "venue-b" }), { kind: "VENUE", timeChanged: false, venueChanged: true }],
    ["time and venue", moved({ venueId: "venue-b", startsAt: stockholmToInstant("2031-02-04", "08:00") }), { kind: "TIME", timeChanged: true, venueChanged: true }],
    ["cancelled", moved({ status: "CANCELLED" }), { kind: "CANCELLED", timeChanged: false, venueChanged: false }],
    ["cancelled and moved", moved({ status: "CANCELLED", venueId: "venue-b" }), { kind: "CANCELLED", timeChanged: false, venueChanged: true }],
  ] as const)("a published session: %s", (_, after, expected) => {
    expect(classifySessionChange(base, after)).toEqual(expected);
  });

  it("says nothing when nothing that people are told about changed (same instants as new Date objects)", () => {
    expect(classifySessionChange(base, { ...base, startsAt: new Date(base.startsAt.getTime()), endsAt: new Date(base.endsAt.getTime()) })).toBeNull();
  });

  it("says nothing about a draft, whatever changes, also when it is published or cancelled", () => {
    const draft = moved({ status: "DRAFT" });
    expect(classifySessionChange(draft, moved({ status: "DRAFT", venueId: "venue-b" }))).toBeNull();
    expect(classifySessionChange(draft, moved({ status: "PUBLISHED", startsAt: stockholmToInstant("2031-02-04", "10:00") }))).toBeNull();
    expect(classifySessionChange(draft, moved({ status: "CANCELLED" }))).toBeNull();
  });

  it("says nothing about a session that was already cancelled, or one moved back to draft", () => {
    expect(classifySessionChange(moved({ status: "CANCELLED" }), moved({ status: "CANCELLED", venueId: "venue-b" }))).toBeNull();
    expect(classifySessionChange(base, moved({ status: "DRAFT", venueId: "venue-b" }))).toBeNull();
  });
});

describe("recent changes and dedupe keys", () => {
  it("looks back 60 days", () => {
    expect(recentChangesSince(new Date("2031-03-02T12:00:00Z")).toISOString()).toBe("2031-01-01T12:00:00.000Z");
  });
  it("is one key per change and person", () => {
    expect(sessionChangeDedupeKey("c1", "p1")).toBe("session-change:c1:p1");
    expect(sessionChangeDedupeKey("c1", "p2")).not.toBe(sessionChangeDedupeKey("c1", "p1"));
  });
});
