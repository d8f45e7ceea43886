import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { attendanceOpensOn, attendanceState, mayRecordAttendance, summariseAttendance, type AttendanceState, type AttendanceSummary } from "@/lib/domain/attendance";
import type { LocalDate } from "@/lib/domain/time";
import { loadAttendanceSession, loadExpectedPeople, type AttendanceSession, type ExpectedPerson } from "./attendance-session";
import { sessionRefField } from "./record-attendance-batch";

export const attendanceSheetInput = z.object({
  sessionRef: sessionRefField,
  /** Part of a name or an organisation. */
  q: z.string().trim().max(100, { error: "tooLong" }).optional(),
});
export type AttendanceSheetInput = z.output<typeof attendanceSheetInput>;

export type AttendanceSheetRow = ExpectedPerson & {
  state: AttendanceState;
  recordedAt: Date | null;
  recordedBy: string | null;
};

export type AttendanceSheet = {
  session: AttendanceSession;
  /** Attendance can be recorded now (from the start day on, and not for a cancelled session). */
  canRecord: boolean;
  opensOn: LocalDate;
  /** Everyone expected, whatever the search. */
  summary: AttendanceSummary;
  /** The people the search matches (all when there is no search). */
  rows: AttendanceSheetRow[];
};

const norm = (s: string) => s.toLocaleLowerCase("sv");

/**
 * The attendance list of a session for coordinators: everyone expected, with organisation, booking
 * type, needs from their booking, and what is recorded (present, absent, or not yet). A search
 * narrows the list by name or organisation; the summary always counts everyone.
 */
export async function getAttendanceSheet(user: SessionUser, input: AttendanceSheetInput, now: Date): Promise<AttendanceSheet> {
  assertCan(user, "attendance.record");
  return db.$transaction(
    async (tx) => {
      const session = await loadAttendanceSession(tx, input.sessionRef);
      const people = await loadExpectedPeople(tx, session);
      const marks = await tx.attendance.findMany({
        where: { sessionKey: session.key },
        select: { participantId: true, present: true, recordedAt: true, recordedBy: { select: { name: true, email: true } } },
      });
      const byPerson = new Map(marks.map((m) => [m.participantId, m]));
      const all: AttendanceSheetRow[] = people.map((p) => {
        const mark = byPerson.get(p.participantId);
        return {
          ...p,
          state: attendanceState(mark),
          recordedAt: mark?.recordedAt ?? null,
          recordedBy: mark ? (mark.recordedBy.name ?? mark.recordedBy.email) : null,
        };
      });
      const q = input.q ? norm(input.q) : null;
      const rows = q ? all.filter((r) => norm(r.name ?? "").includes(q) || norm(r.organisation ?? "").includes(q)) : all;
      return {
        session,
        canRecord: session.status === "PUBLISHED" && mayRecordAttendance(session.startsAt, now),
        opensOn: attendanceOpensOn(session.startsAt),
        summary: summariseAttendance(all.map((r) => r.state)),
        rows,
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
