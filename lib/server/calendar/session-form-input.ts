/**
 * The session editor's form fields (lectures and gatherings) and how they are read.
 *
 * The action's schema (`*FormInput`) only checks shapes, so that every problem of a submitted form
 * is reported at once: `readLectureForm` / `readGatheringForm` then parse the values with the strict
 * field rules and the pure session rules (lib/domain/session-editor), and collect all field issues
 * together. The use case adds what needs the database (the workshop's days, seats taken) and throws
 * one INVALID_INPUT with all of them.
 */
import { z } from "zod";
import {
  isVatRateBp,
  parseKronor,
  sessionTimes,
  type FieldIssues,
  type SessionTimes,
} from "@/lib/domain/session-editor";
import { AppError } from "@/lib/errors";
import { idField, NO_MARKUP_MULTILINE, optionalText, requiredText } from "@/lib/validation/fields";

const loose = z.string().max(200).optional().default("");
const looseId = z.string().max(60).optional().default("");

const sessionShape = {
  title: loose,
  description: z.string().max(10_000).optional().default(""),
  venueId: looseId,
  startDate: loose,
  startTime: loose,
  endDate: loose,
  endTime: loose,
  capacity: loose,
};

/** What the lecture form sends (all strings, as FormData has them). */
export const lectureFormShape = z.object({
  ...sessionShape,
  theme: loose,
  lecturerId: looseId,
  priceMember: loose,
  priceNonMember: loose,
  vatRateBp: loose,
});
export type LectureFormValues = z.input<typeof lectureFormShape>;

/** What the gathering form sends. */
export const gatheringFormShape = z.object(sessionShape);
export type GatheringFormValues = z.input<typeof gatheringFormShape>;

const descriptionField = z
  .string()
  .trim()
  .max(4000, { error: "tooLong" })
  .regex(NO_MARKUP_MULTILINE, { error: "forbiddenCharacters" })
  .transform((v) => (v === "" ? null : v));

const capacityField = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .regex(/^(\d{1,5})?$/, { error: "capacityTooSmall" })
  .transform(Number)
  .refine((n) => n >= 1, { error: "capacityTooSmall" });

const strictSession = {
  title: requiredText(120),
  description: descriptionField,
  venueId: idField,
  capacity: capacityField,
};

const strictLecture = z.object({
  ...strictSession,
  theme: requiredText(120),
  lecturerId: idField,
  vatRateBp: z
    .string()
    .trim()
    .regex(/^\d+$/, { error: "invalidChoice" })
    .transform(Number)
    .refine(isVatRateBp, { error: "invalidChoice" }),
});
const strictGathering = z.object(strictSession);

export type SessionFields = { title: string; description: string | null; venueId: string; capacity: number } & SessionTimes;
export type LectureFields = SessionFields & {
  theme: string;
  lecturerId: string;
  priceMemberOre: number;
  priceNonMemberOre: number;
  vatRateBp: number;
};

function add(issues: FieldIssues, more: FieldIssues): void {
  for (const [field, list] of Object.entries(more)) (issues[field] ??= []).push(...list);
}

function zodIssues(error: z.ZodError): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    const key = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    const params: Record<string, string | number> = {};
    if ("maximum" in issue && typeof issue.maximum === "number") params.max = issue.maximum;
    (out[field] ??= []).push({ key, params });
  }
  return out;
}

function readTimes(values: { startDate: string; startTime: string; endDate: string; endTime: string }, issues: FieldIssues): SessionTimes | null {
  const times = sessionTimes({ startDate: values.startDate, startTime: values.startTime, endDate: values.endDate, endTime: values.endTime });
  if (!times.ok) {
    add(issues, times.issues);
    return null;
  }
  return times.times;
}

/** Throws INVALID_INPUT with every field issue, or returns the lecture's values. */
export function readLectureForm(values: z.output<typeof lectureFormShape>): LectureFields {
  const issues: FieldIssues = {};
  const parsed = strictLecture.safeParse(values);
  if (!parsed.success) add(issues, zodIssues(parsed.error));
  const times = readTimes(values, issues);
  const member = parseKronor(values.priceMember);
  const nonMember = parseKronor(values.priceNonMember);
  if (!member.ok) add(issues, { priceMember: [member.issue] });
  if (!nonMember.ok) add(issues, { priceNonMember: [nonMember.issue] });
  if (!parsed.success || !times || !member.ok || !nonMember.ok) throw invalid(issues);
  return { ...parsed.data, ...times, priceMemberOre: member.ore, priceNonMemberOre: nonMember.ore };
}

/** Throws INVALID_INPUT with every field issue, or returns the gathering's values. */
export function readGatheringForm(values: z.output<typeof gatheringFormShape>): SessionFields {
  const issues: FieldIssues = {};
  const parsed = strictGathering.safeParse(values);
  if (!parsed.success) add(issues, zodIssues(parsed.error));
  const times = readTimes(values, issues);
  if (!parsed.success || !times) throw invalid(issues);
  return { ...parsed.data, ...times };
}

export function invalid(issues: FieldIssues): AppError {
  return new AppError("INVALID_INPUT", `Session form: ${Object.keys(issues).join(", ")}`, issues);
}

/** An optional reason or note, for the cancel form. */
export const optionalReason = optionalText(500);

/** Parses a use case's input with its schema; a bad shape is INVALID_INPUT with field issues, never a crash. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  return parsed.data;
}
