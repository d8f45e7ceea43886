import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";

export type DeadlineExtensionView = { newDeadline: LocalDate; reason: string };

/**
 * The PM deadline extension granted to the participant of one booking for its workshop, or null
 * when none was granted (or the booking does not exist). Coordinators and admins only.
 */
export async function getDeadlineExtension(user: SessionUser, bookingId: string): Promise<DeadlineExtensionView | null> {
  assertCan(user, "pm.review");
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { workshopId: true, participantId: true } });
  if (!booking) return null;
  const extension = await db.deadlineExtension.findUnique({
    where: { workshopId_participantId: { workshopId: booking.workshopId, participantId: booking.participantId } },
    select: { newDeadline: true, reason: true },
  });
  return extension ? { newDeadline: dateColumnToLocalDate(extension.newDeadline), reason: extension.reason } : null;
}
