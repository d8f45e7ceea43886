import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

export type WorkshopSessionRow = {
  kind: "lecture" | "gathering";
  id: string;
  title: string;
  /** Gatherings only: 1, 2, 3 … */
  number: number | null;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  /** Lectures only. */
  lecturerName: string | null;
  capacity: number;
  seatsTaken: number;
};

/**
 * The admin's list of one workshop's sessions (gatherings and lectures, drafts included), in time
 * order. ADMIN only; an unknown workshop is NOT_FOUND.
 */
export async function listWorkshopSessions(user: SessionUser, workshopId: string) {
  assertCan(user, "calendar.edit");
  const workshop = await db.workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true,
      title: true,
      edition: true,
      status: true,
      gatherings: { include: { venue: { select: { name: true } } } },
      lectures: { include: { venue: { select: { name: true } }, lecturer: { select: { name: true } } } },
    },
  });
  if (!workshop) throw new AppError("NOT_FOUND");
  const rows: WorkshopSessionRow[] = [
    ...workshop.gatherings.map((g) => ({
      kind: "gathering" as const,
      id: g.id,
      title: g.title,
      number: g.number,
      status: g.status,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      venueName: g.venue.name,
      lecturerName: null,
      capacity: g.capacity,
      seatsTaken: g.seatsTaken,
    })),
    ...workshop.lectures.map((l) => ({
      kind: "lecture" as const,
      id: l.id,
      title: l.title,
      number: null,
      status: l.status,
      startsAt: l.startsAt,
      endsAt: l.endsAt,
      venueName: l.venue.name,
      lecturerName: l.lecturer.name,
      capacity: l.capacity,
      seatsTaken: l.seatsTaken,
    })),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title, "sv"));
  return { workshop: { id: workshop.id, title: workshop.title, edition: workshop.edition, status: workshop.status }, sessions: rows };
}
