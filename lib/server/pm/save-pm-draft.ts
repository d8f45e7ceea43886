import "server-only";
import { db } from "@/lib/db";
import { isEditable } from "@/lib/domain/pm/machine";
import type { PmDraftInput } from "@/lib/server/pm/form-input";
import { ensurePm, loadPmBooking } from "@/lib/server/pm/load-pm";
import { pmLockedError } from "@/lib/server/pm/pm-errors";

/**
 * Saves the participant's working draft: nothing is sent, and it may be incomplete. Possible while
 * the PM is a DRAFT or has changes requested, also after the deadline (the text is theirs; only
 * submitting is bound to the deadline). A submitted, decided or withdrawn PM is refused, and
 * nothing is written.
 */
export async function savePmDraft(user: { id: string }, input: PmDraftInput, now: Date): Promise<{ pmId: string; savedAt: string }> {
  return db.$transaction(async (tx) => {
    const booking = await loadPmBooking(tx, input.bookingId, user.id, { lock: true });
    const pm = await ensurePm(tx, booking);
    if (!isEditable(pm.status)) throw pmLockedError(pm.status);
    await tx.projectPm.update({
      where: { id: pm.id },
      data: {
        title: input.title,
        need: input.need,
        backgroundPurpose: input.backgroundPurpose,
        method: input.method,
        workplace: input.workplace,
        unit: input.unit,
      },
    });
    return { pmId: pm.id, savedAt: now.toISOString() };
  });
}
