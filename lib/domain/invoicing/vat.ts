/**
 * VAT categories, the VAT breakdown (EN 16931 BG-23) and its rounding.
 *
 * Rounding rule (EN 16931 BR-CO-17, BR-S-09): the VAT of each breakdown, one per category and rate,
 * is its taxable amount × rate rounded to two decimals (whole öre, half away from zero). The
 * document's VAT is the sum of the breakdowns. VAT is NOT the sum of separately rounded line VATs:
 * with öre prices those drift from the breakdown by up to half an öre per line, and on a large
 * consolidated invoice the drift exceeds the validators' tolerance of one krona. Each line still
 * gets a VAT share (for the PDF and InvoiceLine.vatOre), allocated from its breakdown by largest
 * remainder so the lines add up exactly to the breakdown.
 */
import { assertOre, vatOre, type Ore } from "../money";
import { InvoicingError } from "./errors";

/** UNCL5305 codes used here: S = standard rated, E = exempt from VAT. */
export type VatCategory = "S" | "E";

/** The rates a Swedish seller may use in category S (SE-R-006): 25 %, 12 %, 6 %. */
export const SWEDISH_VAT_RATES_BP = [2500, 1200, 600] as const;

export type VatExemption = { code: string; text: string };

/**
 * Education sold by the R&D unit, when the product is marked exempt. The code is from the CEF
 * VATEX list (BR-CL-22): article 132(1)(i) of the VAT Directive 2006/112/EC, education by bodies
 * governed by public law. The text refers to the directive, which the invoice rules accept
 * (directive art. 226(11): the directive provision, the national provision, or any other indication
 * that the supply is exempt). The 1994 act's "3 kap. 8 § ML" was repealed on 1 July 2023 and must
 * not appear on new invoices; a seller who prefers the paragraph of mervärdesskattelagen (2023:200)
 * passes its own text.
 */
export const EDUCATION_EXEMPTION: VatExemption = {
  code: "VATEX-EU-132-1I",
  text: "Undantagen från skatteplikt: utbildning (artikel 132.1 i i mervärdesskattedirektivet 2006/112/EG)",
};

/**
 * The category follows from the product's rate: 0 means exempt education (the only zero-VAT
 * supply Verkstad sells; zero-rated "Z" and out-of-scope "O" do not occur), 6/12/25 % standard.
 */
export function vatCategoryFor(vatRateBp: number): VatCategory {
  if (vatRateBp === 0) return "E";
  if ((SWEDISH_VAT_RATES_BP as readonly number[]).includes(vatRateBp)) return "S";
  throw new InvoicingError("INVALID_VAT_RATE", `Not a Swedish VAT rate: ${vatRateBp} bp (use 2500, 1200, 600 or 0 for exempt)`);
}

export type VatBreakdownEntry = {
  readonly category: VatCategory;
  readonly rateBp: number;
  readonly taxableOre: Ore;
  readonly vatOre: Ore;
  /** Only for category E (BR-E-10); never for S (BR-S-10). */
  readonly exemption?: VatExemption;
};

type Taxable = { readonly lineExclVatOre: Ore; readonly vatRateBp: number };

const key = (category: VatCategory, rateBp: number) => `${category}:${rateBp}`;

/**
 * One entry per category and rate, in a fixed order (S before E, higher rate first), each rounded
 * once. Lines with rate 0 are category E and need the exemption reason.
 */
export function vatBreakdown(lines: readonly Taxable[], exemption: VatExemption = EDUCATION_EXEMPTION): VatBreakdownEntry[] {
  const groups = new Map<string, { category: VatCategory; rateBp: number; taxableOre: Ore }>();
  for (const line of lines) {
    const category = vatCategoryFor(line.vatRateBp);
    const k = key(category, line.vatRateBp);
    const g = groups.get(k) ?? { category, rateBp: line.vatRateBp, taxableOre: 0 };
    g.taxableOre = assertOre(g.taxableOre + assertOre(line.lineExclVatOre));
    groups.set(k, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.category === b.category ? b.rateBp - a.rateBp : a.category === "S" ? -1 : 1))
    .map((g) => ({
      ...g,
      vatOre: g.category === "E" ? 0 : vatOre(g.taxableOre, g.rateBp),
      ...(g.category === "E" ? { exemption } : {}),
    }));
}

/**
 * Each line's share of its breakdown's VAT: the floor of its exact VAT, plus one öre for the lines
 * with the largest remainders until the breakdown's total is reached (ties go to the earlier line).
 * Every share is its exact VAT rounded down or up, so it is never more than one öre from the
 * line's own rounding.
 */
export function allocateVat(lines: readonly Taxable[], breakdown: readonly VatBreakdownEntry[]): Ore[] {
  const shares = lines.map(() => 0);
  for (const entry of breakdown) {
    const members = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => vatCategoryFor(line.vatRateBp) === entry.category && line.vatRateBp === entry.rateBp);
    // Exact VAT in units of 1/10 000 öre, an integer: no floating point involved.
    const exact = members.map(({ line, index }) => ({ index, scaled: line.lineExclVatOre * entry.rateBp }));
    let remaining = entry.vatOre;
    const withRemainder = exact.map(({ index, scaled }) => {
      const floor = Math.floor(scaled / 10_000);
      shares[index] = floor;
      remaining -= floor;
      return { index, remainder: scaled - floor * 10_000 };
    });
    withRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
    for (const { index } of withRemainder) {
      if (remaining <= 0) break;
      shares[index] = (shares[index] ?? 0) + 1;
      remaining -= 1;
    }
    if (remaining !== 0) throw new Error(`VAT allocation left ${remaining} öre over for ${entry.category} ${entry.rateBp} bp`);
  }
  return shares;
}
