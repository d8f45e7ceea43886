/**
 * What a calendar file (.ics) is made of, as plain JSON: the sessions with their times, venue and
 * iCalendar SEQUENCE, and how the file is meant (a booking, a download, a cancellation). This is
 * what an e-mail's outbox payload carries, so the delivery worker can build the file and the
 * e-mail's session lines from the same data, in the recipient's language, without the database.
 * No server-only imports: the worker runs outside Next.js.
 */
import { z } from "zod";

export const SESSION_KINDS = ["lecture", "gathering"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

const instant = z.iso.datetime({ offset: true });

export const calendarSessionSchema = z.object({
  kind: z.enum(SESSION_KINDS),
  /** The Lecture or Gathering id: with the kind it makes the event's UID. */
  id: z.string().min(1),
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  /** The session's iCalendar SEQUENCE (raised by the calendar module on every announced change). */
  sequence: z.number().int().min(0),
  workshopTitle: z.string(),
  workshopSlug: z.string(),
  /** Lectures only: the public lecture page's slug. */
  lectureSlug: z.string().nullable(),
  lecturer: z.string().nullable(),
  venue: z.object({ name: z.string(), streetAddress: z.string(), postalCode: z.string(), city: z.string() }),
});
export type CalendarSession = z.infer<typeof calendarSessionSchema>;

const person = z.object({ name: z.string().nullable(), email: z.string() });

export const CALENDAR_METHODS = ["REQUEST", "PUBLISH", "CANCEL"] as const;
export type CalendarMethod = (typeof CALENDAR_METHODS)[number];

export const calendarFileSchema = z.object({
  /**
   * REQUEST: an e-mailed booking (a mail client offers it as an invitation and applies later
   * updates and cancellations with the same UID). PUBLISH: a file to download and import.
   * CANCEL: removes the sessions again (STATUS:CANCELLED, SEQUENCE one above the session's).
   */
  method: z.enum(CALENDAR_METHODS),
  /** TENTATIVE while the booking waits for payment, CONFIRMED once it is confirmed. Ignored by CANCEL. */
  status: z.enum(["CONFIRMED", "TENTATIVE"]),
  /** The organiser (the FoU unit): iTIP (RFC 5546) requires an ORGANIZER on REQUEST and CANCEL. */
  organizer: person.nullable(),
  /** The person the file is for; none in a download. */
  attendee: person.nullable(),
  sessions: z.array(calendarSessionSchema),
});
export type CalendarFile = z.infer<typeof calendarFileSchema>;

/** Stable per session, the same in e-mails, downloads and (later) feeds: "lecture-<id>@verkstad". */
export function sessionUid(session: Pick<CalendarSession, "kind" | "id">): string {
  return `${session.kind}-${session.id}@verkstad`;
}

/** Sessions in time order, each UID once (a lecture booked singly and through the package is one event). */
export function orderSessions<T extends CalendarSession>(sessions: readonly T[]): T[] {
  const byUid = new Map<string, T>();
  for (const s of sessions) if (!byUid.has(sessionUid(s))) byUid.set(sessionUid(s), s);
  return [...byUid.values()].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || sessionUid(a).localeCompare(sessionUid(b)));
}

/**
 * The calendar part of an outbox payload (`payload.calendar`), checked; null when there is none.
 * A malformed one throws: the message is then retried and ends FAILED with the reason.
 */
export function calendarOfPayload(payload: unknown): CalendarFile | null {
  const value = (payload as { calendar?: unknown } | null)?.calendar;
  if (value === undefined || value === null) return null;
  return calendarFileSchema.parse(value);
}

/** Sessions listed in an e-mail without a calendar file (`payload.sessionList`), checked. */
export function sessionListOfPayload(payload: unknown): CalendarSession[] | null {
  const value = (payload as { sessionList?: unknown } | null)?.sessionList;
  if (value === undefined || value === null) return null;
  return z.array(calendarSessionSchema).parse(value);
}
