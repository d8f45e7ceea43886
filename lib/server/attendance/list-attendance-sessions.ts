import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  attendanceSessionKey,
  expectedBookings,
  mayRecordAttendance,
  sessionRefParam,
  type AttendanceSessionKind,
} from "@/lib/domain/attendance";
import { assertCan } from "@/lib/domain/roles";

export type AttendanceSessionItem = {
  kind: AttendanceSessionKind;
  id: string;
  ref: string;
  title: string;
  status: "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  workshop: { id: string; title: string };
  expected: number;
  present: number;
  /** Marks recorded for people expected (present or absent). */
  recorded: number;
};

export type AttendanceSessionList = {
  /** Sessions from today's Stockholm date back, newest first: attendance can be recorded. */
  open: AttendanceSessionItem[];
  /** Sessions after today, soonest first: attendance opens on their day. */
  upcoming: AttendanceSessionItem[];
};

/**
 * The sessions a coordinator can keep attendance for: published and cancelled gatherings and
 * lectures of published workshops (never drafts), each with how many are expected and how many
 * were marked present, split around today in Stockholm time.
 */
export async function listAttendanceSessions(user: SessionUser, now: Date): Promise<AttendanceSessionList> {
  assertCan(user, "attendance.record");
  const visible = { status: { in: ["PUBLISHED" as const, "CANCELLED" as const] }, workshop: { status: "PUBLISHED" as const } };
  const select = { id: true, title: true, status: true, startsAt: true, endsAt: true, workshop: { select: { id: true, title: true } } } as const;
  const [lectures, gatherings] = await Promise.all([
    db.lecture.findMany({ where: visible, select }),
    db.gathering.findMany({ where: visible, select }),
  ]);
  const sessions = [
    ...lectures.map((s) => ({ ...s, kind: "lecture" as const })),
    ...gatherings.map((s) => ({ ...s, kind: "gathering" as const })),
  ];
  const workshopIds = [...new Set(sessions.map((s) => s.workshop.id))];
  const [bookings, marks] = await Promise.all([
    db.booking.findMany({
      where: { workshopId: { in: workshopIds }, status: "CONFIRMED" },
      select: { id: true, kind: true, status: true, workshopId: true, lectureId: true, participantId: true },
    }),
    db.attendance.findMany({
      where: { sessionKey: { in: sessions.map((s) => attendanceSessionKey(s)) } },
      select: { participantId: true, sessionKey: true, present: true },
    }),
  ]);
  const bookingsOf = new Map<string, typeof bookings>();
  for (const b of bookings) bookingsOf.set(b.workshopId, [...(bookingsOf.get(b.workshopId) ?? []), b]);
  const marksOf = new Map<string, Map<string, boolean>>();
  for (const m of marks) {
    const forSession = marksOf.get(m.sessionKey) ?? new Map<string, boolean>();
    forSession.set(m.participantId, m.present);
    marksOf.set(m.sessionKey, forSession);
  }

  const items: AttendanceSessionItem[] = sessions.map((s) => {
    const expected = expectedBookings({ kind: s.kind, id: s.id, workshopId: s.workshop.id }, bookingsOf.get(s.workshop.id) ?? []);
    const sessionMarks = marksOf.get(attendanceSessionKey(s)) ?? new Map<string, boolean>();
    const recorded = expected.filter((b) => sessionMarks.has(b.participantId));
    return {
      kind: s.kind,
      id: s.id,
      ref: sessionRefParam(s),
      title: s.title,
      status: s.status as "PUBLISHED" | "CANCELLED",
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      workshop: s.workshop,
      expected: expected.length,
      present: recorded.filter((b) => sessionMarks.get(b.participantId) === true).length,
      recorded: recorded.length,
    };
  });
  const byStart = (a: AttendanceSessionItem, b: AttendanceSessionItem) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);
  return {
    open: items.filter((s) => mayRecordAttendance(s.startsAt, now)).sort((a, b) => byStart(b, a)),
    upcoming: items.filter((s) => !mayRecordAttendance(s.startsAt, now)).sort(byStart),
  };
}
