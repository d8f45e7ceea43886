import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { attendanceMark, runAttendanceTransaction, saveAttendanceMarks, sessionRefField, type RecordAttendanceResult } from "./record-attendance-batch";

export const recordAttendanceInput = attendanceMark.extend({ sessionRef: sessionRefField });
export type RecordAttendanceInput = z.output<typeof recordAttendanceInput>;

/**
 * One person's attendance at one session (present or absent), under the same rules as the whole
 * list: only people expected at a published session, from its Stockholm start day on; audited.
 */
export async function recordAttendance(
  user: SessionUser,
  input: RecordAttendanceInput,
  now: Date,
  options: { requestId?: string } = {},
): Promise<RecordAttendanceResult> {
  assertCan(user, "attendance.record");
  const marks = [{ participantId: input.participantId, present: input.present }];
  return runAttendanceTransaction((tx) => saveAttendanceMarks(tx, user, { sessionRef: input.sessionRef, marks }, now, options.requestId));
}
