import { describe, expect, it } from "vitest";
import { retryAfterSeconds, windowStart } from "@/lib/domain/rate-limit";

describe("fixed rate-limit windows", () => {
  it.each([
    ["2026-11-23T10:07:30.000Z", 900, "2026-11-23T10:00:00.000Z", 450],
    ["2026-11-23T10:15:00.000Z", 900, "2026-11-23T10:15:00.000Z", 900],
    ["2026-11-23T10:29:59.999Z", 900, "2026-11-23T10:15:00.000Z", 1],
    ["2026-11-23T10:00:59.000Z", 60, "2026-11-23T10:00:00.000Z", 1],
  ])("at %s with %i s windows: window %s, retry after %i s", (now, seconds, start, retry) => {
    expect(windowStart(new Date(now), seconds).toISOString()).toBe(start);
    expect(retryAfterSeconds(new Date(now), seconds)).toBe(retry);
  });
});
