import { z } from "zod";
import { addDays } from "@/lib/domain/time";

// Apart from fields.ts, which client forms import: this one brings the Stockholm date library along.
/** A real calendar day, "YYYY-MM-DD" (2031-02-30 is refused). */
export const localDateField = z
  .string({ error: "invalidDate" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
  .refine((value) => {
    try {
      return addDays(value, 0) === value;
    } catch {
      return false;
    }
  }, { error: "invalidDate" });
