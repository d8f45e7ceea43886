import "server-only";
import type { z } from "zod";
import type { AppLocale } from "@/lib/domain/money";
import { translateFieldErrors, zodFieldErrors } from "@/lib/server/action-errors";

/** A page's `searchParams`, as Next.js gives them. */
export type SearchParams = Record<string, string | string[] | undefined>;

export type ParsedSearchParams<T> = {
  /** What the use case gets: the valid values, with the schema's defaults for the rest. */
  input: T;
  /** The values as typed (first of each, empty ones left out), to fill the filter form again. */
  values: Record<string, string>;
  /** Translated messages for the fields that were not valid and were left out. */
  fieldErrors: Record<string, string[]>;
};

/** The first value of each query parameter; empty values mean "not given" (a GET form sends them). */
export function firstValues(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value.trim() !== "") out[key] = value;
  }
  return out;
}

/**
 * A query string through a use case's zod schema. Anyone can type anything into the address bar,
 * so a bad value never breaks the page: its field is left out (the default applies) and its
 * translated message comes back for the filter form to show beside the field.
 */
export async function parseSearchParams<S extends z.ZodType>(
  schema: S,
  params: SearchParams,
  locale: AppLocale,
): Promise<ParsedSearchParams<z.output<S>>> {
  const values = firstValues(params);
  const first = schema.safeParse(values);
  if (first.success) return { input: first.data, values, fieldErrors: {} };

  const issues = zodFieldErrors(first.error);
  const fieldErrors = await translateFieldErrors(issues, locale);
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !(key in issues)));
  const second = schema.safeParse(kept);
  if (second.success) return { input: second.data, values, fieldErrors };
  // Only a schema with a required field gets here; the list pages' schemas have none.
  return { input: schema.parse({}), values, fieldErrors };
}
