/**
 * Numbers as UBL writes them. Amounts are integer öre turned into a decimal string by string
 * operations, never by dividing a float: 123456 öre → "1234.56", -5 → "-0.05".
 */
import { assertOre, type Ore } from "@/lib/domain/money";

export function formatAmount(ore: Ore): string {
  assertOre(ore);
  const digits = String(Math.abs(ore)).padStart(3, "0");
  return `${ore < 0 ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Basis points as a percentage without trailing zeros: 2500 → "25", 1250 → "12.5", 0 → "0". */
export function formatPercent(bp: number): string {
  if (!Number.isInteger(bp) || bp < 0) throw new RangeError(`Not a rate in basis points: ${bp}`);
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
