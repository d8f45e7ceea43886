/**
 * Prices: what one order line costs, computed on the server and snapshotted on the order line.
 * Member municipalities (the R&D unit's owners) pay the member price; everyone else the other.
 * All amounts are integer öre.
 */
import { assertOre, vatOre, type Ore } from "./money";

export type PriceTier = "MEMBER" | "NON_MEMBER";
export type OrganisationType = "MEMBER_MUNICIPALITY" | "INTEREST_ORGANISATION" | "OTHER";

export function priceTierFor(organisationType: OrganisationType | null): PriceTier {
  return organisationType === "MEMBER_MUNICIPALITY" ? "MEMBER" : "NON_MEMBER";
}

export type Priced = { memberOre: Ore; nonMemberOre: Ore; vatRateBp: number };

export type PricedLine = { unitPriceOre: Ore; quantity: number; vatRateBp: number; lineExclVatOre: Ore; vatOre: Ore };

export function priceLine(product: Priced, tier: PriceTier, quantity = 1): PricedLine {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`Quantity must be a positive integer: ${quantity}`);
  const unitPriceOre = assertOre(tier === "MEMBER" ? product.memberOre : product.nonMemberOre);
  const lineExclVatOre = unitPriceOre * quantity;
  return { unitPriceOre, quantity, vatRateBp: product.vatRateBp, lineExclVatOre, vatOre: vatOre(lineExclVatOre, product.vatRateBp) };
}

/** Order totals: VAT is summed per line (each line rounded once), never recomputed on the total. */
export function orderTotals(lines: readonly Pick<PricedLine, "lineExclVatOre" | "vatOre">[]): { exclVatOre: Ore; vatOre: Ore; inclVatOre: Ore } {
  const exclVatOre = lines.reduce((sum, l) => sum + l.lineExclVatOre, 0);
  const vat = lines.reduce((sum, l) => sum + l.vatOre, 0);
  return { exclVatOre, vatOre: vat, inclVatOre: exclVatOre + vat };
}
