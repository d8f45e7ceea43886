import { describe, expect, it } from "vitest";
import { demoSignInEnabled, devToolsEnabled, parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db" };
const secret = "x".repeat(40);

describe("environment", () => {
  it("fails safe: NODE_ENV=production without APP_MODE is production mode", () => {
    const env = parseEnv({ ...base, NODE_ENV: "production", AUTH_SECRET: secret, DEMO_SIGN_IN: "on" });
    expect(env.APP_MODE).toBe("production");
    expect(demoSignInEnabled(env)).toBe(false);
    expect(devToolsEnabled(env)).toBe(false);
  });

  it("never enables demo sign-in in production mode, even when asked to", () => {
    const env = parseEnv({ ...base, NODE_ENV: "production", APP_MODE: "production", AUTH_SECRET: secret, DEMO_SIGN_IN: "on" });
    expect(demoSignInEnabled(env)).toBe(false);
  });

  it("enables demo sign-in only when the flag is on outside production", () => {
    expect(demoSignInEnabled(parseEnv({ ...base, APP_MODE: "demo", DEMO_SIGN_IN: "on" }))).toBe(true);
    expect(demoSignInEnabled(parseEnv({ ...base, APP_MODE: "demo" }))).toBe(false);
    expect(demoSignInEnabled(parseEnv({ ...base, NODE_ENV: "development", DEMO_SIGN_IN: "on" }))).toBe(true);
  });

  it("requires a real secret in production", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...base, NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });

  it("refuses a database URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL/);
  });
});
