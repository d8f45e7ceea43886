/**
 * A translator over the site's own messages (messages/{sv,en}.json) for code that runs outside
 * a page's request context: error texts of actions and routes, file exports, calendar feeds.
 * Loosely typed (keys built at run time are looked up by name; callers check `has`).
 * No server-only import: scripts and tests use the same wording.
 */
import type { AbstractIntlMessages } from "next-intl";
import type { AppLocale } from "@/lib/domain/money";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";
import { looseTranslator, type LooseTranslator } from "./loose-translator";

const MESSAGES: Record<AppLocale, AbstractIntlMessages> = { sv, en };

export function siteTranslator(locale: AppLocale): LooseTranslator {
  return looseTranslator(locale, MESSAGES[locale]);
}
