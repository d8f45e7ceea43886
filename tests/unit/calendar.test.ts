import { describe, expect, it } from "vitest";
import {
  addMonths,
  adjacentMonths,
  frontPageMonths,
  groupByStockholmMonth,
  hasMonthPage,
  isMonthKey,
  monthsBetween,
  paragraphs,
  seatsLeft,
  sessionAvailability,
  splitFrontPage,
  type SessionFacts,
} from "@/lib/domain/calendar";

const at = (iso: string) => new Date(iso);

describe("seatsLeft", () => {
  it.each([
    [30, 0, 30],
    [30, 29, 1],
    [30, 30, 0],
    // A capacity lowered below what is already taken shows as full, never as a negative number.
    [20, 25, 0],
  ])("capacity %i with %i taken leaves %i", (capacity, taken, left) => {
    expect(seatsLeft(capacity, taken)).toBe(left);
  });
});

describe("sessionAvailability", () => {
  const now = at("2026-10-13T10:00:00Z");
  const base: SessionFacts = { status: "PUBLISHED", endsAt: at("2026-10-13T10:00:01Z"), capacity: 10, seatsTaken: 3 };
  it.each<[string, Partial<SessionFacts>, ReturnType<typeof sessionAvailability>]>([
    ["open with seats left", {}, "open"],
    ["full when no seat is left", { seatsTaken: 10 }, "full"],
    ["past the moment it ends", { endsAt: now }, "past"],
    ["past even when it was full", { endsAt: at("2026-10-01T00:00:00Z"), seatsTaken: 10 }, "past"],
    ["cancelled before it happens", { status: "CANCELLED" }, "cancelled"],
    ["still cancelled after it would have happened", { status: "CANCELLED", endsAt: at("2026-10-01T00:00:00Z") }, "cancelled"],
  ])("%s", (_label, change, expected) => {
    expect(sessionAvailability({ ...base, ...change }, now)).toBe(expected);
  });
});

describe("groupByStockholmMonth", () => {
  it("puts a session in the Stockholm month it starts in, across both DST offsets", () => {
    const items = [
      { id: "oct-first-0030-cest", startsAt: at("2026-09-30T22:30:00Z") },
      { id: "sep-last-2330-cest", startsAt: at("2026-09-30T21:30:00Z") },
      { id: "nov-first-0030-cet", startsAt: at("2026-10-31T23:30:00Z") },
      { id: "oct-last-2330-cet", startsAt: at("2026-10-31T22:30:00Z") },
      { id: "jan-first-0000-cet", startsAt: at("2026-12-31T23:00:00Z") },
    ];
    expect(groupByStockholmMonth(items).map((g) => [g.monthKey, g.items.map((i) => i.id)])).toEqual([
      ["2026-09", ["sep-last-2330-cest"]],
      ["2026-10", ["oct-first-0030-cest", "oct-last-2330-cet"]],
      ["2026-11", ["nov-first-0030-cet"]],
      ["2027-01", ["jan-first-0000-cet"]],
    ]);
  });

  it("orders by time and keeps the given order for equal times", () => {
    const items = [
      { id: "b", startsAt: at("2026-10-13T07:00:00Z") },
      { id: "a", startsAt: at("2026-10-02T07:00:00Z") },
      { id: "c", startsAt: at("2026-10-13T07:00:00Z") },
    ];
    expect(groupByStockholmMonth(items)[0]?.items.map((i) => i.id)).toEqual(["a", "b", "c"]);
  });

  it("gives nothing for nothing", () => {
    expect(groupByStockholmMonth([])).toEqual([]);
  });
});

describe("paragraphs", () => {
  it.each<[string | null, string[]]>([
    [null, []],
    ["", []],
    ["  \n\n ", []],
    ["Ett stycke.", ["Ett stycke."]],
    ["Första.\n\nAndra.", ["Första.", "Andra."]],
    ["Rad ett\nrad två\r\n\r\nNytt stycke", ["Rad ett\nrad två", "Nytt stycke"]],
    ["A.\n \n\n B.", ["A.", "B."]],
  ])("%j", (text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });
});

