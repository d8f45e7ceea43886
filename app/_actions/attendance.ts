"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { recordAttendance, recordAttendanceInput } from "@/lib/server/attendance/record-attendance";
import { recordAttendanceBatch, recordAttendanceBatchInput } from "@/lib/server/attendance/record-attendance-batch";

/**
 * Attendance for coordinators and admins. The use cases check the session (published, begun) and
 * that each person is expected there.
 */

export const recordAttendanceAction = defineAction({
  name: "attendance.record",
  access: { kind: "permission", permission: "attendance.record" },
  input: recordAttendanceInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await recordAttendance(user, input, now, { requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

/** The attendance form: one radio group per person, one "Spara närvaro" button. */
export const recordAttendanceBatchAction = defineAction({
  name: "attendance.recordBatch",
  access: { kind: "permission", permission: "attendance.record" },
  input: recordAttendanceBatchInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await recordAttendanceBatch(user, input, now, { requestId });
    revalidatePath("/", "layout");
    return result;
  },
});
