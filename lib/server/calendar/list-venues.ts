import "server-only";
import { assertRole } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

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

/** Every venue by name, with how many sessions use it. ADMIN only. */
export async function listVenues(user: SessionUser): Promise<AdminVenueRow[]> {
  assertRole(user, ["ADMIN"]);
  const venues = await db.venue.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      streetAddress: true,
      postalCode: true,
      city: true,
      accessibilityNotes: true,
      mapUrl: true,
      _count: { select: { gatherings: true, lectures: true } },
    },
  });
  return venues.map(({ _count, ...v }) => ({ ...v, sessions: _count.gatherings + _count.lectures }));
}

/** One venue for its edit page, or null. ADMIN only. */
export async function getVenue(user: SessionUser, venueId: string): Promise<AdminVenueRow | null> {
  assertRole(user, ["ADMIN"]);
  const venue = await db.venue.findUnique({
    where: { id: venueId },
    select: {
      id: true,
      name: true,
      streetAddress: true,
      postalCode: true,
      city: true,
      accessibilityNotes: true,
      mapUrl: true,
      _count: { select: { gatherings: true, lectures: true } },
    },
  });
  if (!venue) return null;
  const { _count, ...rest } = venue;
  return { ...rest, sessions: _count.gatherings + _count.lectures };
}
