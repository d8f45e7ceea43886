import { describe, expect, it } from "vitest";
import {
  bumpYears,
  firstDayOf,
  NEXT_YEAR_SHIFT_DAYS,
  nextEdition,
  nextSlug,
  shiftKeepingStockholmClock,
  shiftWorkshopDates,
  slugify,
  uniqueSlug,
  validateWorkshopSettings,
  type WorkshopSettings,
} from "@/lib/domain/calendar-editor";
import { stockholmToInstant, toStockholmDate, toStockholmTime } from "@/lib/domain/time";

const HOUR = 3_600_000;

const valid: WorkshopSettings = {
  startsOn: "2031-09-11",
  endsOn: "2032-03-25",
  pmDeadline: "2031-09-05",
  cancellationDeadline: "2031-09-01",
  followUpOn: "2032-09-23",
  supervisionMonths: 5,
  holdMinutes: 30,
  waitlistOfferHours: 48,
  packageCapacity: 30,
  packagePriceMemberOre: 1_200_000,
  packagePriceNonMemberOre: 1_600_000,
  packageVatRateBp: 0,
  lateCancellationRefundPercent: 0,
};
const fresh = { packageSeatsTaken: 0, firstSessionStartsAt: null };
const keysOf = (errors: Record<string, { key: string }[]>) =>
  Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list.map((i) => i.key)]));

describe("validateWorkshopSettings", () => {
  it("accepts a sensible workshop", () => {
    expect(validateWorkshopSettings(valid, fresh)).toEqual({});
  });

  it("accepts an end on the start day and deadlines on the day before", () => {
    expect(
      validateWorkshopSettings({ ...valid, endsOn: valid.startsOn, pmDeadline: "2031-09-10", cancellationDeadline: "2031-09-10", followUpOn: valid.startsOn }, fresh),
    ).toEqual({});
  });

  it.each<[string, Partial<WorkshopSettings>, Record<string, string[]>]>([
    ["end before start", { endsOn: "2031-09-10" }, { endsOn: ["endsOnBeforeStartsOn"] }],
    ["PM deadline on the first day", { pmDeadline: "2031-09-11" }, { pmDeadline: ["deadlineNotBeforeStart"] }],
    ["cancellation day after the start", { cancellationDeadline: "2031-09-12" }, { cancellationDeadline: ["deadlineNotBeforeStart"] }],
    ["follow-up before the end", { followUpOn: "2032-03-24" }, { followUpOn: ["followUpBeforeEnd"] }],
    ["negative member price", { packagePriceMemberOre: -1 }, { packagePriceMemberOre: ["priceNegative"] }],
    ["half an öre", { packagePriceNonMemberOre: 100.5 }, { packagePriceNonMemberOre: ["priceWholeOre"] }],
    ["absurd price", { packagePriceMemberOre: 100_000_001 }, { packagePriceMemberOre: ["priceTooHigh"] }],
    ["VAT 7 %", { packageVatRateBp: 700 }, { packageVatRateBp: ["vatRate"] }],
    ["refund 101 %", { lateCancellationRefundPercent: 101 }, { lateCancellationRefundPercent: ["outOfRange"] }],
    ["refund −1 %", { lateCancellationRefundPercent: -1 }, { lateCancellationRefundPercent: ["outOfRange"] }],
    ["hold 2 minutes", { holdMinutes: 2 }, { holdMinutes: ["outOfRange"] }],
    ["hold two days", { holdMinutes: 2_880 }, { holdMinutes: ["outOfRange"] }],
    ["offer 0 hours", { waitlistOfferHours: 0 }, { waitlistOfferHours: ["outOfRange"] }],
    ["offer 1.5 hours", { waitlistOfferHours: 1.5 }, { waitlistOfferHours: ["wholeNumber"] }],
    ["supervision 0 months", { supervisionMonths: 0 }, { supervisionMonths: ["outOfRange"] }],
    ["supervision 25 months", { supervisionMonths: 25 }, { supervisionMonths: ["outOfRange"] }],
    ["negative capacity", { packageCapacity: -1 }, { packageCapacity: ["outOfRange"] }],
  ])("refuses %s", (_name, change, expected) => {
    expect(keysOf(validateWorkshopSettings({ ...valid, ...change }, fresh))).toEqual(expected);
  });

  it.each([0, 600, 1200, 2500])("accepts VAT %i bp", (rate) => {
    expect(validateWorkshopSettings({ ...valid, packageVatRateBp: rate }, fresh)).toEqual({});
  });

  it("accepts refund 0 and 100 % and free workshops", () => {
    expect(validateWorkshopSettings({ ...valid, lateCancellationRefundPercent: 100, packagePriceMemberOre: 0, packagePriceNonMemberOre: 0 }, fresh)).toEqual({});
  });

  it("keeps the package capacity at or above the seats already taken", () => {
    const context = { packageSeatsTaken: 12, firstSessionStartsAt: null };
    expect(validateWorkshopSettings({ ...valid, packageCapacity: 12 }, context)).toEqual({});
    expect(validateWorkshopSettings({ ...valid, packageCapacity: 11 }, context)).toEqual({
      packageCapacity: [{ key: "capacityBelowSeatsTaken", params: { seatsTaken: 12 } }],
    });
  });

  it("wants deadlines before a session that starts before the workshop's first day", () => {
    // A kick-off on 3 September, before the stated start on 11 September.
    const context = { packageSeatsTaken: 0, firstSessionStartsAt: stockholmToInstant("2031-09-03", "09:00") };
    const errors = validateWorkshopSettings(valid, context);
    expect(errors.pmDeadline).toEqual([{ key: "deadlineNotBeforeStart", params: { date: "2031-09-03" } }]);
    expect(errors.cancellationDeadline).toBeUndefined();
  });

  it("takes a session's day in Stockholm time: 00:30 on 11 September is 22:30 UTC on the 10th", () => {
    const sessionStart = stockholmToInstant("2031-09-11", "00:30");
    expect(sessionStart.toISOString()).toBe("2031-09-10T22:30:00.000Z");
    expect(firstDayOf(valid, sessionStart)).toBe("2031-09-11");
    expect(validateWorkshopSettings({ ...valid, pmDeadline: "2031-09-10" }, { packageSeatsTaken: 0, firstSessionStartsAt: sessionStart })).toEqual({});
  });

  it("reports every problem at once", () => {
    const errors = validateWorkshopSettings(
      { ...valid, endsOn: "2031-01-01", pmDeadline: "2031-12-01", packagePriceMemberOre: -5, packageVatRateBp: 1 },
      fresh,
    );
    expect(Object.keys(errors).sort()).toEqual(["endsOn", "packagePriceMemberOre", "packageVatRateBp", "pmDeadline"]);
  });
});

