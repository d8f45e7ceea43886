import { z } from "zod";
import { missingAnswers, normaliseAnswer, PRE_TRAINING_LIMITS } from "@/lib/domain/pre-training";
import { emailField, idField } from "@/lib/validation/fields";
import { NO_MARKUP, NO_MARKUP_MULTILINE } from "@/lib/validation/fields";

/**
 * The pre-training form's fields, shared by saving a draft and submitting. Messages are keys under
 * "errors.fields". A draft may be incomplete; submitting adds the rule that everything is filled in.
 */

// As lib/validation's plain text, but a longer answer may have line breaks and tabs.

const answer = z.preprocess(
  (v) => (v === undefined || v === null ? "" : typeof v === "string" ? normaliseAnswer(v) : v),
  z
    .string({ error: "required" })
    .max(PRE_TRAINING_LIMITS.answer, { error: "tooLong" })
    .regex(NO_MARKUP_MULTILINE, { error: "forbiddenCharacters" }),
);

const managerName = z.preprocess(
  (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "required" })
    .max(PRE_TRAINING_LIMITS.managerName, { error: "tooLong" })
    .regex(NO_MARKUP, { error: "forbiddenCharacters" }),
);

// Empty is allowed in a draft; anything else must be an e-mail address.
const managerEmail = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
  emailField.optional().transform((v) => v ?? ""),
);

const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const preTrainingDraftInput = z.object({
  bookingId: idField,
  expectedGain: answer,
  disseminationPlan: answer,
  managerName,
  managerEmail,
  agreedWithManager: checkbox,
});
export type PreTrainingDraftInput = z.infer<typeof preTrainingDraftInput>;

export const preTrainingSubmitInput = preTrainingDraftInput.superRefine((value, ctx) => {
  // The rule runs also when a field already failed (too long, a bad address): such a field is not
  // empty, so it keeps its one message. A value of the wrong type has its own message already.
  const text = (v: unknown) => (typeof v === "string" ? v : "-");
  const missing = missingAnswers({
    expectedGain: text(value.expectedGain),
    disseminationPlan: text(value.disseminationPlan),
    managerName: text(value.managerName),
    managerEmail: text(value.managerEmail),
    agreedWithManager: value.agreedWithManager === true,
  });
  for (const [field, key] of Object.entries(missing)) ctx.addIssue({ code: "custom", path: [field], message: key });
});
export type PreTrainingSubmitInput = z.infer<typeof preTrainingSubmitInput>;
