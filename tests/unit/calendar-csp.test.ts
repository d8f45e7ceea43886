import { describe, expect, it } from "vitest";
import { isCachedPage, requestedMonth } from "@/lib/security/cached-pages";
import { contentSecurityPolicy } from "@/lib/security/headers";

/*
 * The public calendar pages are rendered once and served from the cache to everyone, so their
 * HTML cannot carry a per-request nonce: only they get script-src 'self' 'unsafe-inline'. Every
 * other page keeps a nonce and 'strict-dynamic'.
 */
describe("which pages go without a script nonce", () => {
  it.each(["/", "/en", "/kalendarium/2031-03", "/en/calendar/2031-12"])("%s is a cached calendar page", (path) => {
    expect(isCachedPage(path)).toBe(true);
  });

  it.each([
    "/kalendarium/2031-13",
    "/kalendarium/2031-3",
    "/kalendarium/mars",
    "/kalendarium/2031-03/x",
    "/calendar/2031-03",
    "/en/kalendarium/2031-03",
    "/en/",
    "/verkstad/ht31",
    "/en/workshop/ht31",
    "/logga-in",
    "/mina-bokningar",
    "/admin/kalender",
  ])("%s is not", (path) => {
    expect(isCachedPage(path)).toBe(false);
  });

  it("allows inline scripts only without a nonce, and otherwise only the nonce and what it loads", () => {
    const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc(contentSecurityPolicy(null, { dev: false }))).toBe("script-src 'self' 'unsafe-inline'");
    expect(scriptSrc(contentSecurityPolicy("abc123", { dev: false }))).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  });
});

describe("which month the address of a month page asks for (proxy.ts sends months without a page to not-found)", () => {
  it.each([
    ["/kalendarium/2031-03", "2031-03"],
    ["/en/calendar/2031-12", "2031-12"],
    ["/kalendarium/2031-13", "2031-13"],
    ["/kalendarium/mars", "mars"],
    ["/en/calendar/anything-at-all", "anything-at-all"],
  ])("%s asks for %s", (path, month) => {
    expect(requestedMonth(path)).toBe(month);
  });

  it.each(["/", "/en", "/kalendarium", "/kalendarium/", "/kalendarium/2031-03/x", "/calendar/2031-03", "/en/kalendarium/2031-03", "/verkstad/ht31"])(
    "%s is not a month page",
    (path) => {
      expect(requestedMonth(path)).toBeNull();
    },
  );
});