/** Stockholm date and clock of an instant, "YYYY-MM-DD HH:mm". */
const wall = (instant: Date) => `${toStockholmDate(instant)} ${toStockholmTime(instant)}`;
const offsetHours = (instant: Date) => {
  const [date, time] = wall(instant).split(" ") as [string, string];
  return (new Date(`${date}T${time}:00Z`).getTime() - instant.getTime()) / HOUR;
};

describe("shiftKeepingStockholmClock", () => {
  it("moves 52 weeks by default, so the weekday stays", () => {
    const friday = stockholmToInstant("2031-03-28", "09:00");
    const shifted = shiftKeepingStockholmClock(friday, NEXT_YEAR_SHIFT_DAYS);
    expect(wall(shifted)).toBe("2032-03-26 09:00");
    expect(new Date(`${toStockholmDate(shifted)}T12:00:00Z`).getUTCDay()).toBe(5);
  });

  it("keeps 09:00 when a winter day becomes a summer day (October 2031 → 2032)", () => {
    // Monday 27 October 2031 is after the change to winter time (26 October); Monday 25 October 2032
    // is before it (31 October), so the offset goes from +1 to +2.
    const winter = stockholmToInstant("2031-10-27", "09:00");
    expect(winter.toISOString()).toBe("2031-10-27T08:00:00.000Z");
    const shifted = shiftKeepingStockholmClock(winter, 364);
    expect(wall(shifted)).toBe("2032-10-25 09:00");
    expect(shifted.toISOString()).toBe("2032-10-25T07:00:00.000Z");
    expect([offsetHours(winter), offsetHours(shifted)]).toEqual([1, 2]);
    // Adding 364 × 24 hours would have given 10:00.
    expect(wall(new Date(winter.getTime() + 364 * 24 * HOUR))).toBe("2032-10-25 10:00");
  });

  it("keeps 09:00 when a summer day becomes a winter day (March 2029 → 2030)", () => {
    // Tuesday 27 March 2029 is summer time (since 25 March); Tuesday 26 March 2030 is still winter time (until 31 March).
    const summer = stockholmToInstant("2029-03-27", "09:00");
    const shifted = shiftKeepingStockholmClock(summer, 364);
    expect(wall(shifted)).toBe("2030-03-26 09:00");
    expect([offsetHours(summer), offsetHours(shifted)]).toEqual([2, 1]);
  });

  it("keeps a late-evening session on its day across the offset change", () => {
    // Friday 31 October 2031 23:30 (UTC+1) → Friday 29 October 2032 23:30 (UTC+2).
    const late = stockholmToInstant("2031-10-31", "23:30");
    const shifted = shiftKeepingStockholmClock(late, 364);
    expect(wall(shifted)).toBe("2032-10-29 23:30");
    expect(shifted.toISOString()).toBe("2032-10-29T21:30:00.000Z");
    // A fixed 364 days of hours would have moved it past midnight, to the Saturday.
    expect(wall(new Date(late.getTime() + 364 * 24 * HOUR))).toBe("2032-10-30 00:30");
  });

  it("keeps a session just after midnight on its day the other way too", () => {
    const early = stockholmToInstant("2029-03-27", "00:15");
    expect(wall(shiftKeepingStockholmClock(early, 364))).toBe("2030-03-26 00:15");
  });

  it("moves across a change within the same year by any number of days, both ways", () => {
    const winter = stockholmToInstant("2031-03-28", "09:00");
    expect(wall(shiftKeepingStockholmClock(winter, 7))).toBe("2031-04-04 09:00");
    expect(wall(shiftKeepingStockholmClock(stockholmToInstant("2031-04-04", "09:00"), -7))).toBe("2031-03-28 09:00");
    expect(wall(shiftKeepingStockholmClock(stockholmToInstant("2031-10-24", "13:15"), 3))).toBe("2031-10-27 13:15");
  });

  it("keeps seconds and milliseconds", () => {
    const instant = new Date(stockholmToInstant("2031-10-27", "09:00").getTime() + 12_345);
    expect(shiftKeepingStockholmClock(instant, 364).toISOString()).toBe("2032-10-25T07:00:12.345Z");
  });

  it("keeps a repeated autumn time, and moves a time in the spring gap forward as clocks do", () => {
    // 02:30 on Sunday 26 October 2031 happens twice; 364 days later, Sunday 24 October 2032, once.
    expect(wall(shiftKeepingStockholmClock(stockholmToInstant("2031-10-26", "02:30"), 364))).toBe("2032-10-24 02:30");
    expect(wall(shiftKeepingStockholmClock(stockholmToInstant("2031-03-29", "02:30"), 364))).toBe("2032-03-27 02:30");
    // 02:30 on Sunday 28 March 2032 does not exist (clocks jump from 02:00 to 03:00).
    expect(wall(shiftKeepingStockholmClock(stockholmToInstant("2031-03-27", "02:30"), 367))).toBe("2032-03-28 03:30");
  });
});

