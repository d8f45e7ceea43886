/**
 * Tells the people a session change concerns (issue 8, contract 1). The calendar editor calls it in
 * its own transaction right after updating the session row and before ending any bookings or
 * waiting-list places, so everyone affected is still found here.
 *
 * A change to a published session's time, venue or status (see classifySessionChange):
 * 1. raises the session's iCalendar SEQUENCE by one,
 * 2. writes a SessionChange (before/after with ISO instants and the venues' names and addresses),
 * 3. queues ONE e-mail per affected person (the outbox, a dedupe key per change and person):
 *    - booked (an active lecture booking of that lecture, or an active package booking of its
 *      workshop; a gathering only has package bookings): with a .ics, REQUEST with the same UID and
 *      the new SEQUENCE, or METHOD:CANCEL for a cancellation;
 *    - on the waiting list (a live entry for that lecture or the package) and not booked: the same
 *      news without a calendar file, since the session is not in their calendar.
 * A person with several bookings or queue places for the session gets one e-mail.
 *
 * No server-only import: scripts may call it inside their own transactions.
 */
import type { CalendarFile, CalendarSession } from "@/lib/calendar-files/calendar-data";
import { venueLine } from "@/lib/calendar-files/build-calendar";
import { lectureKey, packageKey } from "@/lib/domain/enrollment";
import { classifySessionChange, sessionChangeDedupeKey } from "@/lib/domain/session-change";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

export type SessionSnapshot = { startsAt: Date; endsAt: Date; venueId: string; status: "DRAFT" | "PUBLISHED" | "CANCELLED" };

/** What SessionChange.before/after hold (and the bookings page reads back). */
export type StoredSessionState = {
  startsAt: string;
  endsAt: string;
  status: SessionSnapshot["status"];
  venue: { id: string; name: string; streetAddress: string; postalCode: string; city: string };
};

const venueSelect = { id: true, name: true, streetAddress: true, postalCode: true, city: true } as const;