describe("the month window", () => {
  // 23:30 on 31 October 2031 in Stockholm (CET): still October there, already November nowhere.
  const lateOctober = at("2031-10-31T22:30:00Z");
  // 00:30 on 1 November 2031 in Stockholm: November there, still October in UTC.
  const earlyNovember = at("2031-10-31T23:30:00Z");

  it.each([
    ["2031-01", true],
    ["2031-12", true],
    ["0999-01", true],
    ["2031-00", false],
    ["2031-13", false],
    ["2031-1", false],
    ["31-01", false],
    ["2031-01-01", false],
    [" 2031-01", false],
    ["2031-01\n", false],
    ["abcd-ef", false],
    ["", false],
  ])("isMonthKey(%j) is %s", (key, valid) => {
    expect(isMonthKey(key)).toBe(valid);
  });

  it("counts months across year ends, both ways", () => {
    expect(addMonths("2031-11", 1)).toBe("2031-12");
    expect(addMonths("2031-12", 1)).toBe("2032-01");
    expect(addMonths("2031-01", -1)).toBe("2030-12");
    expect(addMonths("2031-10", 27)).toBe("2034-01");
    expect(addMonths("2031-10", 0)).toBe("2031-10");
    expect(monthsBetween("2031-10", "2032-01")).toBe(3);
    expect(monthsBetween("2032-01", "2031-10")).toBe(-3);
    expect(() => addMonths("2031-13", 1)).toThrow();
  });

  it("puts the current Stockholm month and the next two on the front page", () => {
    expect(frontPageMonths(at("2031-06-15T10:00:00Z"))).toEqual(["2031-06", "2031-07", "2031-08"]);
    expect(frontPageMonths(at("2031-11-20T10:00:00Z"))).toEqual(["2031-11", "2031-12", "2032-01"]);
    // The month is Stockholm's, not UTC's.
    expect(frontPageMonths(lateOctober)).toEqual(["2031-10", "2031-11", "2031-12"]);
    expect(frontPageMonths(earlyNovember)).toEqual(["2031-11", "2031-12", "2032-01"]);
  });

  it("has a page for each month from the current one up to 24 months ahead, and for nothing else", () => {
    const now = at("2031-06-15T10:00:00Z");
    expect(hasMonthPage("2031-06", now)).toBe(true);
    expect(hasMonthPage("2031-09", now)).toBe(true);
    expect(hasMonthPage("2033-05", now)).toBe(true);
    expect(hasMonthPage("2033-06", now)).toBe(false);
    expect(hasMonthPage("2031-05", now)).toBe(false);
    expect(hasMonthPage("2031-13", now)).toBe(false);
    expect(hasMonthPage("juni", now)).toBe(false);
    expect(hasMonthPage("2031-10", lateOctober)).toBe(true);
    expect(hasMonthPage("2031-10", earlyNovember)).toBe(false);
  });

  it("links a month page to the months before and after that have a page", () => {
    const now = at("2031-06-15T10:00:00Z");
    expect(adjacentMonths("2031-06", now)).toEqual({ previous: null, next: "2031-07" });
    expect(adjacentMonths("2031-12", now)).toEqual({ previous: "2031-11", next: "2032-01" });
    expect(adjacentMonths("2033-05", now)).toEqual({ previous: "2033-04", next: null });
  });

  it("splits the calendar into the front page's months and links to the later ones", () => {
    const month = (monthKey: string, count: number) => ({ monthKey, items: Array.from({ length: count }, (_, i) => i) });
    const months = [month("2031-05", 1), month("2031-06", 2), month("2031-08", 3), month("2031-09", 4), month("2032-02", 5), month("2033-06", 6)];
    const { front, later } = splitFrontPage(months, at("2031-06-15T10:00:00Z"));
    // A session that began last month and has not ended is still shown; months past the horizon have no page yet.
    expect(front.map((m) => m.monthKey)).toEqual(["2031-05", "2031-06", "2031-08"]);
    expect(later).toEqual([
      { monthKey: "2031-09", count: 4 },
      { monthKey: "2032-02", count: 5 },
    ]);
    expect(splitFrontPage([], at("2031-06-15T10:00:00Z"))).toEqual({ front: [], later: [] });
  });
});
