import "server-only";
import { db } from "@/lib/db";
import {
  attendanceSessionKey,
  attendanceState,
  bookingCoversSession,
  mayRecordAttendance,
  summariseAttendance,
  type AttendanceSessionKind,
  type AttendanceState,
  type AttendanceSummary,
} from "@/lib/domain/attendance";

export type MyAttendanceRow = {
  kind: AttendanceSessionKind;
  id: string;
  title: string;
  startsAt: Date;
  workshop: { id: string; title: string };
  state: AttendanceState;
};

export type MyAttendance = { rows: MyAttendanceRow[]; summary: AttendanceSummary };

/**
 * A participant's own attendance record: each session of a published workshop that has begun
 * (from its Stockholm start day) and that they were booked on or marked at, newest first, with
 * present, absent or not recorded. Only the signed-in person's own rows are read.
 */
export async function listMyAttendance(user: { id: string }, now: Date): Promise<MyAttendance> {
  const [bookings, marks] = await Promise.all([
    db.booking.findMany({
      where: { participantId: user.id, status: "CONFIRMED", workshop: { status: "PUBLISHED" } },
      select: { id: true, kind: true, status: true, workshopId: true, lectureId: true, participantId: true },
    }),
    db.attendance.findMany({ where: { participantId: user.id }, select: { sessionKey: true, present: true } }),
  ]);
  const workshopIds = [...new Set(bookings.map((b) => b.workshopId))];
  const markedLectures = marks.filter((m) => m.sessionKey.startsWith("L:")).map((m) => m.sessionKey.slice(2));
  const markedGatherings = marks.filter((m) => m.sessionKey.startsWith("G:")).map((m) => m.sessionKey.slice(2));
  const visible = { status: "PUBLISHED" as const, workshop: { status: "PUBLISHED" as const } };
  const select = { id: true, title: true, startsAt: true, workshopId: true, workshop: { select: { id: true, title: true } } } as const;
  const [lectures, gatherings] = await Promise.all([
    db.lecture.findMany({ where: { ...visible, OR: [{ workshopId: { in: workshopIds } }, { id: { in: markedLectures } }] }, select }),
    db.gathering.findMany({ where: { ...visible, OR: [{ workshopId: { in: workshopIds } }, { id: { in: markedGatherings } }] }, select }),
  ]);
  const markOf = new Map(marks.map((m) => [m.sessionKey, m]));
  const rows = [...lectures.map((s) => ({ ...s, kind: "lecture" as const })), ...gatherings.map((s) => ({ ...s, kind: "gathering" as const }))]
    .filter((s) => mayRecordAttendance(s.startsAt, now))
    .filter((s) => markOf.has(attendanceSessionKey(s)) || bookings.some((b) => bookingCoversSession(b, { kind: s.kind, id: s.id, workshopId: s.workshopId })))
    .map((s) => ({ kind: s.kind, id: s.id, title: s.title, startsAt: s.startsAt, workshop: s.workshop, state: attendanceState(markOf.get(attendanceSessionKey(s))) }))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || a.id.localeCompare(b.id));
  return { rows, summary: summariseAttendance(rows.map((r) => r.state)) };
}
