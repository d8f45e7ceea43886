import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { attendanceOpensOn, mayRecordAttendance } from "@/lib/domain/attendance";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { loadAttendanceSession, loadExpectedPeople } from "./attendance-session";

export const sessionRefField = z.string({ error: "required" }).max(80, { error: "invalidChoice" });

export const attendanceMark = z.object({
  participantId: idField,
  present: z.boolean({ error: "invalidChoice" }),
});

/** The form's field for one person: `mark.<participantId>` = "present" | "absent". */
export const MARK_FIELD_PREFIX = "mark.";

/**
 * Marks for one session. Also takes the attendance form as posted (one radio group per person,
 * `mark.<participantId>`): a person with neither button chosen is left as they were.
 */
export const recordAttendanceBatchInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || "marks" in raw) return raw;
    const form = raw as Record<string, unknown>;
    const marks = Object.entries(form)
      .filter(([key]) => key.startsWith(MARK_FIELD_PREFIX))
      .map(([key, value]) => ({
        participantId: key.slice(MARK_FIELD_PREFIX.length),
        present: value === "present" ? true : value === "absent" ? false : value,
      }));
    return { sessionRef: form.sessionRef, marks };
  },
  z.object({
    sessionRef: sessionRefField,
    marks: z.array(attendanceMark).max(2000, { error: "tooMany" }),
  }),
);
export type RecordAttendanceBatchInput = z.output<typeof recordAttendanceBatchInput>;

export type RecordAttendanceResult = { saved: number; unchanged: number };

/**
 * Saves attendance marks for one session, inside the caller's transaction. All or nothing: a
 * mark for someone not expected at the session refuses the whole batch. Marks that say what is
 * already stored are left alone (saving the same form twice changes nothing and logs nothing);
 * the others are written (upsert on person and session) with who recorded them and when, and one
 * audit event names every change.
 */
export async function saveAttendanceMarks(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  input: RecordAttendanceBatchInput,
  now: Date,
  requestId?: string,
): Promise<RecordAttendanceResult> {
  const session = await loadAttendanceSession(tx, input.sessionRef);
  if (session.status === "CANCELLED") {
    throw new AppError("INVALID_INPUT", undefined, { sessionRef: ["attendanceCancelled"] });
  }
  if (!mayRecordAttendance(session.startsAt, now)) {
    throw new AppError("INVALID_INPUT", undefined, { sessionRef: [{ key: "attendanceNotYet", params: { date: attendanceOpensOn(session.startsAt) } }] });
  }
  // The last mark for a person wins, as when a form is changed before it is sent.
  const marks = new Map(input.marks.map((m) => [m.participantId, m.present]));
  const expected = new Map((await loadExpectedPeople(tx, session)).map((p) => [p.participantId, p]));
  const strangers = [...marks.keys()].filter((id) => !expected.has(id));
  if (strangers.length > 0) throw new AppError("INVALID_INPUT", undefined, { marks: ["attendanceNotExpected"] });

  const stored = await tx.attendance.findMany({
    where: { sessionKey: session.key, participantId: { in: [...marks.keys()] } },
    select: { participantId: true, present: true },
  });
  const before = new Map(stored.map((s) => [s.participantId, s.present]));
  const changes = [...marks].filter(([participantId, present]) => before.get(participantId) !== present);

  for (const [participantId, present] of changes) {
    const person = expected.get(participantId)!;
    const data = {
      present,
      recordedById: user.id,
      recordedAt: now,
      bookingId: person.bookingId,
    };
    await tx.attendance.upsert({
      where: { participantId_sessionKey: { participantId, sessionKey: session.key } },
      create: {
        participantId,
        sessionKey: session.key,
        lectureId: session.kind === "lecture" ? session.id : null,
        gatheringId: session.kind === "gathering" ? session.id : null,
        ...data,
      },
      update: data,
    });
  }
  if (changes.length > 0) {
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "attendance.recorded",
      entityType: "Attendance",
      entityId: session.key,
      before: changes.map(([participantId]) => ({ participantId, present: before.get(participantId) ?? null })),
      after: changes.map(([participantId, present]) => ({ participantId, present })),
      requestId,
    });
  }
  return { saved: changes.length, unchanged: marks.size - changes.length };
}

/** Coordinators and admins record attendance for a whole session list at once (one form). */
export async function recordAttendanceBatch(
  user: SessionUser,
  input: RecordAttendanceBatchInput,
  now: Date,
  options: { requestId?: string } = {},
): Promise<RecordAttendanceResult> {
  assertCan(user, "attendance.record");
  return runAttendanceTransaction((tx) => saveAttendanceMarks(tx, user, input, now, options.requestId));
}

/** Two coordinators marking the same new person at the same moment: the second is told to reload. */
export async function runAttendanceTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT");
    throw error;
  }
}