export async function announceSessionChange(
  tx: Prisma.TransactionClient,
  args: { session: { kind: "lecture" | "gathering"; id: string }; before: SessionSnapshot; after: SessionSnapshot; actorId: string; now: Date },
): Promise<{ changeId: string | null; notified: number }> {
  const { session, before, after, actorId } = args;
  const facts = classifySessionChange(before, after);
  if (!facts) return { changeId: null, notified: 0 };

  // 1. The new SEQUENCE, and what the e-mails and the calendar file say about the session.
  const row = await raiseSequence(tx, session);
  const venues = await tx.venue.findMany({ where: { id: { in: [before.venueId, after.venueId] } }, select: venueSelect });
  const venueOf = (id: string) => {
    const venue = venues.find((v) => v.id === id);
    if (!venue) throw new Error(`announceSessionChange: venue ${id} not found`);
    return venue;
  };
  const stored = (s: SessionSnapshot): StoredSessionState => ({
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status,
    venue: venueOf(s.venueId),
  });

  // 2. The change itself.
  const change = await tx.sessionChange.create({
    data: {
      workshopId: row.workshopId,
      lectureId: session.kind === "lecture" ? session.id : null,
      gatheringId: session.kind === "gathering" ? session.id : null,
      kind: facts.kind,
      before: stored(before),
      after: stored(after),
      createdById: actorId,
      createdAt: args.now,
    },
    select: { id: true },
  });

  // 3. Who is affected, each once: booked people first (they get the calendar file).
  const keys = session.kind === "lecture" ? [lectureKey(session.id), packageKey(row.workshopId)] : [packageKey(row.workshopId)];
  const person = { id: true, name: true, email: true, locale: true, erasedAt: true } as const;
  const bookings = await tx.booking.findMany({
    where: { workshopId: row.workshopId, activeSessionKey: { in: keys } },
    select: { kind: true, status: true, participant: { select: person } },
    orderBy: { createdAt: "asc" },
  });
  const entries = await tx.waitlistEntry.findMany({
    where: { workshopId: row.workshopId, activeSessionKey: { in: keys } },
    select: { kind: true, participant: { select: person } },
    orderBy: { createdAt: "asc" },
  });
  type Person = (typeof bookings)[number]["participant"];
  type Affected = { person: Person; kinds: Set<"LECTURE" | "PACKAGE">; confirmed: boolean };
  const booked = new Map<string, Affected>();
  for (const b of bookings) {
    const known = booked.get(b.participant.id) ?? { person: b.participant, kinds: new Set(), confirmed: false };
    known.kinds.add(b.kind);
    known.confirmed ||= b.status === "CONFIRMED";
    booked.set(b.participant.id, known);
  }
  const waiting = new Map<string, Omit<Affected, "confirmed">>();
  for (const e of entries) {
    if (booked.has(e.participant.id)) continue;
    const known = waiting.get(e.participant.id) ?? { person: e.participant, kinds: new Set() };
    known.kinds.add(e.kind);
    waiting.set(e.participant.id, known);
  }

  const cancelled = facts.kind === "CANCELLED";
  const newSession: CalendarSession = {
    kind: session.kind,
    id: session.id,
    title: row.title,
    startsAt: after.startsAt.toISOString(),
    endsAt: after.endsAt.toISOString(),
    // buildCalendar writes a CANCEL one above the given sequence: give it the one people last got,
    // so the cancellation carries the raised SEQUENCE, the same as the feeds.
    sequence: cancelled ? row.sequence - 1 : row.sequence,
    workshopTitle: row.workshop.title,
    workshopSlug: row.workshop.slug,
    lectureSlug: row.lectureSlug,
    lecturer: row.lecturer,
    venue: venueOf(after.venueId),
  };
  const common = {
    workshop: row.workshop.title,
    session: row.title,
    sessionKind: session.kind,
    beforeStartsAt: before.startsAt.toISOString(),
    beforeEndsAt: before.endsAt.toISOString(),
    afterStartsAt: after.startsAt.toISOString(),
    afterEndsAt: after.endsAt.toISOString(),
    beforeVenue: venueLine(venueOf(before.venueId)),
    afterVenue: venueLine(venueOf(after.venueId)),
  };

  let notified = 0;
  const send = async (to: Person, audience: "booked" | "waitlist", kinds: ReadonlySet<"LECTURE" | "PACKAGE">, calendar: CalendarFile | null) => {
    if (to.erasedAt) return;
    const message = { to: to.email, locale: to.locale, dedupeKey: sessionChangeDedupeKey(change.id, to.id), calendar };
    const held = kinds.has("LECTURE") ? "lecture" : "package";
    if (cancelled) {
      // A single-lecture booking of a cancelled lecture is given back; a package goes on without it.
      const refund = audience === "booked" && held === "lecture" ? "yes" : "no";
      await enqueueEmail(tx, { ...message, template: "session-cancelled", params: { ...common, audience, held, refund } });
    } else {
      const params = { ...common, audience, held, timeChanged: facts.timeChanged ? "yes" : "no", venueChanged: facts.venueChanged ? "yes" : "no" } as const;
      await enqueueEmail(tx, { ...message, template: "session-changed", params });
    }
    notified += 1;
  };
  for (const { person: to, kinds, confirmed } of booked.values()) {
    const calendar: CalendarFile = {
      method: cancelled ? "CANCEL" : "REQUEST",
      status: confirmed ? "CONFIRMED" : "TENTATIVE",
      organizer: { name: row.workshop.organiser.name, email: row.workshop.organiser.email },
      attendee: { name: to.name, email: to.email },
      sessions: [newSession],
    };
    await send(to, "booked", kinds, calendar);
  }
  for (const { person: to, kinds } of waiting.values()) await send(to, "waitlist", kinds, null);

  await recordAuditEvent(tx, {
    actorId,
    action: "session_change.announced",
    entityType: "SessionChange",
    entityId: change.id,
    before: { sequence: row.sequence - 1 },
    after: { kind: facts.kind, session: `${session.kind}-${session.id}`, sequence: row.sequence, notified },
  });
  return { changeId: change.id, notified };
}

type SessionRow = {
  workshopId: string;
  title: string;
  sequence: number;
  lectureSlug: string | null;
  lecturer: string | null;
  workshop: { title: string; slug: string; organiser: { name: string; email: string } };
};

async function raiseSequence(tx: Prisma.TransactionClient, session: { kind: "lecture" | "gathering"; id: string }): Promise<SessionRow> {
  const workshop = { select: { title: true, slug: true, organiser: { select: { name: true, email: true } } } } as const;
  if (session.kind === "lecture") {
    const l = await tx.lecture.update({
      where: { id: session.id },
      data: { sequence: { increment: 1 } },
      select: { workshopId: true, title: true, sequence: true, slug: true, lecturer: { select: { name: true } }, workshop },
    });
    return { workshopId: l.workshopId, title: l.title, sequence: l.sequence, lectureSlug: l.slug, lecturer: l.lecturer.name, workshop: l.workshop };
  }
  const g = await tx.gathering.update({
    where: { id: session.id },
    data: { sequence: { increment: 1 } },
    select: { workshopId: true, title: true, sequence: true, workshop },
  });
  return { workshopId: g.workshopId, title: g.title, sequence: g.sequence, lectureSlug: null, lecturer: null, workshop: g.workshop };
}
