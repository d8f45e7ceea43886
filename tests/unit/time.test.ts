import { describe, expect, it } from "vitest";
import {
  addDays,
  dateColumnToLocalDate,
  endOfStockholmDay,
  formatLocalDate,
  formatMonth,
  formatStockholmDate,
  formatStockholmTimeRange,
  isOnOrBeforeDeadline,
  localDateToDateColumn,
  startOfStockholmDay,
  stockholmMonthKey,
  stockholmToInstant,
  TimeError,
  toStockholmDate,
  toStockholmTime,
} from "@/lib/domain/time";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("stockholmToInstant", () => {
  it.each([
    // winter time (CET, UTC+1) and summer time (CEST, UTC+2)
    ["2027-01-14", "09:00", "2027-01-14T08:00:00.000Z"],
    ["2026-09-13", "09:00", "2026-09-13T07:00:00.000Z"],
    ["2026-12-31", "23:59:59", "2026-12-31T22:59:59.000Z"],
    ["2026-07-01", "00:00", "2026-06-30T22:00:00.000Z"],
    // spring forward, Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST
    ["2026-03-29", "01:59", "2026-03-29T00:59:00.000Z"],
    ["2026-03-29", "03:00", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"], // does not exist: moves forward to 03:30 CEST
    // fall back, Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET
    ["2026-10-25", "01:59", "2026-10-24T23:59:00.000Z"],
    ["2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"], // happens twice: the first (summer time)
    ["2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"],
    // 2027 changes: 28 March and 31 October
    ["2027-03-28", "12:00", "2027-03-28T10:00:00.000Z"],
    ["2027-10-31", "12:00", "2027-10-31T11:00:00.000Z"],
  ])("%s %s Stockholm is %s", (date, time, iso) => {
    expect(stockholmToInstant(date, time).toISOString()).toBe(iso);
  });

  it.each([["2026-02-30"], ["2026-13-01"], ["7 sept"], [""]])("refuses the date %j", (date) => {
    expect(() => stockholmToInstant(date, "09:00")).toThrow(TimeError);
  });

  it.each([["24:00"], ["12:60"], ["9"], ["09:00:60"]])("refuses the time %j", (time) => {
    expect(() => stockholmToInstant("2026-09-07", time)).toThrow(TimeError);
  });
});

describe("Stockholm days", () => {
  it.each([
    // [day, first instant, last instant, hours in the day]
    ["2026-09-07", "2026-09-06T22:00:00.000Z", "2026-09-07T21:59:59.999Z", 24],
    ["2026-12-07", "2026-12-06T23:00:00.000Z", "2026-12-07T22:59:59.999Z", 24],
    ["2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T21:59:59.999Z", 23],
    ["2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T22:59:59.999Z", 25],
    ["2026-12-31", "2026-12-30T23:00:00.000Z", "2026-12-31T22:59:59.999Z", 24],
  ])("%s runs from %s to %s (%i h)", (day, first, last, hours) => {
    const start = startOfStockholmDay(day);
    const end = endOfStockholmDay(day);
    expect(start.toISOString()).toBe(first);
    expect(end.toISOString()).toBe(last);
    expect((end.getTime() + 1 - start.getTime()) / HOUR).toBe(hours);
  });

  it("adds calendar days across month and year ends and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("inclusive deadline (on time until 23:59:59 Stockholm time)", () => {
  it.each([
    // summer time: PM by 7 September 2026
    ["2026-09-07", "2026-09-07T21:59:59.000Z", true], // 23:59:59 local
    ["2026-09-07", "2026-09-07T21:59:59.999Z", true],
    ["2026-09-07", "2026-09-07T22:00:00.000Z", false], // 00:00:00 the day after
    ["2026-09-07", "2026-09-06T22:00:00.000Z", true], // 00:00:00 on the day
    // winter time
    ["2027-01-08", "2027-01-08T22:59:59.000Z", true],
    ["2027-01-08", "2027-01-08T23:00:00.000Z", false],
    // the DST change days themselves
    ["2026-03-29", "2026-03-29T21:59:59.000Z", true],
    ["2026-03-29", "2026-03-29T22:00:00.000Z", false],
    ["2026-10-25", "2026-10-25T22:59:59.000Z", true],
    ["2026-10-25", "2026-10-25T23:00:00.000Z", false],
  ])("deadline %s, now %s → on time: %s", (deadline, now, expected) => {
    expect(isOnOrBeforeDeadline(deadline, at(now))).toBe(expected);
  });
});

describe("reading instants in Stockholm", () => {
  it.each([
    ["2026-09-30T22:30:00.000Z", "2026-10-01", "00:30", "2026-10"],
    ["2026-12-31T23:00:00.000Z", "2027-01-01", "00:00", "2027-01"],
    ["2026-12-31T22:59:59.000Z", "2026-12-31", "23:59", "2026-12"],
    ["2026-10-25T00:30:00.000Z", "2026-10-25", "02:30", "2026-10"],
    ["2026-10-25T01:30:00.000Z", "2026-10-25", "02:30", "2026-10"],
  ])("%s is %s %s in Stockholm (month %s)", (iso, date, time, month) => {
    expect(toStockholmDate(at(iso))).toBe(date);
    expect(toStockholmTime(at(iso))).toBe(time);
    expect(stockholmMonthKey(at(iso))).toBe(month);
  });

  it("round-trips PostgreSQL date columns without a time-zone shift", () => {
    expect(dateColumnToLocalDate(localDateToDateColumn("2026-09-07"))).toBe("2026-09-07");
    expect(localDateToDateColumn("2026-09-07").toISOString()).toBe("2026-09-07T00:00:00.000Z");
  });
});

describe("formatting for people", () => {
  const start = at("2027-01-14T08:00:00Z");
  const end = at("2027-01-14T15:00:00Z");
  it("writes dates in Swedish and English", () => {
    expect(formatStockholmDate(start, "sv")).toBe("torsdag 14 januari 2027");
    expect(formatStockholmDate(start, "en")).toMatch(/^Thursday,? 14 January 2027$/);
    expect(formatLocalDate("2026-09-07", "sv")).toBe("7 september 2026");
    expect(formatLocalDate("2026-09-07", "en")).toBe("7 September 2026");
    expect(formatMonth("2027-01", "sv")).toBe("januari 2027");
    expect(formatMonth("2027-01", "en")).toBe("January 2027");
  });

  it("writes Swedish clock times with a point (Språkrådet) and English ones with a colon", () => {
    expect(formatStockholmTimeRange(start, end, "sv")).toBe("09.00–16.00");
    expect(formatStockholmTimeRange(start, end, "en")).toBe("09:00–16:00");
    // summer time: the same UTC hour is an hour later on the wall
    expect(formatStockholmTimeRange(at("2027-05-20T07:00:00Z"), at("2027-05-20T10:00:00Z"), "sv")).toBe("09.00–12.00");
  });
});
