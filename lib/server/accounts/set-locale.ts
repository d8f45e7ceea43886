import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { localeField } from "@/lib/validation/fields";

export const setLocaleInput = z.object({ locale: localeField });

/** The language the person reads Verkstad and its e-mails in. */
export async function setLocale(userId: string, input: z.infer<typeof setLocaleInput>): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
    if (before.locale === input.locale) return;
    await tx.user.update({ where: { id: userId }, data: { locale: input.locale } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.locale_changed",
      entityType: "User",
      entityId: userId,
      before,
      after: { locale: input.locale },
    });
  });
}
