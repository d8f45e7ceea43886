import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** E-mail templates and their parameters. Rendering and delivery (SMTP worker) come with the outbox issue. */
export type EmailTemplates = {
  "magic-link": { url: string; expiresMinutes: number };
  "role-granted": { role: string; grantedBy: string };
};

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
  // Upsert on the unique key: concurrent jobs that queue the same reminder both succeed, one row.
  return tx.outboxMessage.upsert({ where: { dedupeKey: message.dedupeKey }, create: data, update: {} });
}