describe("shiftWorkshopDates", () => {
  it("moves every date by whole days and every session to the same Stockholm clock", () => {
    const sessions = [
      { id: "g1", startsAt: stockholmToInstant("2031-09-11", "09:00"), endsAt: stockholmToInstant("2031-09-11", "16:00") },
      { id: "l1", startsAt: stockholmToInstant("2031-10-27", "13:00"), endsAt: stockholmToInstant("2031-10-27", "16:00") },
      { id: "l2", startsAt: stockholmToInstant("2032-03-25", "18:30"), endsAt: stockholmToInstant("2032-03-25", "23:45") },
    ];
    const result = shiftWorkshopDates(valid, sessions);
    expect(result.workshop).toEqual({
      startsOn: "2032-09-09",
      endsOn: "2033-03-24",
      pmDeadline: "2032-09-03",
      cancellationDeadline: "2032-08-30",
      followUpOn: "2033-09-22",
    });
    expect(result.sessions.map((s) => [s.id, wall(s.startsAt), wall(s.endsAt)])).toEqual([
      ["g1", "2032-09-09 09:00", "2032-09-09 16:00"],
      ["l1", "2032-10-25 13:00", "2032-10-25 16:00"],
      ["l2", "2033-03-24 18:30", "2033-03-24 23:45"],
    ]);
    // The input is not changed.
    expect(wall(sessions[1]!.startsAt)).toBe("2031-10-27 13:00");
  });

  it("keeps a missing follow-up day missing and takes another number of days", () => {
    expect(shiftWorkshopDates({ ...valid, followUpOn: null }, [], 7).workshop).toMatchObject({ startsOn: "2031-09-18", followUpOn: null });
  });
});

describe("next edition names", () => {
  it.each([
    ["2026/27", "2027/28"],
    ["2031/32", "2032/33"],
    ["2099/00", "2100/01"],
    ["2026/2027", "2027/2028"],
    ["2026-27", "2027-28"],
    ["2031", "2032"],
    ["HT 2031", "HT 2032"],
  ])("%s → %s", (edition, next) => {
    expect(nextEdition(edition)).toBe(next);
  });

  it("has no next edition without a year", () => {
    expect(nextEdition("Höstens omgång")).toBeNull();
  });

  it("moves years in titles and leaves other numbers", () => {
    expect(bumpYears("Förbättringsverkstad 2031/32, del 2 av 12")).toBe("Förbättringsverkstad 2032/33, del 2 av 12");
  });

  it.each([
    ["verkstad-2031-32", "2032/33", "verkstad-2032-33"],
    ["forbattringsverkstad-2031", "2032", "forbattringsverkstad-2032"],
    ["verkstad", "2032/33", "verkstad-2032-33"],
    ["verkstad", "Våren", "verkstad-varen"],
  ])("slug %s with edition %s → %s", (slug, edition, next) => {
    expect(nextSlug(slug, edition)).toBe(next);
  });

  it("slugifies Swedish text", () => {
    expect(slugify("Förbättringsverkstad Höst 2032/33!")).toBe("forbattringsverkstad-host-2032-33");
  });

  it("finds a free slug", () => {
    expect(uniqueSlug("a", new Set())).toBe("a");
    expect(uniqueSlug("a", new Set(["a", "a-2"]))).toBe("a-3");
  });
});
