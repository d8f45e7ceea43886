/**
 * A transaction for the enrollment jobs (hold and offer expiry), on the client the job worker
 * passes in. A deadlock or serialization failure rolled everything back, so the work is simply run
 * again, as runBookingTransaction does for requests; anything else fails the job (pg-boss retries
 * it, and every step is conditional, so a retry never does a thing twice).
 *
 * No `server-only` here: scripts/worker.ts runs the jobs outside Next.js.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

const ATTEMPTS = 3;

export async function runJobTransaction<T>(db: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: 10_000, timeout: 30_000 });
    } catch (error) {
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (code === "P2034") return true;
  return /40P01|40001|deadlock detected|could not serialize/.test(String((error as { message?: string })?.message ?? error));
}
