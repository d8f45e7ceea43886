import "server-only";
import type { z } from "zod";
import type { AppLocale } from "@/lib/domain/money";
import type { LooseTranslator } from "@/lib/i18n/loose-translator";
import { siteTranslator } from "@/lib/i18n/site-messages";

import type { FieldIssue } from "@/lib/errors";

export type { FieldIssue };

// Loosely typed on purpose: error codes are looked up by name at run time, with a fallback.
function translator(locale: AppLocale): LooseTranslator {
  return siteTranslator(locale);
}

export async function translateError(code: string, locale: AppLocale, params: Record<string, string | number> = {}): Promise<string> {
  const t = translator(locale);
  const key = `errors.codes.${code}`;
  return t.has(key) ? t(key, params) : t.has("errors.codes.INTERNAL") ? t("errors.codes.INTERNAL", params) : code;
}

export async function translateFieldErrors(
  issues: Record<string, (string | FieldIssue)[]>,
  locale: AppLocale,
): Promise<Record<string, string[]>> {
  const t = translator(locale);
  const out: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(issues)) {
    out[field] = list.map((issue) => {
      const { key, params } = typeof issue === "string" ? { key: issue, params: undefined } : issue;
      const path = `errors.fields.${key}`;
      return t.has(path) ? t(path, params ?? {}) : key;
    });
  }
  return out;
}

/**
 * zod issues → field issues. Our schemas use translation keys as messages (lib/validation);
 * zod's own messages (a wrong type, say) become the generic "invalid".
 */
export function zodFieldErrors(error: z.ZodError): Record<string, FieldIssue[]> {
  const out: Record<string, FieldIssue[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    const key = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    const params: Record<string, string | number> = {};
    if ("maximum" in issue && typeof issue.maximum === "number") params.max = issue.maximum;
    if ("minimum" in issue && typeof issue.minimum === "number") params.min = issue.minimum;
    (out[field] ??= []).push({ key, params });
  }
  return out;
}

/** The locale of the current request (next-intl), or Swedish outside a request. */
export async function requestLocale(): Promise<AppLocale> {
  try {
    const { getLocale } = await import("next-intl/server");
    const locale = await getLocale();
    return locale === "en" ? "en" : "sv";
  } catch {
    return "sv";
  }
}
