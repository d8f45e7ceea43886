import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { loadBookingsOverview, type BookingView, type PersonRef, type WaitlistView } from "@/lib/server/enrollment/list-my-bookings";

export type StaffMember = { person: PersonRef; bookings: BookingView[]; waitlist: WaitlistView[] };

/**
 * "My staff" for an orderer: the bookings and waiting-list places of the people of their own
 * organisation (whoever booked them), and anything they booked themselves for someone (also a
 * person without an organisation yet), grouped by person, by name. Erased people are left out.
 * The caller has checked the orderer area; this decides which rows that area shows.
 */
export async function listStaffBookings(orderer: Pick<SessionUser, "id" | "organisationId">, now: Date): Promise<StaffMember[]> {
  const organisation = orderer.organisationId;
  const overview = await loadBookingsOverview(
    {
      bookings: {
        participant: { erasedAt: null },
        OR: [{ bookedById: orderer.id }, ...(organisation ? [{ participant: { organisationId: organisation } }] : [])],
      },
      waitlist: {
        participant: { erasedAt: null },
        OR: [{ addedById: orderer.id }, ...(organisation ? [{ participant: { organisationId: organisation } }] : [])],
      },
    },
    now,
  );
  const people = new Map<string, StaffMember>();
  const memberOf = (person: PersonRef) => {
    let member = people.get(person.id);
    if (!member) {
      member = { person, bookings: [], waitlist: [] };
      people.set(person.id, member);
    }
    return member;
  };
  for (const booking of overview.bookings) memberOf(booking.participant).bookings.push(booking);
  for (const entry of overview.waitlist) memberOf(entry.participant).waitlist.push(entry);
  return [...people.values()].sort((a, b) => (a.person.name ?? a.person.email).localeCompare(b.person.name ?? b.person.email, "sv"));
}
