import "server-only";
import { db } from "@/lib/db";
import { retryAfterSeconds, windowStart, type RateLimitRule } from "@/lib/domain/rate-limit";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt for `key` and says whether it is within the rule. The counter lives in
 * PostgreSQL (one atomic upsert), so every app instance sees the same count.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const start = windowStart(now, rule.windowSeconds);
  const rows = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimitBucket" ("key", "windowStart", "count") values (${key}, ${start}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitBucket"."count" + 1
    returning "count"`;
  const count = Number(rows[0]?.count ?? 0);
  return count <= rule.limit ? { allowed: true } : { allowed: false, retryAfterSeconds: retryAfterSeconds(now, rule.windowSeconds) };
}
