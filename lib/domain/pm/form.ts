/**
 * The project PM's fields: a title, why the project is needed, its background and purpose, the
 * method ("if you have come that far": optional), and the workplace and unit where it is done.
 * A draft may be incomplete; a submitted PM has every required field. Pure.
 */

export const PM_FIELDS = ["title", "need", "backgroundPurpose", "method", "workplace", "unit"] as const;
export type PmField = (typeof PM_FIELDS)[number];

export const PM_LIMITS: Readonly<Record<PmField, number>> = {
  title: 150,
  need: 4000,
  backgroundPurpose: 4000,
  method: 4000,
  workplace: 150,
  unit: 150,
};

export const PM_REQUIRED: readonly PmField[] = ["title", "need", "backgroundPurpose", "workplace", "unit"];

export type PmTexts = { title: string; need: string; backgroundPurpose: string; method: string | null; workplace: string; unit: string };

/** Line breaks as the browser sends them ("\r\n") become "\n", so a text is counted as it looks. */
export function normalisePmText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** Required fields still empty (message key "required" under "errors.fields"). */
export function missingPmFields(texts: PmTexts): Partial<Record<PmField, "required">> {
  const missing: Partial<Record<PmField, "required">> = {};
  for (const field of PM_REQUIRED) {
    if ((texts[field] ?? "").trim() === "") missing[field] = "required";
  }
  return missing;
}
