import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { attachmentFileName, checkAttachment, PM_ATTACHMENT_MAX_BYTES, PM_ATTACHMENT_MAX_MB } from "@/lib/domain/pm/attachment";
import { isEditable } from "@/lib/domain/pm/machine";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { PmAttachmentInput } from "@/lib/server/pm/form-input";
import { ensurePm, loadPmBooking } from "@/lib/server/pm/load-pm";
import { pmLockedError } from "@/lib/server/pm/pm-errors";

export type UploadPmAttachmentResult = { attachmentId: string; fileName: string; mimeType: string; sizeBytes: number };

function refused(problem: string): AppError {
  return new AppError("INVALID_INPUT", `Attachment refused: ${problem}`, { file: [{ key: problem, params: { max: PM_ATTACHMENT_MAX_MB } }] });
}

/**
 * Attaches a PDF or DOCX to the working draft, replacing the draft's earlier file (submitted
 * revisions keep their own copies). The type is decided from the bytes (lib/domain/pm/attachment),
 * never from the name or the browser's label; the size is checked before the file is read.
 * Refused files write nothing.
 */
export async function uploadPmAttachment(
  user: { id: string },
  input: PmAttachmentInput,
  context: { now: Date; requestId?: string },
): Promise<UploadPmAttachmentResult> {
  if (input.file.size > PM_ATTACHMENT_MAX_BYTES) throw refused("attachmentTooLarge");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const verdict = checkAttachment(bytes);
  if (!verdict.ok) throw refused(verdict.problem);
  const fileName = attachmentFileName(input.file.name, verdict.extension);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  return db.$transaction(async (tx) => {
    const booking = await loadPmBooking(tx, input.bookingId, user.id, { lock: true });
    const pm = await ensurePm(tx, booking);
    if (!isEditable(pm.status)) throw pmLockedError(pm.status);
    const replaced = await tx.pmAttachment.findMany({ where: { pmId: pm.id, revision: { is: null } }, select: { id: true, fileName: true } });
    await tx.pmAttachment.deleteMany({ where: { id: { in: replaced.map((a) => a.id) } } });
    const attachment = await tx.pmAttachment.create({
      data: { pmId: pm.id, fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length, sha256, data: bytes, uploadedAt: context.now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "pm.attachment_uploaded",
      entityType: "ProjectPm",
      entityId: pm.id,
      before: replaced.length ? { attachments: replaced.map((a) => a.fileName) } : undefined,
      after: { attachmentId: attachment.id, fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length, sha256 },
      requestId: context.requestId,
    });
    return { attachmentId: attachment.id, fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length };
  });
}
