import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PreTrainingDraftInput } from "@/lib/server/pre-training/form-input";
import { assertMayFillIn, loadPreTrainingBooking } from "@/lib/server/pre-training/load-booking";

/**
 * Saves the participant's answers as a draft: nothing is sent, and the answers may be incomplete.
 * A form that is already submitted is changed by submitting it again (so the manager confirms what
 * is actually written), not by saving a draft over it.
 */
export async function savePreTrainingDraft(user: { id: string }, input: PreTrainingDraftInput, now: Date): Promise<{ savedAt: string }> {
  return db.$transaction(async (tx) => {
    const booking = await loadPreTrainingBooking(tx, input.bookingId, { lock: true });
    assertMayFillIn(booking, user.id, now);
    if (booking.preTrainingForm?.submittedAt) throw new AppError("CONFLICT", "Already submitted: change it by submitting again");
    const answers = {
      expectedGain: input.expectedGain,
      disseminationPlan: input.disseminationPlan,
      managerName: input.managerName,
      managerEmail: input.managerEmail,
      agreedWithManager: input.agreedWithManager,
    };
    await tx.preTrainingForm.upsert({
      where: { bookingId: booking.id },
      create: { bookingId: booking.id, ...answers },
      update: answers,
    });
    return { savedAt: now.toISOString() };
  });
}
