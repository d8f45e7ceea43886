import { describe, expect, it } from "vitest";
import { assertOre, formatSek, kronorToOre, MoneyError, vatOre } from "@/lib/domain/money";

const NBSP = "\u00a0";
const sv = (s: string) => s.replaceAll(" ", NBSP);

describe("formatSek", () => {
  it.each([
    [0, "0 kr"],
    [100, "1 kr"],
    [190_000, "1 900 kr"],
    [1_200_000, "12 000 kr"],
    [250_050, "2 500,50 kr"],
    [5, "0,05 kr"],
    [123_456_789, "1 234 567,89 kr"],
  ])("%i öre is %s in Swedish", (ore, text) => {
    expect(formatSek(ore, "sv")).toBe(sv(text));
  });

  it("writes negative amounts (credits) with a real minus sign in Swedish", () => {
    expect(formatSek(-12_345, "sv")).toBe(sv("−123,45 kr"));
  });

  it.each([
    [190_000, "SEK 1,900"],
    [250_050, "SEK 2,500.50"],
  ])("%i öre is %s in English", (ore, text) => {
    expect(formatSek(ore, "en").replaceAll(NBSP, " ")).toBe(text);
  });

  it("refuses fractions of an öre", () => {
    expect(() => formatSek(10.5, "sv")).toThrow(MoneyError);
    expect(() => assertOre(Number.NaN)).toThrow(MoneyError);
  });
});

describe("kronorToOre", () => {
  it("converts without floating-point drift", () => {
    expect(kronorToOre(19.99)).toBe(1999);
    expect(kronorToOre(0.1 + 0.2)).toBe(30);
    expect(kronorToOre(1900)).toBe(190_000);
  });
});

describe("vatOre", () => {
  it.each([
    [190_000, 2500, 47_500],
    [190_000, 0, 0],
    [190_000, 600, 11_400],
    [1, 2500, 0], // 0.25 öre rounds down
    [2, 2500, 1], // 0.5 öre rounds half away from zero
    [3, 2500, 1], // 0.75 öre rounds up
    [-2, 2500, -1], // credits mirror debits
    [-190_000, 2500, -47_500],
  ])("VAT on %i öre at %i bp is %i öre", (amount, rate, vat) => {
    expect(vatOre(amount, rate)).toBe(vat);
  });

  it.each([[-1], [10_001], [12.5]])("refuses the rate %j bp", (rate) => {
    expect(() => vatOre(100, rate)).toThrow(MoneyError);
  });
});
