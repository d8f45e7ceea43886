import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { adminQuery, dropDatabase, migrateDeploy, prismaCli } from "./support/database";
import { db } from "@/lib/db";

const serverUrl = inject("testServerUrl");
const emptyDb = `verkstad_m_${randomBytes(6).toString("hex")}`;

afterAll(() => dropDatabase(serverUrl, emptyDb));

describe(`migrations on ${inject("testDbLabel")}`, () => {
  it("apply to an empty database through the Prisma CLI and leave nothing pending", async () => {
    await adminQuery(serverUrl, `create database "${emptyDb}"`);
    const url = `${serverUrl}/${emptyDb}`;
    const output = await migrateDeploy(url);
    expect(output).toMatch(/migrations? (have been successfully applied|applied)/i);

    const status = await prismaCli(["migrate", "status"], url);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
  });

  it("match the Prisma schema exactly (no drift between schema.prisma and the SQL)", async () => {
    const diff = await prismaCli(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      `${serverUrl}/${emptyDb}`,
    );
    expect(diff.output).toContain("No difference detected");
    expect(diff.code).toBe(0);
  });

  it("hold the seat invariants in the database itself", async () => {
    const checks = await db.$queryRaw<{ conname: string }[]>`
      select conname from pg_constraint where contype = 'c' order by conname`;
    expect(checks.map((c) => c.conname)).toEqual(
      expect.arrayContaining(["Lecture_seats_check", "Gathering_seats_check", "Workshop_package_seats_check", "Booking_active_key_check"]),
    );
    const uniques = await db.$queryRaw<{ indexname: string }[]>`
      select indexname from pg_indexes where tablename = 'Booking' and indexdef like 'CREATE UNIQUE%'`;
    expect(uniques.map((u) => u.indexname)).toContain("Booking_participantId_activeSessionKey_key");
  });
});
