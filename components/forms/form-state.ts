import type { ActionResult } from "@/lib/server/action";

/** What a form shows after its action answered: nothing yet, success, or the translated errors. */
export type FormState<T> = ActionResult<T> | null;

export function fieldErrorsOf(state: FormState<unknown>, field: string): string[] {
  return state && !state.ok ? (state.fieldErrors?.[field] ?? []) : [];
}
