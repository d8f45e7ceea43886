import "server-only";
import { db } from "@/lib/db";
import { earliestMeetingDay, meetingDateProblem } from "@/lib/domain/supervision";
import { dateColumnToLocalDate, localDateToDateColumn, toStockholmDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { LogMeetingInput } from "@/lib/server/supervision/input";

export { logMeetingInput } from "@/lib/server/supervision/input";

/**
 * The supervisor logs a meeting they held: day, form and a short note. Only the supervisor assigned
 * to the project: anyone else, a coordinator included, gets NOT_FOUND (guessing ids reveals nothing;
 * coordinators follow meetings, they do not log them). Only while the supervision is ACTIVE.
 * The day is a Stockholm date, not after today and not more than a week before the period's start
 * (lib/domain/supervision: meetingDateProblem).
 */
export async function logMeeting(
  user: { id: string },
  input: LogMeetingInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ meetingId: string; meetingsHeld: number }> {
  return db.$transaction(async (tx) => {
    // Locked, so a meeting is never logged into a supervision being closed at the same moment.
    await tx.$queryRaw`select id from "Supervision" where id = ${input.supervisionId} for update`;
    const supervision = await tx.supervision.findUnique({
      where: { id: input.supervisionId },
      select: { id: true, supervisorId: true, status: true, startsOn: true },
    });
    if (!supervision || supervision.supervisorId !== user.id) throw new AppError("NOT_FOUND");
    if (supervision.status !== "ACTIVE") throw new AppError("CONFLICT", `Supervision ${supervision.id} is ${supervision.status}`);

    const startsOn = dateColumnToLocalDate(supervision.startsOn);
    const today = toStockholmDate(now);
    const problem = meetingDateProblem(input.heldOn, { startsOn }, today);
    if (problem) {
      const params = problem === "meetingBeforeStart" ? { date: earliestMeetingDay(startsOn) } : { date: today };
      throw new AppError("INVALID_INPUT", problem, { heldOn: [{ key: problem, params }] });
    }

    const meeting = await tx.supervisionMeeting.create({
      data: {
        supervisionId: supervision.id,
        heldOn: localDateToDateColumn(input.heldOn),
        form: input.form,
        note: input.note,
        loggedById: user.id,
      },
      select: { id: true },
    });
    const meetingsHeld = await tx.supervisionMeeting.count({ where: { supervisionId: supervision.id } });
    // The note itself stays out of the audit log: it may say things about the participant's work.
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "supervision.meeting_logged",
      entityType: "SupervisionMeeting",
      entityId: meeting.id,
      after: { supervisionId: supervision.id, heldOn: input.heldOn, form: input.form, meetingsHeld },
      requestId: context.requestId,
    });
    return { meetingId: meeting.id, meetingsHeld };
  });
}
