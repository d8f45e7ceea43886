/**
 * How the PDFs write amounts, rates, dates and numbers, and the text filter for the standard
 * Helvetica fonts. Pure; no server-only import (scripts and the benchmark render PDFs too).
 */
import { assertOre, type AppLocale, type Ore } from "@/lib/domain/money";

const amountFormat: Record<AppLocale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/**
 * An amount with öre, as invoices show it: "1 900,00" (sv) / "1,900.00" (en). Always two decimals,
 * unlike formatSek on the web pages: columns of amounts line up on the decimal comma.
 */
export function formatAmount(ore: Ore, locale: AppLocale): string {
  return amountFormat[locale].format(assertOre(ore) / 100);
}

/** "1 900,00 kr" (sv) / "SEK 1,900.00" (en). */
export function formatMoney(ore: Ore, locale: AppLocale): string {
  return locale === "sv" ? `${formatAmount(ore, locale)}\u00a0kr` : `SEK\u00a0${formatAmount(ore, locale)}`;
}

/** A rate in basis points as a number of percent: 2500 → "25", 1250 → "12,5" (sv) / "12.5" (en). */
export function formatRateNumber(rateBp: number, locale: AppLocale): string {
  const whole = rateBp % 100 === 0;
  const text = whole ? String(rateBp / 100) : (rateBp / 100).toFixed(2).replace(/0$/, "");
  return locale === "sv" ? text.replace(".", ",") : text;
}

/** Bankgiro as people write it: 7 digits "123-4567", 8 digits "5050-1055". */
export function formatBankgiro(digits: string): string {
  const d = digits.replace(/\D/g, "");
  return d.length > 4 ? `${d.slice(0, -4)}-${d.slice(-4)}` : d;
}

/**
 * Characters of the WinAnsi encoding that the 14 standard PDF fonts can show, besides Latin-1
 * (U+0020–U+007E and U+00A0–U+00FF): pdfkit maps these to their WinAnsi codes.
 */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Letters that Unicode does not decompose into a base letter and an accent. */
const FALLBACK: Record<string, string> = {
  ł: "l", Ł: "L", đ: "d", Đ: "D", ħ: "h", Ħ: "H", ı: "i", ŀ: "l", Ŀ: "L", ŧ: "t", Ŧ: "T",
  "\u2212": "-", // minus sign (sv-SE writes negative amounts with it)
  "\u2010": "-", "\u2011": "-", "\u202f": "\u00a0", "\u2009": " ", "\u2007": "\u00a0", "\u200b": "",
  "\u2032": "'", "\u2033": '"', "\u2190": "<-", "\u2192": "->",
};

function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/**
 * Text the standard fonts can draw. pdfkit writes any other character as garbage, so names with
 * letters outside WinAnsi (Polish ł, Vietnamese ễ, Turkish ş …) lose their accent here ("Łukasz"
 * → "Lukasz"); the e-invoice (UBL) keeps every name exactly. Line breaks and tabs become spaces.
 */
export function pdfText(input: string): string {
  let out = "";
  for (const ch of input.normalize("NFC")) {
    if (isWinAnsi(ch)) out += ch;
    else if (ch in FALLBACK) out += FALLBACK[ch];
    else if (/\s/.test(ch)) out += " ";
    else {
      const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
      out += base && [...base].every(isWinAnsi) ? base : "?";
    }
  }
  return out;
}

/** A file name safe in a Content-Disposition header and on every file system. */
export function safeFileName(name: string, extension: string): string {
  const base = pdfText(name)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
  return `${base || "document"}.${extension}`;
}
