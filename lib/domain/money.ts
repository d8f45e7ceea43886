/**
 * Money is an integer number of öre (1 krona = 100 öre), always SEK here.
 * Never a float, never taken from a form: prices come from the database.
 */
export type Ore = number;
export type AppLocale = "sv" | "en";

export class MoneyError extends Error {}

export function assertOre(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`Not a whole number of öre: ${value}`);
  return value;
}

export function kronorToOre(kronor: number): Ore {
  return assertOre(Math.round(kronor * 100));
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: AppLocale, fractionDigits: 0 | 2): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    // Swedish: "2 500 kr"; English keeps Swedish grouping conventions out: "SEK 2,500".
    f = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
      style: "currency",
      currency: "SEK",
      currencyDisplay: locale === "sv" ? "symbol" : "code",
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Formats öre as SEK for the locale; whole kronor are shown without decimals. */
export function formatSek(ore: Ore, locale: AppLocale): string {
  assertOre(ore);
  const whole = ore % 100 === 0;
  return formatter(locale, whole ? 0 : 2).format(ore / 100);
}

/**
 * VAT on an amount, rounded to whole öre, half away from zero (the usual commercial rounding,
 * and what EN 16931 expects of line VAT to two decimals).
 */
export function vatOre(amountExclVat: Ore, vatRateBp: number): Ore {
  assertOre(amountExclVat);
  if (!Number.isInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > 10_000) {
    throw new MoneyError(`VAT rate out of range: ${vatRateBp} bp`);
  }
  const exact = (Math.abs(amountExclVat) * vatRateBp) / 10_000;
  const rounded = Math.floor(exact + 0.5);
  return amountExclVat < 0 ? -rounded : rounded;
}
