/**
 * Delivers queued e-mails from the outbox over SMTP. Several workers may run at once: each claims
 * due messages with FOR UPDATE SKIP LOCKED, so no two workers ever hold the same message. A claim
 * is a lease (status SENDING until leaseUntil); a worker that dies mid-send leaves a message that
 * another worker takes again after the lease, so delivery is at least once in that one crash window.
 * The SMTP Message-ID is derived from the outbox id, so a receiver can recognise a repeat.
 * No server-only imports: scripts/worker.ts runs this outside Next.js.
 */
import type { Transporter } from "nodemailer";
import { withDeferredCalendar } from "@/lib/calendar-files/booking-calendar";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { renderEmail } from "./render";

export type DeliveryOptions = {
  from: string;
  appUrl: string;
  batchSize?: number;
  /** How long a claim protects a message from other workers. */
  leaseSeconds?: number;
  /** Attempts before a message is marked FAILED. */
  maxAttempts?: number;
  /** Backoff after attempt n: baseSeconds × 2^(n-1), capped at one hour. */
  backoffBaseSeconds?: number;
};

export function backoffSeconds(attempt: number, baseSeconds: number): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

type Claimed = { id: string; toEmail: string; locale: "sv" | "en"; template: string; payload: unknown; attempts: number };

export async function deliverDueEmails(db: PrismaClient, transport: Transporter, options: DeliveryOptions): Promise<{ sent: number; failed: number }> {
  const batch = options.batchSize ?? 20;
  const lease = options.leaseSeconds ?? 300;
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.backoffBaseSeconds ?? 30;

  // Due: pending and due, or a lease that ran out (its worker died).
  const claimed = await db.$queryRaw<Claimed[]>`
    update "OutboxMessage" set "status" = 'SENDING', "attempts" = "attempts" + 1,
      "nextAttemptAt" = now() + make_interval(secs => ${lease})
    where id in (
      select id from "OutboxMessage"
      where "status" in ('PENDING', 'SENDING') and "nextAttemptAt" <= now()
      order by "createdAt", id
      limit ${batch}
      for update skip locked)
    returning id, "toEmail", locale::text as locale, template, payload, attempts`;

  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      const payload = await withDeferredCalendar(db, message.template, message.toEmail, message.payload);
      const rendered = renderEmail(message.template, payload, message.locale, options.appUrl, new Date());
      await transport.sendMail({
        from: options.from,
        to: message.toEmail,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        // The .ics goes both as a text/calendar part with its METHOD (mail programs offer it as an
        // invitation, or apply a cancellation) and as an attachment to open by hand.
        ...(rendered.calendar && {
          icalEvent: { method: rendered.calendar.method, filename: rendered.calendar.filename, content: rendered.calendar.content },
        }),
        messageId: `<${message.id}@verkstad.outbox>`,
        headers: { "Content-Language": message.locale },
      });
      await db.outboxMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      sent += 1;
    } catch (error) {
      const giveUp = message.attempts >= maxAttempts;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(message.attempts, base) * 1000),
        },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}
