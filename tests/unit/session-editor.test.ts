import { describe, expect, it } from "vitest";
import {
  canPublishSession,
  checkSessionRules,
  isVatRateBp,
  needsAnnouncement,
  nextGatheringNumber,
  normaliseClock,
  oreToKronorText,
  parseKronor,
  sessionMachine,
  sessionTimes,
  slugFromTitle,
  stockholmInstant,
  uniqueSlug,
} from "@/lib/domain/session-editor";
import { stockholmToInstant } from "@/lib/domain/time";

describe("parseKronor", () => {
  it.each([
    ["1200", 120_000],
    ["1 200", 120_000],
    ["1\u00a0200,50", 120_050],
    ["1200.5", 120_050],
    ["0", 0],
    ["1 900 kr", 190_000],
    [" 12,05 ", 1_205],
  ])("%j is %i öre", (text, ore) => {
    expect(parseKronor(text)).toEqual({ ok: true, ore });
  });

  it.each([
    ["-100", "negativePrice"],
    ["−5", "negativePrice"],
    ["", "required"],
    ["abc", "invalidPrice"],
    ["12,345", "invalidPrice"],
    ["1.200,50", "invalidPrice"],
    ["99999999", "invalidPrice"],
  ])("refuses %j (%s)", (text, key) => {
    expect(parseKronor(text)).toEqual({ ok: false, issue: { key } });
  });

  it("round-trips what the form shows", () => {
    for (const ore of [0, 5, 120_000, 120_050, 1_205]) {
      const parsed = parseKronor(oreToKronorText(ore));
      expect(parsed.ok && parsed.ore).toBe(ore);
    }
  });
});

describe("Stockholm times", () => {
  it("normalises clock times", () => {
    expect(normaliseClock("9:00")).toBe("09:00");
    expect(normaliseClock("09.30")).toBe("09:30");
    expect(normaliseClock("1330")).toBe("13:30");
    expect(normaliseClock("24:00")).toBeNull();
    expect(normaliseClock("noon")).toBeNull();
  });

  it("turns a summer and a winter wall-clock time into the right instant", () => {
    const summer = stockholmInstant({ date: "2031-10-02", time: "09:00" });
    const winter = stockholmInstant({ date: "2031-12-02", time: "09:00" });
    expect(summer.ok && summer.instant.toISOString()).toBe("2031-10-02T07:00:00.000Z");
    expect(winter.ok && winter.instant.toISOString()).toBe("2031-12-02T08:00:00.000Z");
  });

  it("refuses a time in the spring-forward gap (2031-03-30 02:00–02:59) instead of moving it", () => {
    expect(stockholmInstant({ date: "2031-03-30", time: "02:30" })).toEqual({
      ok: false,
      field: "time",
      issue: { key: "nonexistentTime", params: { time: "02:30", date: "2031-03-30" } },
    });
    const after = stockholmInstant({ date: "2031-03-30", time: "03:00" });
    expect(after.ok && after.instant.toISOString()).toBe("2031-03-30T01:00:00.000Z");
  });

  it("takes the first (summer-time) 02:30 on the autumn night", () => {
    const repeated = stockholmInstant({ date: "2031-10-26", time: "02:30" });
    expect(repeated.ok && repeated.instant.toISOString()).toBe("2031-10-26T00:30:00.000Z");
  });

  it("refuses dates that do not exist or are written otherwise", () => {
    expect(stockholmInstant({ date: "2031-02-30", time: "09:00" })).toMatchObject({ ok: false, field: "date", issue: { key: "invalidDate" } });
    expect(stockholmInstant({ date: "2/10/2031", time: "09:00" })).toMatchObject({ ok: false, field: "date" });
    expect(stockholmInstant({ date: "2031-10-02", time: "25:00" })).toMatchObject({ ok: false, field: "time", issue: { key: "invalidTime" } });
  });

  it("ends on the start day when no end date is given; the end must be after the start", () => {
    const same = sessionTimes({ startDate: "2031-10-02", startTime: "09:00", endDate: "", endTime: "12:00" });
    expect(same).toEqual({ ok: true, times: { startsAt: stockholmToInstant("2031-10-02", "09:00"), endsAt: stockholmToInstant("2031-10-02", "12:00") } });
    const twoDays = sessionTimes({ startDate: "2031-10-02", startTime: "13:00", endDate: "2031-10-03", endTime: "12:00" });
    expect(twoDays.ok).toBe(true);
    expect(sessionTimes({ startDate: "2031-10-02", startTime: "12:00", endTime: "12:00" })).toEqual({ ok: false, issues: { endTime: [{ key: "endBeforeStart" }] } });
    expect(sessionTimes({ startDate: "2031-10-02", startTime: "13:00", endTime: "12:00" })).toEqual({ ok: false, issues: { endTime: [{ key: "endBeforeStart" }] } });
  });

  it("reports a bad start date once, and each bad time at its field", () => {
    expect(sessionTimes({ startDate: "x", startTime: "y", endDate: "", endTime: "z" })).toEqual({
      ok: false,
      issues: { startDate: [{ key: "invalidDate" }], startTime: [{ key: "invalidTime" }], endTime: [{ key: "invalidTime" }] },
    });
  });
});

