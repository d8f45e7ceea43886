import type { WorkshopFields } from "@/lib/server/calendar/workshop-input";

/** A price in öre as the admin types it: "12000", "1900,50". */
export function oreToKronorText(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace(".", ",");
}

/** A workshop's values as the form's strings (prices in kronor, under their `…Kr` names). */
export function workshopFormValues(values: WorkshopFields): Record<string, string> {
  const { packagePriceMemberOre, packagePriceNonMemberOre, followUpOn, consolidatedInvoicing, ...rest } = values;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) out[key] = String(value);
  out.packagePriceMemberKr = oreToKronorText(packagePriceMemberOre);
  out.packagePriceNonMemberKr = oreToKronorText(packagePriceNonMemberOre);
  out.followUpOn = followUpOn ?? "";
  out.consolidatedInvoicing = consolidatedInvoicing ? "on" : "";
  return out;
}

/** Sensible starting values for a new workshop (the admin fills in the rest). */
export function newWorkshopValues(organiserId: string): Record<string, string> {
  return {
    title: "",
    edition: "",
    slug: "",
    summary: "",
    description: "",
    organiserId,
    startsOn: "",
    endsOn: "",
    pmDeadline: "",
    cancellationDeadline: "",
    followUpOn: "",
    packageCapacity: "30",
    packagePriceMemberKr: "",
    packagePriceNonMemberKr: "",
    packageVatRateBp: "0",
    noPmPolicy: "KEEP_AS_PACKAGE",
    supervisionMonths: "5",
    holdMinutes: "30",
    waitlistOfferHours: "48",
    lateCancellationRefundPercent: "0",
    consolidatedInvoicing: "",
  };
}
