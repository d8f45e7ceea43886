import { z } from "zod";
import { MEETING_FORMS, SUPERVISION_RULES, type MeetingForm } from "@/lib/domain/supervision";
import { localDateField } from "@/lib/validation/date-field";
import { idField } from "@/lib/validation/fields";
import { NO_MARKUP_MULTILINE } from "@/lib/validation/fields";

/**
 * The supervision forms' fields, shared by the forms (client) and the use cases (server). Messages
 * are keys under "errors.fields".
 */

// Like lib/validation's plain text, but a note may have line breaks and tabs.


export const assignSupervisorInput = z.object({
  pmId: idField,
  supervisorId: idField,
  /** First day of the period (Stockholm); the end follows from the workshop's supervisionMonths. */
  startsOn: localDateField,
  plannedMeetings: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "tooFewMeetings" })
    .max(SUPERVISION_RULES.maxPlannedMeetings, { error: "tooManyMeetings" }),
});
export type AssignSupervisorInput = z.infer<typeof assignSupervisorInput>;

export const logMeetingInput = z.object({
  supervisionId: idField,
  heldOn: localDateField,
  form: z.enum(MEETING_FORMS as [MeetingForm, ...MeetingForm[]], { error: "invalidChoice" }),
  note: z.preprocess(
    (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v),
    z
      .string({ error: "required" })
      .min(1, { error: "required" })
      .max(SUPERVISION_RULES.noteMax, { error: "tooLong" })
      .regex(NO_MARKUP_MULTILINE, { error: "forbiddenCharacters" }),
  ),
});
export type LogMeetingInput = z.infer<typeof logMeetingInput>;

export const completeSupervisionInput = z.object({ supervisionId: idField });
export type CompleteSupervisionInput = z.infer<typeof completeSupervisionInput>;

export const supervisionOverviewInput = z.object({
  workshop: idField.optional(),
  supervisor: idField.optional(),
  /** "unassigned": only accepted projects without a supervisor yet. */
  show: z.enum(["all", "unassigned"], { error: "invalidChoice" }).optional(),
});
export type SupervisionOverviewInput = z.infer<typeof supervisionOverviewInput>;
