/**
 * Attendance rules: how a session is named in an address ("l-<id>" / "g-<id>") and in the
 * database (Attendance.sessionKey "L:<id>" / "G:<id>"), who is expected at a session, from when
 * attendance may be recorded (Stockholm time), and what a list of marks adds up to. Pure: the
 * current time is passed in.
 */
import { toStockholmDate, type LocalDate } from "./time";

export type AttendanceSessionKind = "lecture" | "gathering";
export type AttendanceSessionId = { kind: AttendanceSessionKind; id: string };
export type AttendanceSessionKey = `L:${string}` | `G:${string}`;

// cuids (and the seed's ids): lower-case letters and digits; anything else is not a session.
const REF_RE = /^([lg])-([a-z0-9]{1,64})$/;
const KEY_RE = /^([LG]):([a-z0-9]{1,64})$/;

/** "l-<lectureId>" / "g-<gatheringId>": the session's part of an address. */
export function sessionRefParam(session: AttendanceSessionId): string {
  return `${session.kind === "lecture" ? "l" : "g"}-${session.id}`;
}

/** The address part back to the session it names; null for anything else. */
export function parseSessionRef(ref: string): AttendanceSessionId | null {
  const m = REF_RE.exec(ref);
  if (!m) return null;
  return { kind: m[1] === "l" ? "lecture" : "gathering", id: m[2]! };
}

/** "L:<lectureId>" / "G:<gatheringId>", as stored in Attendance.sessionKey. */
export function attendanceSessionKey(session: AttendanceSessionId): AttendanceSessionKey {
  return session.kind === "lecture" ? `L:${session.id}` : `G:${session.id}`;
}

export function parseAttendanceSessionKey(key: string): AttendanceSessionId | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  return { kind: m[1] === "L" ? "lecture" : "gathering", id: m[2]! };
}

// ───────────────────────── Who is expected ─────────────────────────

export type BookingForAttendance = {
  id: string;
  kind: "LECTURE" | "PACKAGE";
  status: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
  workshopId: string;
  lectureId: string | null;
  participantId: string;
};

export type SessionForAttendance = AttendanceSessionId & { workshopId: string };

/** Is the session part of what was booked (whatever the booking's status)? */
export function bookingIncludesSession(booking: Omit<BookingForAttendance, "status" | "id" | "participantId">, session: SessionForAttendance): boolean {
  if (booking.workshopId !== session.workshopId) return false;
  if (booking.kind === "PACKAGE") return true;
  return session.kind === "lecture" && booking.lectureId === session.id;
}

/** Does this booking give its participant a seat at the session? (Confirmed bookings only.) */
export function bookingCoversSession(booking: BookingForAttendance, session: SessionForAttendance): boolean {
  return booking.status === "CONFIRMED" && bookingIncludesSession(booking, session);
}

/**
 * One booking per person among those that include the session: the package before a single
 * lecture booking (the package also covers the rest of the workshop).
 */
export function onePerPerson<B extends BookingForAttendance>(session: SessionForAttendance, bookings: readonly B[]): B[] {
  const byPerson = new Map<string, B>();
  for (const b of bookings) {
    if (!bookingIncludesSession(b, session)) continue;
    const held = byPerson.get(b.participantId);
    if (!held || (held.kind === "LECTURE" && b.kind === "PACKAGE")) byPerson.set(b.participantId, b);
  }
  return [...byPerson.values()];
}

/**
 * Who is expected at a session, one booking per person: a lecture expects its confirmed lecture
 * bookings and the workshop's confirmed package bookings; a gathering only the package bookings.
 * Someone holding both a lecture booking and the package is counted once, by the package (the
 * booking that also covers the rest of the workshop). Order of the input is kept otherwise.
 */
export function expectedBookings<B extends BookingForAttendance>(session: SessionForAttendance, bookings: readonly B[]): B[] {
  return onePerPerson(
    session,
    bookings.filter((b) => b.status === "CONFIRMED"),
  );
}

// ───────────────────────── When ─────────────────────────

/** Attendance opens on the Stockholm day the session starts (from 00:00 that day), and stays open. */
export function attendanceOpensOn(startsAt: Date): LocalDate {
  return toStockholmDate(startsAt);
}

export function mayRecordAttendance(startsAt: Date, now: Date): boolean {
  return toStockholmDate(now) >= attendanceOpensOn(startsAt);
}

// ───────────────────────── Marks ─────────────────────────

export type AttendanceState = "present" | "absent" | "notRecorded";

export function attendanceState(mark: { present: boolean } | null | undefined): AttendanceState {
  if (!mark) return "notRecorded";
  return mark.present ? "present" : "absent";
}

export type AttendanceSummary = { expected: number; present: number; absent: number; notRecorded: number };

export function summariseAttendance(states: readonly AttendanceState[]): AttendanceSummary {
  const summary: AttendanceSummary = { expected: states.length, present: 0, absent: 0, notRecorded: 0 };
  for (const s of states) summary[s] += 1;
  return summary;
}

/**
 * Share present among the marks recorded (present ÷ (present + absent)), as a whole percent;
 * null when nothing is recorded yet (0 % would say everyone stayed away).
 */
export function attendanceRatePercent(present: number, absent: number): number | null {
  const recorded = present + absent;
  return recorded === 0 ? null : Math.round((present * 100) / recorded);
}
