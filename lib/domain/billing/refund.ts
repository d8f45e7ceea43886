/**
 * What a cancelled booking gives back. On or before the workshop's cancellation day (inclusive,
 * Stockholm time) everything; after it (only coordinators may cancel then) the workshop's
 * `lateCancellationRefundPercent` of it, 0 meaning nothing.
 *
 * Rounding: a share of an amount is rounded DOWN to whole öre (towards zero). The buyer never gets
 * back more than the stated share, and what is kept plus what is given back is always the whole
 * amount (keptShareOre = amount − refundShare), so a card refund, a credit note for a share of an
 * invoice line and an invoice line charged at the kept share all add up to the original price.
 */
import { assertOre, type Ore } from "../money";

function assertPercent(percent: number): number {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`Not a whole percentage 0–100: ${percent}`);
  return percent;
}

/** ⌊|amount| × percent / 100⌋ with the amount's sign: a share rounded towards zero. */
export function shareOfOre(amountOre: Ore, percent: number): Ore {
  assertOre(amountOre);
  assertPercent(percent);
  const share = Math.floor((Math.abs(amountOre) * percent) / 100);
  return amountOre < 0 ? 0 - share : share;
}

export type RefundPolicy = {
  /** Cancelled after the cancellation day (Europe/Stockholm, inclusive). */
  late: boolean;
  /** Workshop.lateCancellationRefundPercent, 0–100. */
  lateRefundPercent: number;
};

/** The percentage given back: 100 on time, the workshop's late share after the cancellation day. */
export function refundPercent(policy: RefundPolicy): number {
  return policy.late ? assertPercent(policy.lateRefundPercent) : 100;
}

/** The part of `amountOre` given back under the policy, rounded down to whole öre. */
export function refundShare(input: RefundPolicy & { amountOre: Ore }): Ore {
  return shareOfOre(input.amountOre, refundPercent(input));
}

/** What the seller keeps of `amountOre`: the whole amount less the refund, so the two add up. */
export function keptShareOre(input: RefundPolicy & { amountOre: Ore }): Ore {
  return input.amountOre - refundShare(input);
}
