import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { lectureKey, packageKey, packageSeatsLeft, seatsLeft } from "@/lib/domain/enrollment";
import { priceLine, priceTierFor, type Priced, type PriceTier } from "@/lib/domain/pricing";
import { can } from "@/lib/domain/roles";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";

/**
 * Why a choice cannot be ticked. "booked" and "inPackage" only for someone booking for themselves:
 * an orderer may still book that session for colleagues, so for them it is a note (ownPlace).
 */
export type LectureUnavailable = "cancelled" | "past" | "full" | "booked" | "inPackage" | "queued";
export type PackageUnavailable = "started" | "full" | "booked" | "queued";

export type ProductPrice = {
  memberOre: number;
  nonMemberOre: number;
  vatRateBp: number;
  /** What one place costs this person (their organisation's price tier), without and with VAT. */
  exclVatOre: number;
  inclVatOre: number;
};

export type BookingLectureOption = {
  id: string;
  slug: string;
  title: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  lecturer: { name: string; affiliation: string | null };
  venue: { name: string; city: string };
  price: ProductPrice;
  seatsLeft: number;
  unavailable: LectureUnavailable | null;
  /** The person already holds a place (own booking, or the package). */
  ownPlace: boolean;
  /** The person has a live place on its waiting list (waiting, or holding an offer). */
  queued: boolean;
};

export type BookingOptions = {
  workshop: {
    id: string;
    slug: string;
    title: string;
    pmDeadline: LocalDate;
    holdMinutes: number;
    supervisionMonths: number;
    gatheringCount: number;
    lectureCount: number;
  };
  tier: PriceTier;
  isOrderer: boolean;
  organisationName: string | null;
  package: {
    price: ProductPrice;
    seatsLeft: number;
    unavailable: PackageUnavailable | null;
    ownPlace: boolean;
    queued: boolean;
    /** When an included session, not the package itself, is what is full: its title (people are told why). */
    fullBecauseOf: string | null;
  };
  lectures: BookingLectureOption[];
};

function priceFor(product: Priced, tier: PriceTier): ProductPrice {
  const line = priceLine(product, tier);
  return { ...product, exclVatOre: line.lineExclVatOre, inclVatOre: line.lineExclVatOre + line.vatOre };
}

/**
 * What a signed-in person can book in a published workshop, priced for them: the package (with its
 * seats: the fewest free among the package and everything it includes) and each public lecture,
 * with the reason when one cannot be chosen. Null when the workshop is not published.
 *
 * The booking itself (bookSessions) checks all of this again inside its transaction; this only
 * decides what the form offers.
 */
export async function getBookingOptions(user: SessionUser, slug: string, now: Date): Promise<BookingOptions | null> {
  const workshop = await db.workshop.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      title: true,
      pmDeadline: true,
      holdMinutes: true,
      supervisionMonths: true,
      packageCapacity: true,
      packageSeatsTaken: true,
      packagePriceMemberOre: true,
      packagePriceNonMemberOre: true,
      packageVatRateBp: true,
      gatherings: { where: { status: "PUBLISHED" }, select: { title: true, startsAt: true, capacity: true, seatsTaken: true }, orderBy: { startsAt: "asc" } },
      lectures: {
        where: { status: { in: ["PUBLISHED", "CANCELLED"] } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          title: true,
          theme: true,
          status: true,
          startsAt: true,
          endsAt: true,
          capacity: true,
          seatsTaken: true,
          priceMemberOre: true,
          priceNonMemberOre: true,
          vatRateBp: true,
          lecturer: { select: { name: true, affiliation: true } },
          venue: { select: { name: true, city: true } },
        },
      },
    },
  });
  if (!workshop) return null;

  const [organisation, places, queue] = await Promise.all([
    user.organisationId ? db.organisation.findUnique({ where: { id: user.organisationId }, select: { type: true, name: true } }) : null,
    db.booking.findMany({
      where: { participantId: user.id, workshopId: workshop.id, activeSessionKey: { not: null } },
      select: { activeSessionKey: true },
    }),
    db.waitlistEntry.findMany({
      where: { participantId: user.id, workshopId: workshop.id, activeSessionKey: { not: null } },
      select: { activeSessionKey: true },
    }),
  ]);
  const tier = priceTierFor(organisation?.type ?? null);
  const isOrderer = can(user, "booking.bookForOthers");
  const held = new Set(places.map((p) => p.activeSessionKey));
  const hasPackage = held.has(packageKey(workshop.id));
  const waiting = new Set(queue.map((q) => q.activeSessionKey));
  const packageQueued = waiting.has(packageKey(workshop.id));

  // The package takes a seat in every published gathering and lecture (as bookSessions does).
  const included = [...workshop.gatherings, ...workshop.lectures.filter((l) => l.status === "PUBLISHED")];
  const packageLeft = packageSeatsLeft({ capacity: workshop.packageCapacity, seatsTaken: workshop.packageSeatsTaken }, included);
  const ownLeft = seatsLeft({ capacity: workshop.packageCapacity, seatsTaken: workshop.packageSeatsTaken });
  const fullBecauseOf = packageLeft === 0 && ownLeft > 0 ? (included.find((s) => seatsLeft(s) === 0)?.title ?? null) : null;
  const firstGathering = workshop.gatherings[0]?.startsAt;
  const packageUnavailable: PackageUnavailable | null =
    !firstGathering || firstGathering <= now
      ? "started"
      : hasPackage && !isOrderer
        ? "booked"
        : packageQueued && !isOrderer
          ? "queued"
          : packageLeft === 0
            ? "full"
            : null;

  const lectures = workshop.lectures.map((l): BookingLectureOption => {
    const left = seatsLeft(l);
    const ownPlace = hasPackage || held.has(lectureKey(l.id));
    const queued = waiting.has(lectureKey(l.id));
    const unavailable: LectureUnavailable | null =
      l.status === "CANCELLED"
        ? "cancelled"
        : l.startsAt <= now
          ? "past"
          : ownPlace && !isOrderer
            ? hasPackage
              ? "inPackage"
              : "booked"
            : queued && !isOrderer
              ? "queued"
              : left === 0
              ? "full"
              : null;
    return {
      id: l.id,
      slug: l.slug,
      title: l.title,
      theme: l.theme,
      startsAt: l.startsAt,
      endsAt: l.endsAt,
      lecturer: l.lecturer,
      venue: l.venue,
      price: priceFor({ memberOre: l.priceMemberOre, nonMemberOre: l.priceNonMemberOre, vatRateBp: l.vatRateBp }, tier),
      seatsLeft: left,
      unavailable,
      ownPlace,
      queued,
    };
  });

  return {
    workshop: {
      id: workshop.id,
      slug: workshop.slug,
      title: workshop.title,
      pmDeadline: dateColumnToLocalDate(workshop.pmDeadline),
      holdMinutes: workshop.holdMinutes,
      supervisionMonths: workshop.supervisionMonths,
      gatheringCount: workshop.gatherings.length,
      lectureCount: workshop.lectures.filter((l) => l.status === "PUBLISHED").length,
    },
    tier,
    isOrderer,
    organisationName: organisation?.name ?? user.organisationName,
    package: {
      price: priceFor(
        { memberOre: workshop.packagePriceMemberOre, nonMemberOre: workshop.packagePriceNonMemberOre, vatRateBp: workshop.packageVatRateBp },
        tier,
      ),
      seatsLeft: packageLeft,
      unavailable: packageUnavailable,
      ownPlace: hasPackage,
      queued: packageQueued,
      fullBecauseOf,
    },
    lectures,
  };
}
