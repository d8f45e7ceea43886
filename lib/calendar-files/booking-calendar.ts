import { can, type RoleName } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionStatus, WorkshopStatus } from "@/lib/generated/prisma/enums";
import { orderSessions, sessionUid, type CalendarFile, type CalendarMethod, type CalendarSession } from "./calendar-data";

/**
 * Calendar data for bookings, read from the database (in the caller's transaction where there is
 * one). E-mails store the result in their outbox payload (enqueueEmail's `calendar`); the download
 * route builds the file from it at once. A lecture booking is its lecture; a package booking is
 * every gathering and lecture of its workshop. Drafts never appear.
 * No server-only import: the delivery worker (scripts/worker.ts, outside Next.js) uses it too.
 */

type BookingRef = { kind: "LECTURE" | "PACKAGE"; workshopId: string; lectureId: string | null };

const venueSelect = { name: true, streetAddress: true, postalCode: true, city: true } as const;
const workshopSelect = { title: true, slug: true } as const;

/** Which sessions to read: lectures by id, and every gathering and lecture of some workshops. */
export type SessionScope = {
  lectureIds: readonly string[];
  workshopIds: readonly string[];
  statuses: readonly SessionStatus[];
  /** Only sessions of workshops in these states (the feeds); any workshop when left out. */
  workshopStatuses?: readonly WorkshopStatus[];
};

/** The sessions of a scope as calendar data with their own status, each once, in time order. */
export async function readCalendarSessions(
  tx: Prisma.TransactionClient,
  scope: SessionScope,
): Promise<(CalendarSession & { status: SessionStatus })[]> {
  if (scope.lectureIds.length === 0 && scope.workshopIds.length === 0) return [];
  const status = { in: [...scope.statuses] };
  const workshop = scope.workshopStatuses ? { status: { in: [...scope.workshopStatuses] } } : undefined;
  // One after the other: a transaction client runs one query at a time anyway.
  const lectures = await tx.lecture.findMany({
    where: { status, workshop, OR: [{ id: { in: [...scope.lectureIds] } }, { workshopId: { in: [...scope.workshopIds] } }] },
    select: {
      id: true, title: true, slug: true, startsAt: true, endsAt: true, sequence: true, status: true,
      venue: { select: venueSelect }, lecturer: { select: { name: true } }, workshop: { select: workshopSelect },
    },
  });
  const gatherings =
    scope.workshopIds.length === 0
      ? []
      : await tx.gathering.findMany({
          where: { status, workshop, workshopId: { in: [...scope.workshopIds] } },
          select: { id: true, title: true, startsAt: true, endsAt: true, sequence: true, status: true, venue: { select: venueSelect }, workshop: { select: workshopSelect } },
        });
  return orderSessions([
    ...lectures.map((l) => ({
      kind: "lecture" as const, id: l.id, title: l.title, startsAt: l.startsAt.toISOString(), endsAt: l.endsAt.toISOString(), sequence: l.sequence,
      workshopTitle: l.workshop.title, workshopSlug: l.workshop.slug, lectureSlug: l.slug, lecturer: l.lecturer.name, venue: l.venue, status: l.status,
    })),
    ...gatherings.map((g) => ({
      kind: "gathering" as const, id: g.id, title: g.title, startsAt: g.startsAt.toISOString(), endsAt: g.endsAt.toISOString(), sequence: g.sequence,
      workshopTitle: g.workshop.title, workshopSlug: g.workshop.slug, lectureSlug: null, lecturer: null, venue: g.venue, status: g.status,
    })),
  ]);
}

/** The sessions a set of bookings covers, each once, in time order. */
export async function sessionsOfBookings(
  tx: Prisma.TransactionClient,
  bookings: readonly BookingRef[],
  statuses: readonly SessionStatus[] = ["PUBLISHED"],
): Promise<CalendarSession[]> {
  const sessions = await readCalendarSessions(tx, {
    lectureIds: [...new Set(bookings.filter((b) => b.kind === "LECTURE" && b.lectureId).map((b) => b.lectureId!))],
    workshopIds: [...new Set(bookings.filter((b) => b.kind === "PACKAGE").map((b) => b.workshopId))],
    statuses,
  });
  // E-mail payloads carry calendar data only (calendarSessionSchema).
  return sessions.map(({ status: _status, ...session }) => session);
}

/**
 * The calendar for one person's bookings, to put in an e-mail (enqueueEmail's `calendar`) or a
 * download. All bookings must be the same participant's.
 *
 * - REQUEST (default): the booking as an invitation to the participant; TENTATIVE while any of the
 *   bookings waits for payment, else CONFIRMED. Use for booking-received, booked-by-colleague and
 *   booking-confirmed.
 * - CANCEL: for bookings just cancelled (booking-cancelled). Sessions the person still holds through
 *   another active booking (a lecture that is also in their package) are left out, so their calendar
 *   keeps them.
 * - PUBLISH: a file to download, without the attendee.
 *
 * Null when the bookings cover no session (nothing to attach).
 */
