import type { LectureUnavailable, PackageUnavailable } from "@/lib/server/enrollment/get-booking-options";

export type { LectureUnavailable, PackageUnavailable };

/** A lecture as the booking form shows it: texts formatted on the server, prices in öre for the person's tier. */
export type LectureChoice = {
  id: string;
  slug: string;
  title: string;
  theme: string;
  startsAt: string;
  endsAt: string;
  date: string;
  startTime: string;
  endTime: string;
  lecturer: string;
  venue: string;
  priceMemberOre: number;
  priceNonMemberOre: number;
  priceExclVatOre: number;
  priceInclVatOre: number;
  seatsLeft: number;
  unavailable: LectureUnavailable | null;
  ownPlace: boolean;
  queued: boolean;
};

export type PackageChoice = {
  priceMemberOre: number;
  priceNonMemberOre: number;
  priceExclVatOre: number;
  priceInclVatOre: number;
  seatsLeft: number;
  unavailable: PackageUnavailable | null;
  ownPlace: boolean;
  queued: boolean;
  fullBecauseOf: string | null;
};

export type BookingKind = "PACKAGE" | "LECTURE";
