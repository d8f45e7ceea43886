import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-client";

export type Db = PrismaClient;

/**
 * One Prisma client per process and database URL, kept across hot reloads in development
 * (and across the test files of one worker, each of which has its own database).
 */
const globalForDb = globalThis as unknown as { verkstadDb?: Map<string, PrismaClient> };
const clients = (globalForDb.verkstadDb ??= new Map<string, PrismaClient>());

export function getDb(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = getEnv();
  let client = clients.get(DATABASE_URL);
  if (!client) {
    client = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
    clients.set(DATABASE_URL, client);
  }
  return client;
}

/** The client, connected on first use: importing this module needs no database (e.g. `next build`). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
