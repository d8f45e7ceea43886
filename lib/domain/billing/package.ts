/**
 * Lectures or the whole workshop (the package). The package is meant to be cheaper than its
 * parts: when the lectures someone picks cost as much as the package or more, the booking page
 * suggests the package, and a participant who upgrades later is credited what their lectures
 * already cost (paid by card or invoiced), never more than the package itself.
 */
import { assertOre, vatOre, type Ore } from "../money";

export type PackageSuggestion = {
  suggest: boolean;
  /** What the selected lectures cost together. */
  lecturesOre: Ore;
  packageOre: Ore;
  /** How much less the package costs than the lectures; 0 when it does not. */
  savingOre: Ore;
};

/**
 * Suggest the package when the selected lectures cost as much as or more than it. Compare like
 * with like: the amounts the participant pays (incl. VAT, at the participant's price tier).
 */
export function suggestPackage(input: { selectedLectureTotalsOre: readonly Ore[]; packageOre: Ore }): PackageSuggestion {
  const packageOre = assertOre(input.packageOre);
  const lecturesOre = input.selectedLectureTotalsOre.reduce((sum, ore) => sum + assertOre(ore), 0);
  const suggest = input.selectedLectureTotalsOre.length > 0 && lecturesOre >= packageOre;
  return { suggest, lecturesOre, packageOre, savingOre: Math.max(0, lecturesOre - packageOre) };
}

/** A lecture line that was paid by card or invoiced and not refunded or credited since. */
export type CreditableLectureLine = {
  orderLineId: string;
  description: string;
  quantity: number;
  unitPriceOre: Ore;
  vatRateBp: number;
  lineExclVatOre: Ore;
  /** The VAT the line was charged with (rounded per line, as stored on the order line). */
  vatOre: Ore;
};

/**
 * A negative order line (OrderLine.kind UPGRADE_CREDIT). As on an invoice line (BR-27) the
 * quantity is negative and the unit price positive; amounts are negative.
 */
export type UpgradeCreditLine = {
  kind: "UPGRADE_CREDIT";
  creditsOrderLineId: string;
  description: string;
  quantity: number;
  unitPriceOre: Ore;
  vatRateBp: number;
  lineExclVatOre: Ore;
  vatOre: Ore;
};

export type UpgradeCredit = {
  lines: UpgradeCreditLine[];
  /** Σ of the credit lines incl. VAT, as a positive amount. */
  creditInclVatOre: Ore;
  /** True when the lectures cost more than the package and the credit was cut to the package price. */
  capped: boolean;
};

/** The largest net amount that with its VAT (rounded per line) fits in `inclVatOre`. */
function netFitting(inclVatOre: Ore, vatRateBp: number): Ore {
  let net = Math.floor((inclVatOre * 10_000) / (10_000 + vatRateBp));
  while (net > 0 && net + vatOre(net, vatRateBp) > inclVatOre) net -= 1;
  while (net + 1 + vatOre(net + 1, vatRateBp) <= inclVatOre) net += 1;
  return net;
}

/**
 * The credit for lectures already paid or invoiced when the participant upgrades to the package:
 * one negative line per lecture line, at the lecture's own VAT rate (it reverses what was charged),
 * in the order given. The credit never exceeds the package line incl. VAT: once it would, the last
 * line credits only what still fits (as one unit at a reduced price) and later lines credit nothing,
 * so the upgrade never pays money back. `describe` words the line ("Avgår: …").
 */
export function upgradeCredit(input: {
  packageLine: { lineExclVatOre: Ore; vatOre: Ore };
  paidLectures: readonly CreditableLectureLine[];
  describe?: (lectureDescription: string) => string;
}): UpgradeCredit {
  const describe = input.describe ?? ((d: string) => `Avgår: ${d}`);
  const cap = assertOre(input.packageLine.lineExclVatOre) + assertOre(input.packageLine.vatOre);
  let remaining = Math.max(0, cap);
  let capped = false;
  const lines: UpgradeCreditLine[] = [];
  for (const lecture of input.paidLectures) {
    const inclVat = assertOre(lecture.lineExclVatOre) + assertOre(lecture.vatOre);
    if (inclVat <= 0) continue;
    if (inclVat <= remaining) {
      lines.push({
        kind: "UPGRADE_CREDIT",
        creditsOrderLineId: lecture.orderLineId,
        description: describe(lecture.description),
        quantity: 0 - lecture.quantity,
        unitPriceOre: lecture.unitPriceOre,
        vatRateBp: lecture.vatRateBp,
        lineExclVatOre: 0 - lecture.lineExclVatOre,
        vatOre: 0 - lecture.vatOre,
      });
      remaining -= inclVat;
      continue;
    }
    capped = true;
    const net = netFitting(remaining, lecture.vatRateBp);
    if (net > 0) {
      const vat = vatOre(net, lecture.vatRateBp);
      lines.push({
        kind: "UPGRADE_CREDIT",
        creditsOrderLineId: lecture.orderLineId,
        description: describe(lecture.description),
        quantity: -1,
        unitPriceOre: net,
        vatRateBp: lecture.vatRateBp,
        lineExclVatOre: 0 - net,
        vatOre: 0 - vat,
      });
    }
    break;
  }
  // `0 - x`, not `-x`: no negative zero in the amounts.
  const creditInclVatOre = 0 - lines.reduce((sum, l) => sum + l.lineExclVatOre + l.vatOre, 0);
  return { lines, creditInclVatOre, capped };
}
