import { describe, expect, it } from "vitest";
import { orderTotals, priceLine, priceTierFor } from "@/lib/domain/pricing";

describe("prices", () => {
  it("member municipalities pay the member price, everyone else the non-member price", () => {
    expect(priceTierFor("MEMBER_MUNICIPALITY")).toBe("MEMBER");
    expect(priceTierFor("INTEREST_ORGANISATION")).toBe("NON_MEMBER");
    expect(priceTierFor("OTHER")).toBe("NON_MEMBER");
    expect(priceTierFor(null)).toBe("NON_MEMBER");
  });

  it("prices a line in öre with its VAT rounded once, half away from zero", () => {
    const product = { memberOre: 190_000, nonMemberOre: 240_001, vatRateBp: 2500 };
    expect(priceLine(product, "MEMBER")).toEqual({ unitPriceOre: 190_000, quantity: 1, vatRateBp: 2500, lineExclVatOre: 190_000, vatOre: 47_500 });
    // 240 001 × 25 % = 60 000.25 → 60 000; ×3 = 720 003 → 180 000.75 → 180 001
    expect(priceLine(product, "NON_MEMBER").vatOre).toBe(60_000);
    expect(priceLine(product, "NON_MEMBER", 3)).toMatchObject({ lineExclVatOre: 720_003, vatOre: 180_001 });
  });

  it("exempt education has no VAT", () => {
    expect(priceLine({ memberOre: 1_200_000, nonMemberOre: 1_600_000, vatRateBp: 0 }, "MEMBER").vatOre).toBe(0);
  });

  it("refuses a non-integer or zero quantity and fractional öre", () => {
    expect(() => priceLine({ memberOre: 100, nonMemberOre: 100, vatRateBp: 0 }, "MEMBER", 0)).toThrow();
    expect(() => priceLine({ memberOre: 100.5, nonMemberOre: 100, vatRateBp: 0 }, "MEMBER")).toThrow();
  });

  it("sums the order from its lines: VAT is the sum of the lines' VAT", () => {
    const lines = [
      { lineExclVatOre: 101, vatOre: 25 },
      { lineExclVatOre: 101, vatOre: 25 },
    ];
    // 202 × 25 % = 50.5 would round to 51 on the total; the lines say 50.
    expect(orderTotals(lines)).toEqual({ exclVatOre: 202, vatOre: 50, inclVatOre: 252 });
    expect(orderTotals([])).toEqual({ exclVatOre: 0, vatOre: 0, inclVatOre: 0 });
  });
});
