import { randomUUID } from "node:crypto";
import { bookingIdsOfRecipientInThisTransaction } from "@/lib/calendar-files/booking-calendar";
import type { CalendarFile, CalendarSession } from "@/lib/calendar-files/calendar-data";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailTemplates } from "@/lib/mail/render";

export type EnqueueEmail<T extends keyof EmailTemplates = keyof EmailTemplates> = {
  to: string;
  locale: "sv" | "en";
  template: T;
  params: EmailTemplates[T];
  /** Idempotency for scheduled sends: a second message with the same key is not queued. */
  dedupeKey?: string;
  /**
   * Calendar data (lib/calendar-files: bookingCalendarAttachment): the e-mail then lists these
   * sessions in the reader's language and carries the .ics. Null: explicitly none. Left out, the
   * booking e-mails find it at delivery (see withDeferredCalendar).
   */
  calendar?: CalendarFile | null;
  /** Sessions to list when they differ from the calendar's (e.g. an orderer's whole order). */
  sessionList?: CalendarSession[];
};

/**
 * Its callers (bookSessions, acceptOffer) pass no calendar data: the recipient's bookings written
 * by this transaction are noted, and their calendar is built at delivery, outside the transaction.
 * (booking-received needs nothing here: its order reference leads to them.)
 */
const CALENDAR_FROM_TRANSACTION: ReadonlySet<string> = new Set(["booked-by-colleague"]);

/**
 * Queues an e-mail in the caller's transaction: it exists if and only if the change that caused
 * it was committed. A dedupeKey already queued returns the existing row.
 */
export async function enqueueEmail<T extends keyof EmailTemplates>(tx: Prisma.TransactionClient, message: EnqueueEmail<T>) {
  const calendarBookingIds =
    message.calendar === undefined && CALENDAR_FROM_TRANSACTION.has(message.template) ? await bookingIdsOfRecipientInThisTransaction(tx, message.to) : [];
  const payload = {
    ...message.params,
    ...(message.calendar !== undefined && { calendar: message.calendar }),
    ...(message.sessionList && { sessionList: message.sessionList }),
    ...(calendarBookingIds.length > 0 && { calendarBookingIds }),
  };
  const data = {
    toEmail: message.to.toLowerCase(),
    locale: message.locale,
    template: message.template,
    payload: payload as Prisma.InputJsonValue,
    dedupeKey: message.dedupeKey ?? null,
  };
  if (!message.dedupeKey) return tx.outboxMessage.create({ data });
  // ON CONFLICT DO NOTHING: concurrent jobs that queue the same reminder both succeed, one row.
  // (Prisma's upsert can raise a unique violation under that race.)
  await tx.$executeRaw`
    insert into "OutboxMessage" ("id", "dedupeKey", "toEmail", "locale", "template", "payload")
    values (${randomUUID()}, ${message.dedupeKey}, ${data.toEmail}, ${data.locale}::"Locale", ${data.template}, ${JSON.stringify(payload)}::jsonb)
    on conflict ("dedupeKey") do nothing`;
  return tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: message.dedupeKey } });
}
