import { z } from "zod";
import { missingPmFields, normalisePmText, PM_LIMITS, type PmField } from "@/lib/domain/pm/form";
import { idField } from "@/lib/validation/fields";
import { NO_MARKUP, NO_MARKUP_MULTILINE } from "@/lib/validation/fields";

/**
 * The PM form's fields, shared by saving a draft and submitting. Messages are keys under
 * "errors.fields". A draft may be incomplete; submitting adds the rule that every required field
 * is filled in. No `server-only`: the client form may use the same limits.
 */

// Longer answers may have line breaks and tabs; none may carry markup or other control characters.

const text = (field: PmField, multiline: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : typeof v === "string" ? normalisePmText(v) : v),
    z
      .string({ error: "required" })
      .max(PM_LIMITS[field], { error: "tooLong" })
      .regex(multiline ? NO_MARKUP_MULTILINE : NO_MARKUP, { error: "forbiddenCharacters" }),
  );

export const pmDraftInput = z.object({
  bookingId: idField,
  title: text("title", false),
  need: text("need", true),
  backgroundPurpose: text("backgroundPurpose", true),
  method: text("method", true).transform((v) => (v === "" ? null : v)),
  workplace: text("workplace", false),
  unit: text("unit", false),
});
export type PmDraftInput = z.infer<typeof pmDraftInput>;

export const pmSubmitInput = pmDraftInput.superRefine((value, ctx) => {
  // A field that already failed (too long, markup) is not empty and keeps its one message.
  const s = (v: unknown) => (typeof v === "string" ? v : "-");
  const missing = missingPmFields({
    title: s(value.title),
    need: s(value.need),
    backgroundPurpose: s(value.backgroundPurpose),
    method: null,
    workplace: s(value.workplace),
    unit: s(value.unit),
  });
  for (const [field, key] of Object.entries(missing)) ctx.addIssue({ code: "custom", path: [field], message: key });
});
export type PmSubmitInput = z.infer<typeof pmSubmitInput>;

/** An uploaded file as the action receives it from multipart form data (the File's bytes are read later). */
export const pmAttachmentInput = z.object({
  bookingId: idField,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, { error: "attachmentMissing" }),
});
export type PmAttachmentInput = z.infer<typeof pmAttachmentInput>;

export const pmRemoveAttachmentInput = z.object({ bookingId: idField });
export type PmRemoveAttachmentInput = z.infer<typeof pmRemoveAttachmentInput>;
