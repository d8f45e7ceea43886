/**
 * Reminds those who still owe a PM, 7 days and 1 day before their deadline (daily, 07:00 Stockholm
 * time; lib/jobs/schedules.ts). Through the outbox with a dedupe key per booking, reminder and
 * deadline ("pm-reminder:7d:<bookingId>:<deadline>"): a job that runs twice, or two workers, send
 * once; an extension (a new deadline) earns its own reminders. A day the job missed is caught up:
 * the reminder due now is sent, never a "7 days left" when one is (reminderDue).
 *
 * No `server-only` here: scripts/worker.ts runs this outside Next.js.
 */
import { reminderDue } from "@/lib/domain/pm/deadline";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runJobTransaction } from "@/lib/server/enrollment/job-transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { listPmDue } from "@/lib/server/pm/pm-due";

export async function sendPmReminders(db: PrismaClient, now: Date): Promise<{ remindersQueued: number }> {
  let remindersQueued = 0;
  for (const due of await listPmDue(db)) {
    const days = reminderDue(due.deadline, now);
    if (!days) continue;
    const dedupeKey = `pm-reminder:${days}d:${due.bookingId}:${due.deadline}`;
    const queued = await runJobTransaction(db, async (tx) => {
      if (await tx.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } })) return false;
      const booking = await tx.booking.findUniqueOrThrow({
        where: { id: due.bookingId },
        select: { participant: { select: { email: true, locale: true, erasedAt: true } }, workshop: { select: { title: true } } },
      });
      if (booking.participant.erasedAt) return false;
      const locale = booking.participant.locale;
      await enqueueEmail(tx, {
        to: booking.participant.email,
        locale,
        template: "pm-reminder",
        params: { bookingId: due.bookingId, workshop: booking.workshop.title, deadline: due.deadline, days },
        dedupeKey,
      });
      return true;
    });
    if (queued) remindersQueued += 1;
  }
  return { remindersQueued };
}
