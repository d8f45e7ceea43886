import "server-only";
import { db } from "@/lib/db";
import { can, type RoleName } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/validation/fields";

export type PmAttachmentFile = { body: Uint8Array<ArrayBuffer>; mimeType: string; fileName: string };

/**
 * A PM's file, for its participant, any coordinator or admin, and the supervisor assigned to the
 * project. Anyone else, an unknown or malformed id: NOT_FOUND, so guessing ids reveals nothing.
 */
export async function getPmAttachment(user: { id: string; roles: readonly RoleName[] }, attachmentId: string): Promise<PmAttachmentFile> {
  if (!idField.safeParse(attachmentId).success) throw new AppError("NOT_FOUND");
  const attachment = await db.pmAttachment.findUnique({
    where: { id: attachmentId },
    select: { fileName: true, mimeType: true, data: true, pm: { select: { participantId: true, supervision: { select: { supervisorId: true } } } } },
  });
  if (!attachment) throw new AppError("NOT_FOUND");
  const { pm } = attachment;
  const allowed = pm.participantId === user.id || can(user, "pm.review") || pm.supervision?.supervisorId === user.id;
  if (!allowed) throw new AppError("NOT_FOUND");
  return { body: new Uint8Array(attachment.data), mimeType: attachment.mimeType, fileName: attachment.fileName };
}
