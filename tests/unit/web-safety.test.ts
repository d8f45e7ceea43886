import { describe, expect, it } from "vitest";
import { buildAuthOptions } from "@/lib/auth/options";
import { clientIpFrom } from "@/lib/domain/rate-limit";
import { parseEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { alternatePath, localeOfPath } from "@/lib/i18n/alternate-path";
import { localPathField } from "@/lib/validation/fields";

const fakeDb = {} as PrismaClient;
/** next-auth applies a provider's own options (its id among them) when it reads the list. */
const providerIds = (options: ReturnType<typeof buildAuthOptions>) =>
  options.providers.map((p) => ((p as { options?: { id?: string } }).options?.id ?? p.id));
const env = (extra: Record<string, string>) => parseEnv({ DATABASE_URL: "postgresql://x@localhost/db", ...extra });

describe("the client address used for rate limiting", () => {
  it("is the address our proxy appended, not one the client wrote itself", () => {
    expect(clientIpFrom("6.6.6.6, 81.2.3.4", 1)).toBe("81.2.3.4");
    expect(clientIpFrom("81.2.3.4", 1)).toBe("81.2.3.4");
  });
  it("counts the configured number of our own proxies from the right", () => {
    expect(clientIpFrom("6.6.6.6, 81.2.3.4, 10.0.0.2", 2)).toBe("81.2.3.4");
  });
  it("without a proxy is the address next start filled in", () => {
    expect(clientIpFrom("127.0.0.1", 0)).toBe("127.0.0.1");
  });
  it("has a fixed key when there is no header at all (all such requests share one limit)", () => {
    expect(clientIpFrom(null, 0)).toBe("unknown");
    expect(clientIpFrom("", 1)).toBe("unknown");
  });
});

describe("where a form may send someone afterwards", () => {
  it.each(["/", "/mitt-konto", "/en/account?saved=1", "/verkstad/x/forelasning/y"])("accepts the local path %s", (path) => {
    expect(localPathField.safeParse(path).success).toBe(true);
  });
  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "mitt-konto", "/ space"])(
    "refuses %s",
    (path) => {
      expect(localPathField.safeParse(path).success).toBe(false);
    },
  );
});

describe("the same page in the other language", () => {
  it("keeps the query string", () => {
    expect(alternatePath("/mitt-konto?saved=1", "sv", "en")).toBe("/en/account?saved=1");
    expect(alternatePath("/en/admin/people?q=anna&role=ADMIN", "en", "sv")).toBe("/admin/personer?q=anna&role=ADMIN");
  });
  it("knows a path's language from its prefix", () => {
    expect(localeOfPath("/en")).toBe("en");
    expect(localeOfPath("/en/account?x")).toBe("en");
    expect(localeOfPath("/engelska")).toBe("sv");
    expect(localeOfPath("/")).toBe("sv");
  });
});

describe("session cookies", () => {
  it("are Secure (with the __Secure- prefix) when the site is served over https", () => {
    const options = buildAuthOptions(env({ APP_URL: "https://verkstad.example.se", AUTH_SECRET: "x".repeat(40), NODE_ENV: "production" }), fakeDb);
    expect(options.useSecureCookies).toBe(true);
  });
  it("are not Secure on the http localhost demo (the browser would drop them)", () => {
    expect(buildAuthOptions(env({ APP_URL: "http://localhost:3000" }), fakeDb).useSecureCookies).toBe(false);
  });
  it("use JWT sessions that end after at most 12 hours", () => {
    const options = buildAuthOptions(env({}), fakeDb);
    expect(options.session).toMatchObject({ strategy: "jwt" });
    expect(options.session?.maxAge).toBeLessThanOrEqual(12 * 60 * 60);
  });
  it("has no demo sign-in in production mode, even with the flag on", () => {
    const production = buildAuthOptions(env({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), DEMO_SIGN_IN: "on" }), fakeDb);
    expect(providerIds(production)).toEqual(["email"]);
    const demo = buildAuthOptions(env({ APP_MODE: "demo", DEMO_SIGN_IN: "on" }), fakeDb);
    expect(providerIds(demo)).toEqual(["email", "demo"]);
  });
});
