import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { venueSelect } from "./venue-input";

export type AdminVenueRow = {
  id: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  accessibilityNotes: string | null;
  mapUrl: string | null;
  /** Gatherings and lectures that use it, any status: a used venue cannot be deleted. */
  sessions: number;
};

/** A venue's row with its use count, for the list and the edit page. */
const adminVenueSelect = { ...venueSelect, _count: { select: { gatherings: true, lectures: true } } } as const;

function toAdminVenueRow({ _count, ...venue }: Prisma.VenueGetPayload<{ select: typeof adminVenueSelect }>): AdminVenueRow {
  return { ...venue, sessions: _count.gatherings + _count.lectures };
}

/** Every venue by name, with how many sessions use it. ADMIN only. */
export async function listVenues(user: SessionUser): Promise<AdminVenueRow[]> {
  assertCan(user, "calendar.edit");
  const venues = await db.venue.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: adminVenueSelect });
  return venues.map(toAdminVenueRow);
}

/** One venue for its edit page, or null. ADMIN only. */
export async function getVenue(user: SessionUser, venueId: string): Promise<AdminVenueRow | null> {
  assertCan(user, "calendar.edit");
  const venue = await db.venue.findUnique({ where: { id: venueId }, select: adminVenueSelect });
  return venue ? toAdminVenueRow(venue) : null;
}
