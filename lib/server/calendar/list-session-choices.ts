import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { FieldIssues } from "@/lib/domain/session-editor";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Choice = { id: string; label: string };

/** The workshop a new session is added to (for the page's heading and the form's defaults). ADMIN only; NOT_FOUND when there is none. */
export async function getWorkshopForSessionForm(user: SessionUser, workshopId: string) {
  assertCan(user, "calendar.edit");
  const workshop = await db.workshop.findUnique({
    where: { id: workshopId },
    select: { id: true, title: true, edition: true, status: true, startsOn: true, endsOn: true },
  });
  if (!workshop) throw new AppError("NOT_FOUND");
  return { ...workshop, startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) };
}

/** The venues and lecturers the session forms offer, by name. ADMIN only. */
export async function listSessionChoices(user: SessionUser): Promise<{ venues: Choice[]; lecturers: Choice[] }> {
  assertCan(user, "calendar.edit");
  const [venues, lecturers] = await Promise.all([
    db.venue.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, city: true } }),
    db.lecturer.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, affiliation: true } }),
  ]);
  return {
    venues: venues.map((v) => ({ id: v.id, label: `${v.name}, ${v.city}` })),
    lecturers: lecturers.map((l) => ({ id: l.id, label: l.affiliation ? `${l.name} (${l.affiliation})` : l.name })),
  };
}

/** A chosen venue or lecturer that does not exist is the field's problem ("Välj … i listan"). */
export async function checkChoices(tx: Prisma.TransactionClient, chosen: { venueId: string; lecturerId?: string }): Promise<FieldIssues> {
  const issues: FieldIssues = {};
  const venue = await tx.venue.findUnique({ where: { id: chosen.venueId }, select: { id: true } });
  if (!venue) issues.venueId = [{ key: "invalidChoice" }];
  if (chosen.lecturerId !== undefined) {
    const lecturer = await tx.lecturer.findUnique({ where: { id: chosen.lecturerId }, select: { id: true } });
    if (!lecturer) issues.lecturerId = [{ key: "invalidChoice" }];
  }
  return issues;
}