describe("session rules", () => {
  const workshop = { startsOn: "2031-09-11", endsOn: "2032-03-18" };
  const at = (date: string, time: string) => stockholmToInstant(date, time);

  it("accepts a session on the workshop's first and last day (Stockholm dates)", () => {
    expect(checkSessionRules({ startsAt: at("2031-09-11", "00:30"), endsAt: at("2031-09-11", "03:00"), capacity: 1, seatsTaken: 0, workshop })).toEqual({});
    expect(checkSessionRules({ startsAt: at("2032-03-18", "22:00"), endsAt: at("2032-03-18", "23:59"), capacity: 10, seatsTaken: 10, workshop })).toEqual({});
  });

  it("refuses a session outside the workshop's days", () => {
    const before = checkSessionRules({ startsAt: at("2031-09-10", "23:30"), endsAt: at("2031-09-11", "01:00"), capacity: 5, seatsTaken: 0, workshop });
    expect(before).toEqual({ startDate: [{ key: "outsideWorkshop", params: { from: "2031-09-11", to: "2032-03-18" } }] });
    const after = checkSessionRules({ startsAt: at("2032-03-18", "22:00"), endsAt: at("2032-03-19", "01:00"), capacity: 5, seatsTaken: 0, workshop });
    expect(after.startDate?.[0]?.key).toBe("outsideWorkshop");
  });

  it("needs a capacity of at least 1 and at least the seats taken", () => {
    const base = { startsAt: at("2031-10-02", "09:00"), endsAt: at("2031-10-02", "12:00"), workshop };
    expect(checkSessionRules({ ...base, capacity: 0, seatsTaken: 0 })).toEqual({ capacity: [{ key: "capacityTooSmall" }] });
    expect(checkSessionRules({ ...base, capacity: 4, seatsTaken: 5 })).toEqual({ capacity: [{ key: "capacityBelowSeatsTaken", params: { seatsTaken: 5 } }] });
    expect(checkSessionRules({ ...base, capacity: 5, seatsTaken: 5 })).toEqual({});
  });

  it("knows the VAT rates", () => {
    expect([0, 600, 1200, 2500].every(isVatRateBp)).toBe(true);
    expect(isVatRateBp(700)).toBe(false);
  });
});

describe("slugs and numbers", () => {
  it("makes ASCII slugs: å, ä → a, ö → o, accents and signs dropped", () => {
    expect(slugFromTitle("Är vi där än? Öppna jämförelser")).toBe("ar-vi-dar-an-oppna-jamforelser");
    expect(slugFromTitle("  Tillit & styrning – Åtta år senare ")).toBe("tillit-styrning-atta-ar-senare");
    expect(slugFromTitle("Café Société")).toBe("cafe-societe");
    expect(slugFromTitle("???")).toBe("forelasning");
    expect(slugFromTitle("a".repeat(200))).toHaveLength(80);
  });

  it("adds -2, -3 … when the workshop has the slug", () => {
    expect(uniqueSlug("ledarskap", new Set())).toBe("ledarskap");
    expect(uniqueSlug("ledarskap", new Set(["ledarskap", "ledarskap-2"]))).toBe("ledarskap-3");
  });

  it("numbers a new gathering after the highest", () => {
    expect(nextGatheringNumber([])).toBe(1);
    expect(nextGatheringNumber([1, 4, 2])).toBe(5);
  });
});

describe("status and notices", () => {
  it("allows draft → published → cancelled only", () => {
    expect(sessionMachine.can("DRAFT", "PUBLISHED")).toBe(true);
    expect(sessionMachine.can("PUBLISHED", "CANCELLED")).toBe(true);
    expect(sessionMachine.can("DRAFT", "CANCELLED")).toBe(false);
    expect(sessionMachine.can("CANCELLED", "PUBLISHED")).toBe(false);
    expect(canPublishSession("DRAFT", "PUBLISHED")).toBe(true);
    expect(canPublishSession("DRAFT", "DRAFT")).toBe(false);
  });

  it("announces only a published session's change of time, venue or status", () => {
    const s = { startsAt: new Date("2031-10-02T07:00:00Z"), endsAt: new Date("2031-10-02T10:00:00Z"), venueId: "v1", status: "PUBLISHED" as const };
    expect(needsAnnouncement(s, { ...s })).toBe(false);
    expect(needsAnnouncement(s, { ...s, endsAt: new Date("2031-10-02T11:00:00Z") })).toBe(true);
    expect(needsAnnouncement(s, { ...s, venueId: "v2" })).toBe(true);
    expect(needsAnnouncement(s, { ...s, status: "CANCELLED" })).toBe(true);
    expect(needsAnnouncement({ ...s, status: "DRAFT" }, { ...s, status: "DRAFT", venueId: "v2" })).toBe(false);
  });
});
