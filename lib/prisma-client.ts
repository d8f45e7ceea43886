import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one way to make a Prisma client: always through the pg driver adapter, whatever the
 * database (embedded or PostgreSQL). The app uses lib/db.ts; scripts and the seed call this.
 */
export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}
