/**
 * Deletes sign-in data that can no longer be used: magic-link tokens past their expiry and
 * rate-limit counters whose window is over. Run hourly by the job worker (lib/jobs/schedules.ts).
 * No server-only imports: scripts/worker.ts runs this outside Next.js.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A bucket row does not record its rule's window, so the purge waits for the longest window any
 * rule may use (the sign-in rules use 15 minutes). Deleting a bucket whose window is still open
 * would reset its counter, so a rule with a longer window must raise this first.
 */
export const LONGEST_RATE_LIMIT_WINDOW_SECONDS = 24 * 60 * 60;

export type PurgeExpiredSignInDataResult = { verificationTokens: number; rateLimitBuckets: number };

export async function purgeExpiredSignInData(db: PrismaClient, now: Date): Promise<PurgeExpiredSignInDataResult> {
  // next-auth refuses a token only when expires < now, so one that expires exactly now stays.
  const tokens = await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  // A window [start, start + length) is over once now reaches its end: hitRateLimit then counts in the next one.
  const buckets = await db.rateLimitBucket.deleteMany({
    where: { windowStart: { lte: new Date(now.getTime() - LONGEST_RATE_LIMIT_WINDOW_SECONDS * 1000) } },
  });
  return { verificationTokens: tokens.count, rateLimitBuckets: buckets.count };
}
