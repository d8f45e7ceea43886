/**
 * Which change to a session booked people are told about (issue 8, change notices). Pure: the
 * session as it was and as it is now are passed in.
 *
 * Only a session that was PUBLISHED is announced: nobody can have booked a draft, and a cancelled
 * session has already been called off. Moving a session back to DRAFT is not announced (the editor
 * does not unpublish a session that has bookings).
 */
export type SessionStatusName = "DRAFT" | "PUBLISHED" | "CANCELLED";

export type SessionState = { startsAt: Date; endsAt: Date; venueId: string; status: SessionStatusName };

/** Stored in SessionChange.kind: CANCELLED wins; TIME when the time moved (the venue may have changed too); else VENUE. */
export type SessionChangeKind = "TIME" | "VENUE" | "CANCELLED";

export type SessionChangeFacts = { kind: SessionChangeKind; timeChanged: boolean; venueChanged: boolean };

export function classifySessionChange(before: SessionState, after: SessionState): SessionChangeFacts | null {
  if (before.status !== "PUBLISHED") return null;
  const timeChanged = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
  const venueChanged = before.venueId !== after.venueId;
  if (after.status === "CANCELLED") return { kind: "CANCELLED", timeChanged, venueChanged };
  if (after.status !== "PUBLISHED") return null;
  if (timeChanged) return { kind: "TIME", timeChanged, venueChanged };
  if (venueChanged) return { kind: "VENUE", timeChanged, venueChanged };
  return null;
}

/** How far back the bookings page shows changes to the reader's sessions. */
export const RECENT_CHANGE_DAYS = 60;

export function recentChangesSince(now: Date): Date {
  return new Date(now.getTime() - RECENT_CHANGE_DAYS * 24 * 60 * 60 * 1000);
}

/** One outbox message per change and person: a retried job or transaction never mails twice. */
export function sessionChangeDedupeKey(changeId: string, personId: string): string {
  return `session-change:${changeId}:${personId}`;
}
