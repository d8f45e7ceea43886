import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline machines cannot download Prisma's native schema engine; the shared shim runs the
// official wasm engine instead (docs/decisions/002-migrations-offline.md). Elsewhere nothing changes.
const offlineEngine = path.resolve(import.meta.dirname, "../shared/prisma/schema-engine-shim.mjs");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && fs.existsSync(offlineEngine)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = offlineEngine;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Unset only for commands that need no database (generate, validate, format); every
    // script that touches a database runs through scripts/with-db.ts, which sets it.
    url: process.env.DATABASE_URL ?? "postgresql://unset@127.0.0.1:1/unset",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
