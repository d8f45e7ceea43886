import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { FIELD_LIMITS, idField, localeField, optionalText, personNameField, titleField } from "@/lib/validation/fields";

export const OTHER_ORGANISATION = "other";

export const completeProfileInput = z
  .object({
    name: personNameField,
    title: titleField,
    organisationId: z.union([z.literal(OTHER_ORGANISATION), idField], { error: "required" }),
    otherOrganisationName: optionalText(FIELD_LIMITS.organisationName),
    locale: localeField,
  })
  .superRefine((value, ctx) => {
    if (value.organisationId === OTHER_ORGANISATION && !value.otherOrganisationName) {
      ctx.addIssue({ code: "custom", path: ["otherOrganisationName"], message: "required" });
    }
  });
export type CompleteProfileInput = z.infer<typeof completeProfileInput>;

/** Saves name, title, employer and language; the first save completes the profile. */
export async function completeProfile(userId: string, input: CompleteProfileInput, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const isOther = input.organisationId === OTHER_ORGANISATION;
    if (!isOther) {
      const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } });
      if (!organisation) {
        throw new AppError("INVALID_INPUT", "Unknown organisation", { organisationId: ["unknownOrganisation"] });
      }
    }
    const before = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, title: true, organisationId: true, otherOrganisationName: true, locale: true, profileCompletedAt: true },
    });
    const after = {
      name: input.name,
      title: input.title,
      organisationId: isOther ? null : input.organisationId,
      otherOrganisationName: isOther ? input.otherOrganisationName : null,
      locale: input.locale,
    };
    await tx.user.update({
      where: { id: userId },
      data: { ...after, profileCompletedAt: before.profileCompletedAt ?? now },
    });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: before.profileCompletedAt ? "user.profile_updated" : "user.profile_completed",
      entityType: "User",
      entityId: userId,
      before: { ...before, profileCompletedAt: before.profileCompletedAt?.toISOString() ?? null },
      after,
    });
  });
}
