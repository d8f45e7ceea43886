import "server-only";
import { attendanceSessionKey, attendanceState, onePerPerson, type AttendanceSessionKind, type AttendanceState } from "@/lib/domain/attendance";
import type { Prisma } from "@/lib/generated/prisma/client";
import { byNameThenEmail, seatHolderSelect } from "@/lib/server/attendance/attendance-session";

/** One person at one session: a row of the participant exports. */
export type ParticipantRow = {
  participantId: string;
  name: string | null;
  email: string;
  organisation: string | null;
  bookingKind: "LECTURE" | "PACKAGE";
  ownProject: boolean;
  bookingStatus: "PENDING_PAYMENT" | "CONFIRMED";
  workshopTitle: string;
  session: { kind: AttendanceSessionKind; id: string; title: string; startsAt: Date };
  attendance: AttendanceState;
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
};

export type ParticipantScope =
  /** One session (published or cancelled); its workshop was checked to be published. */
  | { kind: "session"; session: { kind: AttendanceSessionKind; id: string }; workshopId: string }
  /** Every published session of one published workshop. */
  | { kind: "workshop"; workshopId: string }
  /** The people of one organisation, at the published sessions of published workshops (or of one). */
  | { kind: "organisation"; organisationId: string; workshopId?: string };

/** Bookings that hold a seat: paid (confirmed) and still waiting for payment. */
const ACTIVE = ["PENDING_PAYMENT", "CONFIRMED"] as const;

/**
 * The rows of a participant export: one per person and session, for every booking that holds a
 * seat and includes the session (a lecture booking its lecture, a package every session of the
 * workshop; a person with both is listed once, by the package). Draft sessions and draft
 * workshops are never read. In session time order, then by name.
 */
export async function loadParticipantRows(tx: Prisma.TransactionClient, scope: ParticipantScope): Promise<ParticipantRow[]> {
  const workshopWhere: Prisma.WorkshopWhereInput =
    scope.kind === "organisation" ? { status: "PUBLISHED", ...(scope.workshopId && { id: scope.workshopId }) } : { status: "PUBLISHED", id: scope.workshopId };
  const sessionSelect = { id: true, title: true, startsAt: true, workshopId: true, workshop: { select: { title: true } } } as const;
  const onlySession = scope.kind === "session" ? scope.session : null;
  const sessionStatus = onlySession ? { in: ["PUBLISHED" as const, "CANCELLED" as const] } : ("PUBLISHED" as const);
  const [lectures, gatherings] = await Promise.all([
    onlySession?.kind === "gathering"
      ? []
      : tx.lecture.findMany({ where: { workshop: workshopWhere, status: sessionStatus, ...(onlySession && { id: onlySession.id }) }, select: sessionSelect }),
    onlySession?.kind === "lecture"
      ? []
      : tx.gathering.findMany({ where: { workshop: workshopWhere, status: sessionStatus, ...(onlySession && { id: onlySession.id }) }, select: sessionSelect }),
  ]);
  const sessions = [...lectures.map((s) => ({ ...s, kind: "lecture" as const })), ...gatherings.map((s) => ({ ...s, kind: "gathering" as const }))].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  );
  if (sessions.length === 0) return [];

  const bookings = await tx.booking.findMany({
    where: {
      workshopId: { in: [...new Set(sessions.map((s) => s.workshopId))] },
      status: { in: [...ACTIVE] },
      ...(scope.kind === "organisation" && { participant: { organisationId: scope.organisationId } }),
    },
    orderBy: { createdAt: "asc" },
    select: seatHolderSelect,
  });
  const marks = await tx.attendance.findMany({
    where: {
      sessionKey: { in: sessions.map((s) => attendanceSessionKey(s)) },
      participantId: { in: [...new Set(bookings.map((b) => b.participantId))] },
    },
    select: { participantId: true, sessionKey: true, present: true },
  });
  const markOf = new Map(marks.map((m) => [`${m.sessionKey}|${m.participantId}`, m]));

  const rows: ParticipantRow[] = [];
  for (const s of sessions) {
    const people = onePerPerson({ kind: s.kind, id: s.id, workshopId: s.workshopId }, bookings).sort((a, b) => byNameThenEmail(a.participant, b.participant));
    for (const b of people) {
      rows.push({
        participantId: b.participantId,
        name: b.participant.name,
        email: b.participant.email,
        organisation: b.participant.organisation?.name ?? b.participant.otherOrganisationName,
        bookingKind: b.kind,
        ownProject: b.ownProject,
        bookingStatus: b.status as (typeof ACTIVE)[number],
        workshopTitle: s.workshop.title,
        session: { kind: s.kind, id: s.id, title: s.title, startsAt: s.startsAt },
        attendance: attendanceState(markOf.get(`${attendanceSessionKey(s)}|${b.participantId}`)),
        dietaryNeeds: b.dietaryNeeds,
        accessibilityNeeds: b.accessibilityNeeds,
      });
    }
  }
  return rows;
}
