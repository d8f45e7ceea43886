import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { personalPmDeadline } from "@/lib/domain/pm/deadline";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pmDueWhere } from "@/lib/server/pm/pm-due";
import { idField } from "@/lib/validation/fields";

/** The same workshop and organisation filters as the review queue (lib/server/pm/list-review-queue.ts). */
export const pmsNotSubmittedInput = z.object({
  workshop: idField.optional(),
  organisation: idField.optional(),
});
export type PmsNotSubmittedInput = z.infer<typeof pmsNotSubmittedInput>;

export type PmNotSubmittedRow = {
  bookingId: string;
  /** The PM row when the participant has started one (always a DRAFT here); null when nothing is saved yet. */
  pmId: string | null;
  participantName: string;
  organisationName: string | null;
  workshopTitle: string;
  workshopDeadline: LocalDate;
  /** The deadline that applies to this person: their extension, or else the workshop's. */
  deadline: LocalDate;
  extension: { newDeadline: LocalDate; reason: string } | null;
};

/**
 * The people who still owe a project PM: package bookings with an own project that hold their place
 * (in a workshop that is not archived) and whose PM is missing or still a DRAFT, each with their
 * personal deadline. Sorted by deadline, then name (ties by booking id). Coordinators and admins only.
 */
export async function listPmsNotSubmitted(user: SessionUser, input: PmsNotSubmittedInput): Promise<PmNotSubmittedRow[]> {
  assertCan(user, "pm.review");
  const where: Prisma.BookingWhereInput = {
    ...pmDueWhere,
    ...(input.workshop && { workshopId: input.workshop }),
    ...(input.organisation && { participant: { organisationId: input.organisation } }),
  };
  const bookings = await db.booking.findMany({
    where,
    select: {
      id: true,
      workshopId: true,
      participantId: true,
      projectPm: { select: { id: true } },
      participant: { select: { name: true, email: true, erasedAt: true, otherOrganisationName: true, organisation: { select: { name: true } } } },
      workshop: { select: { title: true, pmDeadline: true } },
    },
  });
  if (bookings.length === 0) return [];
  const extensions = await db.deadlineExtension.findMany({
    where: { OR: bookings.map((b) => ({ workshopId: b.workshopId, participantId: b.participantId })) },
    select: { workshopId: true, participantId: true, newDeadline: true, reason: true },
  });
  const byPerson = new Map(extensions.map((e) => [`${e.workshopId}:${e.participantId}`, { newDeadline: dateColumnToLocalDate(e.newDeadline), reason: e.reason }]));
  const rows = bookings.map((b): PmNotSubmittedRow => {
    const p = b.participant;
    const extension = byPerson.get(`${b.workshopId}:${b.participantId}`) ?? null;
    const workshopDeadline = dateColumnToLocalDate(b.workshop.pmDeadline);
    return {
      bookingId: b.id,
      pmId: b.projectPm?.id ?? null,
      participantName: p.erasedAt ? "" : (p.name ?? p.email),
      organisationName: p.organisation?.name ?? p.otherOrganisationName ?? null,
      workshopTitle: b.workshop.title,
      workshopDeadline,
      deadline: personalPmDeadline(workshopDeadline, extension?.newDeadline),
      extension,
    };
  });
  return rows.sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.participantName.localeCompare(b.participantName, "sv") || a.bookingId.localeCompare(b.bookingId),
  );
}
