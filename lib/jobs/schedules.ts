/**
 * Every scheduled job, in one registry: its name (also its pg-boss queue), when it runs (cron in
 * Stockholm time) and what it does. Handlers are use cases taking the database and the time, so
 * they are tested without the queue. pg-boss starts each slot once however many workers run
 * (docs/decisions/009-scheduled-jobs.md).
 * No server-only imports: scripts/worker.ts runs this outside Next.js.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sendPendingRefunds } from "@/lib/server/billing/send-pending-refunds";
import { expireHolds } from "@/lib/server/enrollment/expire-holds";
import { expireOffers } from "@/lib/server/enrollment/expire-offers";
import { purgeDeliveredOutbox } from "@/lib/server/maintenance/purge-delivered-outbox";
import { purgeExpiredSignInData } from "@/lib/server/maintenance/purge-expired-sign-in-data";
import { applyNoPmPolicy } from "@/lib/server/pm/apply-no-pm-policy";
import { sendPmReminders } from "@/lib/server/pm/send-pm-reminders";

export const SCHEDULE_TIME_ZONE = "Europe/Stockholm";

export type ScheduledJob = {
  /** Letters, digits, hyphens: also the queue's name. */
  name: string;
  /** Five fields (minute hour day month weekday), read in Europe/Stockholm time. */
  cron: string;
  /** What the run did, in counts; pg-boss keeps it as the job's output. */
  run: (db: PrismaClient, now: Date) => Promise<Record<string, number>>;
};

export const scheduledJobs: readonly ScheduledJob[] = [
  { name: "purge-expired-sign-in-data", cron: "0 * * * *", run: purgeExpiredSignInData },
  // 03:30 exists on both DST days (the spring change skips 02:00–03:00) and is quiet.
  { name: "purge-delivered-outbox", cron: "30 3 * * *", run: purgeDeliveredOutbox },
  // Unpaid bookings give their seats back within a minute of their hold running out.
  { name: "expire-booking-holds", cron: "* * * * *", run: expireHolds },
  // Unanswered waiting-list offers move on to the next in line.
  { name: "expire-waitlist-offers", cron: "*/5 * * * *", run: expireOffers },
  // Card refunds written by cancellations (and late or double payments) go to Stripe.
  { name: "send-pending-refunds", cron: "* * * * *", run: (db, now) => sendPendingRefunds(now, { db }) },
  // Project PMs: the no-PM rule for deadlines that ended at midnight, then reminders 7 and 1 days
  // before. Both are idempotent (dedupe keys, re-checked under lock); 06:00 and 07:00 exist on both DST days.
  { name: "apply-no-pm-policy", cron: "0 6 * * *", run: applyNoPmPolicy },
  { name: "send-pm-reminders", cron: "0 7 * * *", run: sendPmReminders },
];
/**
 * Creates each job's queue, (re)writes its schedule and works it. Every worker calls this at
 * start: creating a queue that exists and writing the same schedule again change nothing, and
 * pg-boss's clock puts one job in a queue per cron slot, which exactly one worker then fetches.
 */
export async function startScheduledJobs(
  boss: PgBoss,
  db: PrismaClient,
  options: { jobs?: readonly ScheduledJob[]; log?: (line: string) => void } = {},
): Promise<void> {
  const { jobs = scheduledJobs, log = (line: string) => console.error(`[jobs] ${line}`) } = options;
  // pg-boss 10's createQueue inserts the queue row and attaches a partition with a foreign key to it
  // in one transaction: two workers creating the same new queue at once deadlock ("deadlock
  // detected", seen in tests/integration/jobs.test.ts). Workers take turns, under an advisory lock.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('verkstad:pg-boss:create-queues'))`;
      for (const job of jobs) await boss.createQueue(job.name);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  for (const job of jobs) {
    await boss.schedule(job.name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE });
    // One job per fetch: each slot is one run of the handler.
    await boss.work(job.name, { batchSize: 1 }, async () => {
      try {
        const result = await job.run(db, new Date());
        log(`${job.name}: ${Object.entries(result).map(([key, n]) => `${key} ${n}`).join(", ")}`);
        return result;
      } catch (error) {
        // pg-boss marks the job failed and retries it; say so here, it logs nothing itself.
        log(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
  }
}
