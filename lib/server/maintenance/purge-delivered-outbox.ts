/**
 * Deletes e-mails delivered more than 90 days ago from the outbox: the rows hold addresses and
 * sign-in links that are of no use once sent. Pending, sending and failed messages stay.
 * Run daily by the job worker (lib/jobs/schedules.ts).
 * No server-only imports: scripts/worker.ts runs this outside Next.js.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A dedupeKey only guards against a repeat while its row exists: scheduled sends must not look back further. */
export const DELIVERED_OUTBOX_RETENTION_DAYS = 90;

export async function purgeDeliveredOutbox(db: PrismaClient, now: Date): Promise<{ outboxMessages: number }> {
  const cutoff = new Date(now.getTime() - DELIVERED_OUTBOX_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.outboxMessage.deleteMany({ where: { status: "SENT", sentAt: { lt: cutoff } } });
  return { outboxMessages: count };
}