export async function bookingCalendarAttachment(
  tx: Prisma.TransactionClient,
  bookingIds: readonly string[],
  options: { method?: CalendarMethod } = {},
): Promise<CalendarFile | null> {
  const method = options.method ?? "REQUEST";
  if (bookingIds.length === 0) return null;
  const bookings = await tx.booking.findMany({
    where: { id: { in: [...bookingIds] } },
    select: {
      kind: true, workshopId: true, lectureId: true, status: true, participantId: true,
      participant: { select: { name: true, email: true, erasedAt: true } },
      workshop: { select: { organiser: { select: { name: true, email: true } } } },
    },
  });
  const first = bookings[0];
  if (!first || first.participant.erasedAt) return null;
  if (bookings.some((b) => b.participantId !== first.participantId)) {
    throw new Error("bookingCalendarAttachment: the bookings belong to more than one participant");
  }

  let sessions = await sessionsOfBookings(tx, bookings, method === "CANCEL" ? ["PUBLISHED", "CANCELLED"] : ["PUBLISHED"]);
  if (method === "CANCEL") {
    const stillHeld = await tx.booking.findMany({
      where: { participantId: first.participantId, activeSessionKey: { not: null }, id: { notIn: [...bookingIds] } },
      select: { kind: true, workshopId: true, lectureId: true },
    });
    const kept = new Set((await sessionsOfBookings(tx, stillHeld)).map(sessionUid));
    sessions = sessions.filter((s) => !kept.has(sessionUid(s)));
  }
  if (sessions.length === 0) return null;

  return {
    method,
    status: bookings.some((b) => b.status === "PENDING_PAYMENT") ? "TENTATIVE" : "CONFIRMED",
    organizer: { name: first.workshop.organiser.name, email: first.workshop.organiser.email },
    attendee: method === "PUBLISH" ? null : { name: first.participant.name, email: first.participant.email },
    sessions,
  };
}

/**
 * For e-mails queued without calendar data by a use case that has no booking ids at hand
 * (bookSessions and acceptOffer queue booked-by-colleague with text only): the recipient's
 * bookings that this very transaction wrote. PostgreSQL stamps every row version with the
 * transaction that wrote it (xmin), so `xmin = pg_current_xact_id()` finds exactly this
 * transaction's rows, whatever runs at the same time; the join starts from the recipient (unique
 * e-mail, then the participant index), so it reads a handful of rows, never the whole table.
 */
export async function bookingIdsOfRecipientInThisTransaction(tx: Prisma.TransactionClient, recipientEmail: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select b.id from "User" u join "Booking" b on b."participantId" = u.id
    where u.email = ${recipientEmail.toLowerCase()} and b."activeSessionKey" is not null
      and b.xmin = pg_current_xact_id()::xid
    order by b.id`;
  return rows.map((r) => r.id);
}

/**
 * At delivery: the calendar data of booking e-mails that were queued without it, added to the
 * payload (not stored). Outside the booking transaction on purpose: building it reads several
 * tables, and the booking transaction holds seat locks while it runs.
 *
 * - `calendarBookingIds` (set by enqueueEmail from the transaction's bookings): those bookings.
 * - booking-received with its order `reference`: every session of the order to list, and the
 *   recipient's own bookings in it as their calendar (none for an orderer who booked only others).
 *
 * A payload that has `calendar` (also null) is left as it is.
 */
export async function withDeferredCalendar(client: Prisma.TransactionClient, template: string, toEmail: string, payload: unknown): Promise<unknown> {
  if (!payload || typeof payload !== "object" || "calendar" in payload) return payload;
  const fields = payload as Record<string, unknown>;
  if (Array.isArray(fields.calendarBookingIds)) {
    const ids = fields.calendarBookingIds.filter((id): id is string => typeof id === "string");
    return { ...fields, calendar: await bookingCalendarAttachment(client, ids) };
  }
  if (template === "booking-received" && typeof fields.reference === "string") {
    // Through the order lines: they are indexed by order, bookings are not.
    const lines = await client.orderLine.findMany({ where: { order: { reference: fields.reference } }, select: { bookingId: true } });
    const bookings = await client.booking.findMany({
      where: { id: { in: lines.map((l) => l.bookingId).filter((id): id is string => id !== null) } },
      select: { id: true, kind: true, workshopId: true, lectureId: true, activeSessionKey: true, participant: { select: { email: true } } },
    });
    const own = bookings.filter((b) => b.participant.email === toEmail.toLowerCase() && b.activeSessionKey !== null).map((b) => b.id);
    const sessionList = "sessionList" in fields ? {} : { sessionList: await sessionsOfBookings(client, bookings) };
    return { ...fields, ...sessionList, calendar: own.length > 0 ? await bookingCalendarAttachment(client, own) : null };
  }
  return payload;
}

/**
 * Who may download a booking's calendar: the participant, the person who booked it (an orderer
 * for their staff), and coordinators and admins. Everyone else gets a 404, as if it did not exist.
 */
export function mayDownloadBookingCalendar(
  user: { id: string; roles: readonly RoleName[] },
  booking: { participantId: string; bookedById: string },
): boolean {
  return user.id === booking.participantId || user.id === booking.bookedById || can(user, "booking.manageAny");
}
