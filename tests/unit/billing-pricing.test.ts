/**
 * Pricing rules of billing: when the package is suggested, what an upgrade from lectures credits,
 * and how much a cancellation gives back (with its rounding). VAT and rounding per line and per
 * document are in invoicing.test.ts and pricing.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  keptShareOre,
  refundPercent,
  refundShare,
  shareOfOre,
  suggestPackage,
  upgradeCredit,
  type CreditableLectureLine,
} from "@/lib/domain/billing";
import { createInvoiceDocument } from "@/lib/domain/invoicing";
import { vatOre } from "@/lib/domain/money";
import { priceLine } from "@/lib/domain/pricing";

describe("package suggestion", () => {
  it.each<[number[], number, boolean, number, string]>([
    [[], 1_200_000, false, 0, "nothing selected"],
    [[190_000, 190_000], 1_200_000, false, 0, "two lectures cost less than the package"],
    [[400_000, 400_000, 400_000], 1_200_000, true, 0, "exactly the package price: suggest"],
    [[400_000, 400_000, 400_001], 1_200_000, true, 1, "one öre more than the package"],
    [[237_500, 237_500, 237_500, 237_500, 237_500, 237_500], 1_200_000, true, 225_000, "six lectures at 25 % VAT"],
  ])("%j against a package of %i öre → %s (%s)", (lectures, packageOre, suggest, saving) => {
    const s = suggestPackage({ selectedLectureTotalsOre: lectures, packageOre });
    expect(s.suggest).toBe(suggest);
    expect(s.savingOre).toBe(saving);
    expect(s.lecturesOre).toBe(lectures.reduce((a, b) => a + b, 0));
  });

  it("refuses fractions of an öre", () => {
    expect(() => suggestPackage({ selectedLectureTotalsOre: [0.5], packageOre: 100 })).toThrow();
  });
});

const lecture = (id: string, unitPriceOre: number, vatRateBp: number): CreditableLectureLine => {
  const line = priceLine({ memberOre: unitPriceOre, nonMemberOre: unitPriceOre, vatRateBp }, "MEMBER");
  return { orderLineId: id, description: `Föreläsning ${id}`, ...line };
};

describe("upgrade credit", () => {
  const pkg = priceLine({ memberOre: 1_200_000, nonMemberOre: 1_600_000, vatRateBp: 0 }, "MEMBER");

  it("credits each paid lecture with a negative line at its own rate (negative quantity, positive price)", () => {
    const credit = upgradeCredit({ packageLine: pkg, paidLectures: [lecture("a", 190_000, 0), lecture("b", 190_001, 2500)] });
    expect(credit.capped).toBe(false);
    expect(credit.lines).toEqual([
      { kind: "UPGRADE_CREDIT", creditsOrderLineId: "a", description: "Avgår: Föreläsning a", quantity: -1, unitPriceOre: 190_000, vatRateBp: 0, lineExclVatOre: -190_000, vatOre: 0 },
      // 1 900.01 kr × 25 % = 475.0025 → 475.00 kr, as it was charged.
      { kind: "UPGRADE_CREDIT", creditsOrderLineId: "b", description: "Avgår: Föreläsning b", quantity: -1, unitPriceOre: 190_001, vatRateBp: 2500, lineExclVatOre: -190_001, vatOre: -47_500 },
    ]);
    expect(credit.creditInclVatOre).toBe(190_000 + 190_001 + 47_500);
  });

  it("never credits more than the package, incl. VAT: the last line is cut, later ones dropped", () => {
    const lectures = ["a", "b", "c", "d", "e", "f", "g"].map((id) => lecture(id, 190_000, 2500)); // 2 375 kr each
    const credit = upgradeCredit({ packageLine: pkg, paidLectures: lectures, describe: (d) => `− ${d}` });
    expect(credit.capped).toBe(true);
    expect(credit.creditInclVatOre).toBe(1_200_000);
    // Five whole lectures (11 875 kr), then 125 kr incl. 25 % VAT = 100 kr + 25 kr from the sixth.
    expect(credit.lines.map((l) => [l.creditsOrderLineId, l.quantity, l.unitPriceOre, l.lineExclVatOre, l.vatOre])).toEqual([
      ["a", -1, 190_000, -190_000, -47_500],
      ["b", -1, 190_000, -190_000, -47_500],
      ["c", -1, 190_000, -190_000, -47_500],
      ["d", -1, 190_000, -190_000, -47_500],
      ["e", -1, 190_000, -190_000, -47_500],
      ["f", -1, 10_000, -10_000, -2500],
    ]);
    expect(credit.lines[0]?.description).toBe("− Föreläsning a");
  });

  it("a cut line whose VAT rounding leaves an öre over stays at or under the cap", () => {
    const tiny = { lineExclVatOre: 101, vatOre: 0 };
    const credit = upgradeCredit({ packageLine: tiny, paidLectures: [lecture("a", 1001, 2500)] });
    // 101 öre incl. 25 %: 81 + 20.25→20 = 101 exactly.
    expect(credit.lines[0]).toMatchObject({ unitPriceOre: 81, vatOre: -20 });
    expect(credit.creditInclVatOre).toBeLessThanOrEqual(101);
    for (let cap = 1; cap < 500; cap++) {
      const c = upgradeCredit({ packageLine: { lineExclVatOre: cap, vatOre: 0 }, paidLectures: [lecture("a", 100_000, 2500)] });
      expect(c.creditInclVatOre).toBeLessThanOrEqual(cap);
      expect(cap - c.creditInclVatOre).toBeLessThanOrEqual(1);
    }
  });

  it("the package invoice with its credit lines is never negative (the document accepts it)", () => {
    const credit = upgradeCredit({ packageLine: pkg, paidLectures: ["a", "b", "c", "d", "e", "f", "g"].map((id) => lecture(id, 190_000, 0)) });
    const doc = createInvoiceDocument({
      number: "F2031-00001",
      issueDate: "2031-01-10",
      paymentTermsDays: 30,
      paymentTermsText: "30 dagar netto",
      seller: {
        name: "FoU", orgNumber: "222000-1230", vatNumber: "SE222000123001", bankgiro: "5050-1055", email: "fou@verkstad.test", fTaxApproved: true,
        address: { street: "Gatan 1", postalCode: "503 30", city: "Borås", countryCode: "SE" },
      },
      buyer: { name: "Borås Stad", orgNumber: "212000-1561", address: { street: "Box 1", postalCode: "501 80", city: "Borås", countryCode: "SE" } },
      buyerReference: "REF",
      lines: [
        { description: "Hela verkstaden", quantity: 1, unitPriceOre: pkg.unitPriceOre, vatRateBp: 0 },
        ...credit.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp })),
      ],
    });
    expect(doc.totals.payableOre).toBe(0);
  });

  it("nothing paid, nothing credited", () => {
    expect(upgradeCredit({ packageLine: pkg, paidLectures: [] })).toEqual({ lines: [], creditInclVatOre: 0, capped: false });
  });
});

describe("refund on cancellation", () => {
  it("gives back everything on or before the cancellation day, whatever the late policy", () => {
    expect(refundPercent({ late: false, lateRefundPercent: 0 })).toBe(100);
    expect(refundShare({ amountOre: 237_501, late: false, lateRefundPercent: 0 })).toBe(237_501);
  });

  it.each([
    [237_500, 50, 118_750],
    [237_501, 50, 118_750], // 118 750.5 → rounded down: never more than the share
    [190_000, 0, 0],
    [190_000, 100, 190_000],
    [999, 33, 329], // 329.67 → 329
    [1, 99, 0],
  ])("late: %i öre at %i %% gives back %i öre", (amountOre, percent, refunded) => {
    const policy = { amountOre, late: true, lateRefundPercent: percent };
    expect(refundShare(policy)).toBe(refunded);
    // What is kept and what is given back always make the whole.
    expect(keptShareOre(policy) + refundShare(policy)).toBe(amountOre);
  });

  it("a share keeps the amount's sign (credit lines) and refuses what is not a whole percentage", () => {
    expect(shareOfOre(-237_501, 50)).toBe(-118_750);
    expect(() => shareOfOre(100, 101)).toThrow(RangeError);
    expect(() => shareOfOre(100, 12.5)).toThrow(RangeError);
    expect(() => refundShare({ amountOre: 100, late: true, lateRefundPercent: -1 })).toThrow(RangeError);
    expect(() => shareOfOre(0.5, 50)).toThrow();
  });

  it("a late share of a 25 % line: the refund is the share of what was paid incl. VAT", () => {
    const line = priceLine({ memberOre: 190_001, nonMemberOre: 190_001, vatRateBp: 2500 }, "MEMBER");
    expect(line.lineExclVatOre + line.vatOre).toBe(190_001 + vatOre(190_001, 2500));
    expect(refundShare({ amountOre: line.lineExclVatOre + line.vatOre, late: true, lateRefundPercent: 50 })).toBe(118_750);
  });
});
