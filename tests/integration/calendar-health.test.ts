import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("@/lib/db");
  vi.resetModules();
  vi.useRealTimers();
});

describe("GET /api/health", () => {
  it("answers 200 with the database checked, never from a cache", async () => {
    const { GET, dynamic } = await import("@/app/api/health/route");
    expect(dynamic).toBe("force-dynamic");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database refuses", async () => {
    vi.doMock("@/lib/db", () => ({ db: { $queryRaw: () => Promise.reject(new Error("connection refused")) } }));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
  });

  it("answers 503 when the database does not answer in time", async () => {
    vi.useFakeTimers();
    vi.doMock("@/lib/db", () => ({ db: { $queryRaw: () => new Promise(() => undefined) } }));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { GET } = await import("@/app/api/health/route");
    const pending = GET();
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await pending).status).toBe(503);
  });
});
