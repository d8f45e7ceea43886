import { createTranslator, type AbstractIntlMessages } from "next-intl";

/**
 * A translator for keys built at run time (error codes, e-mail template names), where next-intl's
 * compile-time key types cannot help; callers check `has` and fall back. No server-only imports:
 * the e-mail worker uses it outside Next.js.
 */
export type LooseTranslator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

export function looseTranslator(locale: "sv" | "en", messages: AbstractIntlMessages): LooseTranslator {
  return createTranslator({ locale, messages }) as unknown as LooseTranslator;
}
