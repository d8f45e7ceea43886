import "server-only";
import { db } from "@/lib/db";
import { holdsSeat, isHoldExpired, waitlistPosition, type BookingStatus } from "@/lib/domain/enrollment";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BookingKind, SessionStatus } from "@/lib/generated/prisma/enums";

export type BookingSessionView = {
  kind: "lecture" | "gathering";
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueCity: string;
  /** CANCELLED: the session itself is called off (the booking may still stand for the rest). */
  status: SessionStatus;
};

export type PersonRef = { id: string; name: string | null; email: string };

export type BookingView = {
  id: string;
  kind: BookingKind;
  /** As the person should read it: an unpaid booking whose hold ran out is EXPIRED even before the job releases it. */
  status: BookingStatus;
  /** Holds a seat: the calendar file and the actions apply. */
  active: boolean;
  holdExpiresAt: Date | null;
  cancelledAt: Date | null;
  ownProject: boolean;
  /** cancellationDeadline: the last day (Stockholm) a participant or orderer may cancel by themselves. */
  workshop: { id: string; title: string; slug: string; cancellationDeadline: LocalDate };
  /** The lecture's title, or the workshop's for a package. */
  title: string;
  /** The lecture, or every gathering and lecture of the package, in time order (drafts left out). */
  sessions: BookingSessionView[];
  /** "past" once every session has ended. */
  timing: "upcoming" | "past";
  order: { id: string; reference: string; totalInclVatOre: number; placedById: string } | null;
  /** What this booking's own order lines come to, VAT included (null without an order). */
  amountInclVatOre: number | null;
  participant: PersonRef;
  /** Who made the booking, when it was someone else. */
  bookedBy: PersonRef | null;
};

export type WaitlistView = {
  id: string;
  kind: BookingKind;
  status: "WAITING" | "OFFERED";
  workshop: { id: string; title: string; slug: string };
  title: string;
  startsAt: Date | null;
  /** 1-based place among those waiting for the same session; null once offered. */
  position: number | null;
  offerExpiresAt: Date | null;
  participant: PersonRef;
  addedBy: PersonRef | null;
};

export type BookingsOverview = { bookings: BookingView[]; waitlist: WaitlistView[] };

/** Everything the signed-in person has booked, and where they wait: the "My bookings" page. */
export async function listMyBookings(userId: string, now: Date): Promise<BookingsOverview> {
  return loadBookingsOverview({ bookings: { participantId: userId }, waitlist: { participantId: userId } }, now);
}

const personSelect = { id: true, name: true, email: true } as const;
const workshopSelect = { id: true, title: true, slug: true } as const;
const venueSelect = { name: true, city: true } as const;

/**
 * Bookings and live waiting-list places matching the filters (the callers decide who may see
 * whose), shaped for reading: sessions, status in words-ready form, amounts and queue positions.
 * Exported for "My staff" (list-staff-bookings.ts), which shows the same views for other people.
 */
