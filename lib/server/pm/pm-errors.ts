/**
 * Errors the PM use cases share. The codes are the generic ones (lib/errors.ts); what exactly went
 * wrong travels as a form-level field message (`_form`, keys under "errors.fields"), which the PM
 * form shows in place of the code's general text.
 *
 * No `server-only`: the jobs share the module folder's helpers.
 */
import type { PmStatus } from "@/lib/domain/pm/machine";
import { formatLocalDate, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";

/** The PM is submitted, decided or withdrawn: the participant cannot change or resubmit it now. */
export function pmLockedError(status: PmStatus): AppError {
  return new AppError("CONFLICT", `The PM is ${status}: it cannot be changed now`, { _form: [{ key: `pmLocked${status}` }] });
}

/** The person's deadline (with any extension) has passed. */
export function pmTooLateError(deadline: LocalDate, locale: "sv" | "en"): AppError {
  const date = formatLocalDate(deadline, locale);
  return new AppError("TOO_LATE", `The PM deadline ${deadline} has passed`, { _form: [{ key: "pmTooLate", params: { date } }] }, { date });
}
