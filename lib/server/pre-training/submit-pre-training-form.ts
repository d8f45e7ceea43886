import "server-only";
import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/i18n/paths";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import type { PreTrainingSubmitInput } from "@/lib/server/pre-training/form-input";
import { assertMayFillIn, loadPreTrainingBooking, participantName } from "@/lib/server/pre-training/load-booking";

/** The secret in the manager's link: 32 random bytes, URL-safe. Only its sha256 is stored. */
export function newManagerToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Submits the form and e-mails the manager a link to read the answers and confirm them, in one
 * transaction with the audit event. Each submission makes a new link (the previous one stops
 * working) and asks the manager to confirm again: they confirm what is written now.
 */
export async function submitPreTrainingForm(
  user: { id: string },
  input: PreTrainingSubmitInput,
  context: { now: Date; requestId?: string },
): Promise<{ submittedAt: string; managerEmail: string }> {
  const { now } = context;
  const token = newManagerToken();
  return db.$transaction(async (tx) => {
    const booking = await loadPreTrainingBooking(tx, input.bookingId, { lock: true });
    assertMayFillIn(booking, user.id, now);
    const previous = booking.preTrainingForm;
    const answers = {
      expectedGain: input.expectedGain,
      disseminationPlan: input.disseminationPlan,
      managerName: input.managerName,
      managerEmail: input.managerEmail,
      agreedWithManager: true,
    };
    const submission = { submittedAt: now, managerTokenHash: hashSecret(token), managerConfirmedAt: null };
    const form = await tx.preTrainingForm.upsert({
      where: { bookingId: booking.id },
      create: { bookingId: booking.id, ...answers, ...submission },
      update: { ...answers, ...submission },
      select: { id: true },
    });

    // The manager reads the page in the participant's language, the language of the e-mail.
    const locale = booking.participant.locale;
    const url = new URL(paths.managerConfirmation(locale, token), getEnv().APP_URL).toString();
    await enqueueEmail(tx, {
      to: input.managerEmail,
      locale,
      template: "manager-confirmation-request",
      params: {
        url,
        managerName: input.managerName,
        participant: participantName(booking),
        workshop: booking.workshop.title,
      },
    });
    // The answers themselves stay out of the audit log: who sent what to whom, and when.
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "pre_training.submitted",
      entityType: "PreTrainingForm",
      entityId: form.id,
      before: previous
        ? {
            submittedAt: previous.submittedAt?.toISOString() ?? null,
            managerName: previous.managerName,
            managerEmail: previous.managerEmail,
            managerConfirmedAt: previous.managerConfirmedAt?.toISOString() ?? null,
          }
        : undefined,
      after: { submittedAt: now.toISOString(), managerName: input.managerName, managerEmail: input.managerEmail, managerConfirmedAt: null },
      requestId: context.requestId,
    });
    return { submittedAt: now.toISOString(), managerEmail: input.managerEmail };
  });
}
