import "server-only";
import { db } from "@/lib/db";
import { isEditable } from "@/lib/domain/pm/machine";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { PmRemoveAttachmentInput } from "@/lib/server/pm/form-input";
import { ensurePm, loadPmBooking } from "@/lib/server/pm/load-pm";
import { pmLockedError } from "@/lib/server/pm/pm-errors";

/**
 * Removes the working draft's file. Submitted revisions keep theirs. Removing when there is none
 * is no error (a second click): it answers removed: 0.
 */
export async function removePmAttachment(
  user: { id: string },
  input: PmRemoveAttachmentInput,
  context: { now: Date; requestId?: string },
): Promise<{ removed: number }> {
  return db.$transaction(async (tx) => {
    const booking = await loadPmBooking(tx, input.bookingId, user.id, { lock: true });
    const pm = await ensurePm(tx, booking);
    if (!isEditable(pm.status)) throw pmLockedError(pm.status);
    const draftFiles = await tx.pmAttachment.findMany({ where: { pmId: pm.id, revision: { is: null } }, select: { id: true, fileName: true } });
    if (draftFiles.length === 0) return { removed: 0 };
    await tx.pmAttachment.deleteMany({ where: { id: { in: draftFiles.map((a) => a.id) } } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "pm.attachment_removed",
      entityType: "ProjectPm",
      entityId: pm.id,
      before: { attachments: draftFiles.map((a) => a.fileName) },
      after: { attachments: [] },
      requestId: context.requestId,
    });
    return { removed: draftFiles.length };
  });
}
