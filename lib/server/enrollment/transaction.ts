import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** How long a booking may wait for a database connection before the person is asked to try again. */
const MAX_WAIT_MS = 8_000;
const TIMEOUT_MS = 15_000;
const ATTEMPTS = 3;

/**
 * Runs a booking transaction so that a burst never turns into server errors: a deadlock or
 * serialization failure is retried (the transaction did nothing), and when no connection frees up
 * in time the person gets BUSY ("nothing was saved, try again"), never a 500.
 */
export async function runBookingTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS });
    } catch (error) {
      if (isRetryable(error) && attempt < ATTEMPTS) continue;
      if (isRetryable(error) || isPoolTimeout(error)) throw new AppError("BUSY", `Booking transaction gave up: ${String(error)}`);
      throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  return /40P01|40001|deadlock detected|could not serialize/.test(text);
}

function isPoolTimeout(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2028" || error.code === "P2024")) return true;
  return /Unable to start a transaction in the given time|Timed out fetching a new connection/.test(String((error as { message?: string })?.message ?? error));
}
