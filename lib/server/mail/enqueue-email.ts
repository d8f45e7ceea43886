import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailTemplates } from "@/lib/mail/render";

export type EnqueueEmail<T extends keyof EmailTemplates = keyof EmailTemplates> = {
  to: string;
  locale: "sv" | "en";
  template: T;
  params: EmailTemplates[T];
  /** Idempotency for scheduled sends: a second message with the same key is not queued. */
  dedupeKey?: string;
};

/**
 * Queues an e-mail in the caller's transaction: it exists if and only if the change that caused
 * it was committed. A dedupeKey already queued returns the existing row.
 */
export async function enqueueEmail<T extends keyof EmailTemplates>(tx: Prisma.TransactionClient, message: EnqueueEmail<T>) {
  const data = {
    toEmail: message.to.toLowerCase(),
    locale: message.locale,
    template: message.template,
    payload: message.params as Prisma.InputJsonValue,
    dedupeKey: message.dedupeKey ?? null,
  };
  if (!message.dedupeKey) return tx.outboxMessage.create({ data });
  // ON CONFLICT DO NOTHING: concurrent jobs that queue the same reminder both succeed, one row.
  // (Prisma's upsert can raise a unique violation under that race.)
  await tx.$executeRaw`
    insert into "OutboxMessage" ("id", "dedupeKey", "toEmail", "locale", "template", "payload")
    values (${randomUUID()}, ${message.dedupeKey}, ${data.toEmail}, ${data.locale}::"Locale", ${data.template}, ${JSON.stringify(message.params)}::jsonb)
    on conflict ("dedupeKey") do nothing`;
  return tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: message.dedupeKey } });
}
