import "server-only";
import {
  attendanceSessionKey,
  expectedBookings,
  parseSessionRef,
  type AttendanceSessionId,
  type AttendanceSessionKey,
} from "@/lib/domain/attendance";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A public session (published or cancelled, in a published workshop), as attendance reads it. */
export type AttendanceSession = AttendanceSessionId & {
  key: AttendanceSessionKey;
  ref: string;
  title: string;
  status: "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  workshop: { id: string; title: string };
};

type Tx = Prisma.TransactionClient;

/**
 * The session an address names, or NOT_FOUND: also for a draft session or a session of a draft
 * (or archived) workshop, so nothing about drafts is told, not even that they exist.
 */
export async function loadAttendanceSession(tx: Tx, sessionRef: string): Promise<AttendanceSession> {
  const id = parseSessionRef(sessionRef);
  if (!id) throw new AppError("NOT_FOUND");
  const select = {
    id: true,
    title: true,
    status: true,
    startsAt: true,
    endsAt: true,
    venue: { select: { name: true } },
    workshop: { select: { id: true, title: true, status: true } },
  } as const;
  const row =
    id.kind === "lecture"
      ? await tx.lecture.findUnique({ where: { id: id.id }, select })
      : await tx.gathering.findUnique({ where: { id: id.id }, select });
  if (!row || row.status === "DRAFT" || row.workshop.status !== "PUBLISHED") throw new AppError("NOT_FOUND");
  return {
    ...id,
    key: attendanceSessionKey(id),
    ref: sessionRef,
    title: row.title,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    venueName: row.venue.name,
    workshop: { id: row.workshop.id, title: row.workshop.title },
  };
}

export type ExpectedPerson = {
  bookingId: string;
  participantId: string;
  name: string | null;
  email: string;
  organisationId: string | null;
  organisation: string | null;
  bookingKind: "LECTURE" | "PACKAGE";
  ownProject: boolean;
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
};

/**
 * A booking with what tells which sessions it covers (lib/domain/attendance) and who holds the
 * seat: read by attendance and by the participant exports.
 */
export const seatHolderSelect = {
  id: true,
  kind: true,
  status: true,
  workshopId: true,
  lectureId: true,
  participantId: true,
  ownProject: true,
  dietaryNeeds: true,
  accessibilityNeeds: true,
  participant: {
    select: { name: true, email: true, organisationId: true, otherOrganisationName: true, organisation: { select: { name: true } } },
  },
} as const;

/** People in list order: by name (Swedish collation; no name first), then e-mail. */
export function byNameThenEmail(a: { name: string | null; email: string }, b: { name: string | null; email: string }): number {
  return (a.name ?? "").localeCompare(b.name ?? "", "sv") || a.email.localeCompare(b.email);
}

/**
 * Everyone expected at the session (lib/domain/attendance expectedBookings), sorted by name, then
 * e-mail. Their booking's needs come along: a package booking's needs hold for every session.
 */
export async function loadExpectedPeople(tx: Tx, session: AttendanceSessionId & { workshop: { id: string } }): Promise<ExpectedPerson[]> {
  const rows = await tx.booking.findMany({
    where: {
      workshopId: session.workshop.id,
      status: "CONFIRMED",
      OR: session.kind === "lecture" ? [{ kind: "PACKAGE" }, { kind: "LECTURE", lectureId: session.id }] : [{ kind: "PACKAGE" }],
    },
    orderBy: { createdAt: "asc" },
    select: seatHolderSelect,
  });
  const expected = expectedBookings({ kind: session.kind, id: session.id, workshopId: session.workshop.id }, rows);
  return expected
    .map((b) => ({
      bookingId: b.id,
      participantId: b.participantId,
      name: b.participant.name,
      email: b.participant.email,
      organisationId: b.participant.organisationId,
      organisation: b.participant.organisation?.name ?? b.participant.otherOrganisationName,
      bookingKind: b.kind,
      ownProject: b.ownProject,
      dietaryNeeds: b.dietaryNeeds,
      accessibilityNeeds: b.accessibilityNeeds,
    }))
    .sort(byNameThenEmail);
}