export async function loadBookingsOverview(
  where: { bookings: Prisma.BookingWhereInput; waitlist: Prisma.WaitlistEntryWhereInput },
  now: Date,
): Promise<BookingsOverview> {
  const [bookings, entries] = await Promise.all([
    db.booking.findMany({
      where: where.bookings,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true, kind: true, status: true, holdExpiresAt: true, cancelledAt: true, ownProject: true, participantId: true, bookedById: true,
        workshop: { select: { ...workshopSelect, cancellationDeadline: true } },
        lecture: { select: { id: true, title: true, startsAt: true, endsAt: true, status: true, venue: { select: venueSelect } } },
        order: { select: { id: true, reference: true, totalInclVatOre: true, placedById: true } },
        orderLines: { select: { lineExclVatOre: true, vatOre: true } },
        participant: { select: personSelect },
        bookedBy: { select: personSelect },
      },
    }),
    db.waitlistEntry.findMany({
      where: { AND: [where.waitlist, { status: { in: ["WAITING", "OFFERED"] } }, { activeSessionKey: { not: null } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, kind: true, status: true, offerExpiresAt: true, activeSessionKey: true, participantId: true, addedById: true,
        workshop: { select: { ...workshopSelect, gatherings: { where: { status: "PUBLISHED" }, select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 } } },
        lecture: { select: { title: true, startsAt: true } },
        participant: { select: personSelect },
        addedBy: { select: personSelect },
      },
    }),
  ]);

  const packageSessions = await sessionsOfWorkshops([...new Set(bookings.filter((b) => b.kind === "PACKAGE").map((b) => b.workshop.id))]);
  const views: BookingView[] = bookings.map((b) => {
    const sessions: BookingSessionView[] =
      b.kind === "PACKAGE"
        ? (packageSessions.get(b.workshop.id) ?? [])
        : b.lecture && b.lecture.status !== "DRAFT"
          ? [{ kind: "lecture", id: b.lecture.id, title: b.lecture.title, startsAt: b.lecture.startsAt, endsAt: b.lecture.endsAt, venueName: b.lecture.venue.name, venueCity: b.lecture.venue.city, status: b.lecture.status }]
          : [];
    const status: BookingStatus = isHoldExpired(b.status, b.holdExpiresAt, now) ? "EXPIRED" : b.status;
    const lastEnd = sessions.reduce<number | null>((max, s) => Math.max(max ?? 0, s.endsAt.getTime()), null);
    return {
      id: b.id,
      kind: b.kind,
      status,
      active: holdsSeat(status),
      holdExpiresAt: b.holdExpiresAt,
      cancelledAt: b.cancelledAt,
      ownProject: b.ownProject,
      workshop: { ...b.workshop, cancellationDeadline: dateColumnToLocalDate(b.workshop.cancellationDeadline) },
      title: b.kind === "LECTURE" && b.lecture ? b.lecture.title : b.workshop.title,
      sessions,
      timing: lastEnd !== null && lastEnd <= now.getTime() ? "past" : "upcoming",
      order: b.order,
      amountInclVatOre: b.order ? b.orderLines.reduce((sum, l) => sum + l.lineExclVatOre + l.vatOre, 0) : null,
      participant: b.participant,
      bookedBy: b.bookedById === b.participantId ? null : b.bookedBy,
    };
  });

  const positions = await queuePositions(entries.filter((e) => e.status === "WAITING").map((e) => e.activeSessionKey!));
  const waitlist: WaitlistView[] = entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    status: e.status === "OFFERED" ? "OFFERED" : "WAITING",
    workshop: { id: e.workshop.id, title: e.workshop.title, slug: e.workshop.slug },
    title: e.kind === "LECTURE" && e.lecture ? e.lecture.title : e.workshop.title,
    startsAt: e.kind === "LECTURE" ? (e.lecture?.startsAt ?? null) : (e.workshop.gatherings[0]?.startsAt ?? null),
    position: e.status === "WAITING" ? waitlistPosition(positions.get(e.activeSessionKey!) ?? [], e.id) : null,
    offerExpiresAt: e.status === "OFFERED" ? e.offerExpiresAt : null,
    participant: e.participant,
    addedBy: e.addedById === e.participantId ? null : e.addedBy,
  }));

  return { bookings: sortBookings(views), waitlist };
}

/** Upcoming first, soonest first; then the past, most recent first. */
function sortBookings(views: BookingView[]): BookingView[] {
  const first = (v: BookingView) => v.sessions[0]?.startsAt.getTime() ?? Number.MAX_SAFE_INTEGER;
  const upcoming = views.filter((v) => v.timing === "upcoming").sort((a, b) => first(a) - first(b));
  const past = views.filter((v) => v.timing === "past").sort((a, b) => first(b) - first(a));
  return [...upcoming, ...past];
}

/** Every gathering and lecture of each workshop (what a package covers), drafts left out. */
async function sessionsOfWorkshops(workshopIds: string[]): Promise<Map<string, BookingSessionView[]>> {
  const result = new Map<string, BookingSessionView[]>();
  if (workshopIds.length === 0) return result;
  const visible = { workshopId: { in: workshopIds }, status: { not: "DRAFT" as const } };
  const select = { id: true, workshopId: true, title: true, startsAt: true, endsAt: true, status: true, venue: { select: venueSelect } } as const;
  const [gatherings, lectures] = await Promise.all([
    db.gathering.findMany({ where: visible, select }),
    db.lecture.findMany({ where: visible, select }),
  ]);
  const all = [
    ...gatherings.map((s) => ({ ...s, kind: "gathering" as const })),
    ...lectures.map((s) => ({ ...s, kind: "lecture" as const })),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const s of all) {
    const list = result.get(s.workshopId) ?? [];
    list.push({ kind: s.kind, id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, venueName: s.venue.name, venueCity: s.venue.city, status: s.status });
    result.set(s.workshopId, list);
  }
  return result;
}

/** Everyone waiting for the given sessions, per session key: positions count all of them, not only the ones shown. */
async function queuePositions(keys: string[]) {
  const byKey = new Map<string, { id: string; status: "WAITING"; createdAt: Date }[]>();
  if (keys.length === 0) return byKey;
  const waiting = await db.waitlistEntry.findMany({
    where: { status: "WAITING", activeSessionKey: { in: [...new Set(keys)] } },
    select: { id: true, createdAt: true, activeSessionKey: true },
  });
  for (const w of waiting) {
    const list = byKey.get(w.activeSessionKey!) ?? [];
    list.push({ id: w.id, status: "WAITING", createdAt: w.createdAt });
    byKey.set(w.activeSessionKey!, list);
  }
  return byKey;
}
