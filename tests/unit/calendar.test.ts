import { describe, expect, it } from "vitest";
import { groupByStockholmMonth, paragraphs, seatsLeft, sessionAvailability, type SessionFacts } from "@/lib/domain/calendar";

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
