import "server-only";
import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation/fields";
import { multilineText } from "./workshop-input";

export const LECTURER_LIMITS = { name: 150, affiliation: 200, bio: 4_000 } as const;

/** The lecturer form's fields, shared by createLecturer and updateLecturer. */
export const lecturerFields = z.object({
  name: requiredText(LECTURER_LIMITS.name),
  affiliation: z.preprocess((v) => (v === null ? undefined : v), optionalText(LECTURER_LIMITS.affiliation)),
  bio: multilineText(LECTURER_LIMITS.bio, { required: false }).transform((v) => v || null),
});
export type LecturerFields = z.infer<typeof lecturerFields>;

export const lecturerSelect = { id: true, name: true, affiliation: true, bio: true } as const;
