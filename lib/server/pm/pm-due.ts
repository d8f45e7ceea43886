/**
 * The bookings that still owe a PM: package bookings with an own project that hold their place and
 * have no submitted PM (no PM row yet, or a DRAFT), each with the deadline that applies to the
 * person (their extension replaces the workshop's). Shared by the reminder and no-PM jobs.
 *
 * No `server-only` here: scripts/worker.ts runs the jobs outside Next.js.
 */
import { personalPmDeadline } from "@/lib/domain/pm/deadline";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export const pmDueWhere = {
  kind: "PACKAGE",
  ownProject: true,
  status: { in: ["PENDING_PAYMENT", "CONFIRMED"] },
  workshop: { status: { not: "ARCHIVED" } },
  OR: [{ projectPm: { is: null } }, { projectPm: { is: { status: "DRAFT" } } }],
} satisfies Prisma.BookingWhereInput;

export type PmDue = {
  bookingId: string;
  participantId: string;
  workshopId: string;
  deadline: LocalDate;
  policy: "KEEP_AS_PACKAGE" | "RELEASE_SEAT";
};

export async function listPmDue(db: PrismaClient | Prisma.TransactionClient): Promise<PmDue[]> {
  const bookings = await db.booking.findMany({
    where: pmDueWhere,
    select: { id: true, participantId: true, workshopId: true, workshop: { select: { pmDeadline: true, noPmPolicy: true } } },
    orderBy: { id: "asc" },
  });
  if (bookings.length === 0) return [];
  const extensions = await db.deadlineExtension.findMany({
    where: { OR: bookings.map((b) => ({ workshopId: b.workshopId, participantId: b.participantId })) },
    select: { workshopId: true, participantId: true, newDeadline: true },
  });
  const byPerson = new Map(extensions.map((e) => [`${e.workshopId}:${e.participantId}`, dateColumnToLocalDate(e.newDeadline)]));
  return bookings.map((b) => ({
    bookingId: b.id,
    participantId: b.participantId,
    workshopId: b.workshopId,
    deadline: personalPmDeadline(dateColumnToLocalDate(b.workshop.pmDeadline), byPerson.get(`${b.workshopId}:${b.participantId}`)),
    policy: b.workshop.noPmPolicy,
  }));
}
