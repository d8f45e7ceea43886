/**
 * The PDFs' wording: the `billingPdf` namespace of messages/{sv,en}.json. No server-only import:
 * scripts and the benchmark render PDFs outside Next.js.
 */
import type { AppLocale } from "@/lib/domain/money";
import { looseTranslator } from "@/lib/i18n/loose-translator";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";

export type PdfMessageKey = keyof typeof sv.billingPdf;
export type PdfTranslator = (key: PdfMessageKey, values?: Record<string, string | number>) => string;

const translators: Partial<Record<AppLocale, PdfTranslator>> = {};

export function pdfTranslator(locale: AppLocale): PdfTranslator {
  let t = translators[locale];
  if (!t) {
    const loose = looseTranslator(locale, { billingPdf: (locale === "sv" ? sv : en).billingPdf });
    t = (key, values) => loose(`billingPdf.${key}`, values);
    translators[locale] = t;
  }
  return t;
}
