/**
 * Runs before each integration test file: gives the file its own database, cloned from the
 * migrated template, and points DATABASE_URL (and so lib/db) at it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabaseFromTemplate, dropDatabase } from "./support/database";

const serverUrl = inject("testServerUrl");
const name = `verkstad_t_${randomBytes(6).toString("hex")}`;
process.env.DATABASE_URL = await createDatabaseFromTemplate(serverUrl, inject("testTemplateDb"), name);

afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await dropDatabase(serverUrl, name);
});
