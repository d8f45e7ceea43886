import { keysServedByRelease, type SessionRef, type SessionKey } from "@/lib/domain/enrollment";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Every session key whose seat overlaps one of these sessions: the sessions themselves, the package
 * for a lecture, every lecture for the package. One person may hold at most one place among them,
 * or a lecture's seat would be taken twice (booking and substitution refuse such a clash).
 */
export async function keysSharingSeats(tx: Prisma.TransactionClient, workshopId: string, targets: readonly SessionRef[]): Promise<SessionKey[]> {
  const lectureIds = targets.some((t) => t.kind === "PACKAGE")
    ? (await tx.lecture.findMany({ where: { workshopId }, select: { id: true } })).map((l) => l.id)
    : [];
  return [...new Set(targets.flatMap((target) => keysServedByRelease(target, lectureIds)))];
}
