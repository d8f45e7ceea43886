/**
 * Enrollment rules: seats, holds, the waiting list and cancellation. Pure: the current time is
 * always passed in. The database enforces the same seat invariant (CHECK seatsTaken <= capacity).
 */
import { can, type RoleName } from "./roles";
import { defineMachine } from "./status-machine";
import { isOnOrBeforeDeadline, type LocalDate } from "./time";

export type BookingStatus = "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
export type WaitlistStatus = "WAITING" | "OFFERED" | "ACCEPTED" | "EXPIRED" | "CANCELLED";

export const bookingMachine = defineMachine<BookingStatus>("Booking", {
  PENDING_PAYMENT: ["CONFIRMED", "CANCELLED", "EXPIRED"],
  CONFIRMED: ["CANCELLED"],
  CANCELLED: [],
  EXPIRED: [],
});

export const waitlistMachine = defineMachine<WaitlistStatus>("WaitlistEntry", {
  WAITING: ["OFFERED", "CANCELLED"],
  OFFERED: ["ACCEPTED", "EXPIRED", "CANCELLED"],
  ACCEPTED: [],
  EXPIRED: [],
  CANCELLED: [],
});

/** A booking holds a seat while it is pending payment or confirmed. */
export function holdsSeat(status: BookingStatus): boolean {
  return status === "PENDING_PAYMENT" || status === "CONFIRMED";
}

export type SessionKey = `L:${string}` | `P:${string}`;
export const lectureKey = (lectureId: string): SessionKey => `L:${lectureId}`;
export const packageKey = (workshopId: string): SessionKey => `P:${workshopId}`;

export type Seats = { capacity: number; seatsTaken: number };

export function seatsLeft(seats: Seats): number {
  return Math.max(0, seats.capacity - seats.seatsTaken);
}

/**
 * A package takes a seat in the package itself and in every gathering and lecture it includes,
 * so its free places are the fewest free places among all of them.
 */
export function packageSeatsLeft(pkg: Seats, included: readonly Seats[]): number {
  return Math.min(seatsLeft(pkg), ...included.map(seatsLeft));
}

export function holdExpiresAt(now: Date, holdMinutes: number): Date {
  return new Date(now.getTime() + holdMinutes * 60_000);
}

/** An unpaid booking whose hold has run out gives its seat back. */
export function isHoldExpired(status: BookingStatus, holdExpires: Date | null, now: Date): boolean {
  return status === "PENDING_PAYMENT" && holdExpires !== null && holdExpires.getTime() <= now.getTime();
}

export function offerExpiresAt(now: Date, offerHours: number): Date {
  return new Date(now.getTime() + offerHours * 3_600_000);
}

/** Participants cancel by themselves up to and including the workshop's cancellation day (Stockholm time). */
export function canCancelSelf(cancellationDeadline: LocalDate, now: Date): boolean {
  return isOnOrBeforeDeadline(cancellationDeadline, now);
}

export type QueueEntry = { id: string; status: WaitlistStatus; createdAt: Date };

/** First come, first served; the id breaks ties between entries made in the same millisecond. */
export function waitlistOrder<E extends QueueEntry>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 1-based position among those still waiting, or null when the entry is not waiting. */
export function waitlistPosition<E extends QueueEntry>(entries: readonly E[], entryId: string): number | null {
  const waiting = waitlistOrder(entries.filter((e) => e.status === "WAITING"));
  const index = waiting.findIndex((e) => e.id === entryId);
  return index === -1 ? null : index + 1;
}

/** Who gets the next offer when a seat frees: the first waiting entry, if any. */
export function nextInLine<E extends QueueEntry>(entries: readonly E[]): E | null {
  return waitlistOrder(entries.filter((e) => e.status === "WAITING"))[0] ?? null;
}

// ───────────────────────── Changes after booking ─────────────────────────

export type SessionRef = { kind: "LECTURE"; lectureId: string; workshopId: string } | { kind: "PACKAGE"; workshopId: string };

/** The session a booking or waiting-list entry is for, as its key ("L:<lectureId>" / "P:<workshopId>"). */
export function sessionKeyOf(entry: { kind: "LECTURE" | "PACKAGE"; workshopId: string; lectureId: string | null }): SessionKey {
  if (entry.kind === "PACKAGE") return packageKey(entry.workshopId);
  if (!entry.lectureId) throw new Error("A lecture booking names its lecture");
  return lectureKey(entry.lectureId);
}

/**
 * Which waiting lists a released seat may serve, in the order they are offered: the session itself
 * first, then the sessions that share its seats. A lecture seat can complete a package (the package
 * takes a seat in every lecture); a package seat frees a seat in every lecture it includes.
 */
export function keysServedByRelease(target: SessionRef, lectureIdsOfWorkshop: readonly string[]): SessionKey[] {
  if (target.kind === "LECTURE") return [lectureKey(target.lectureId), packageKey(target.workshopId)];
  return [packageKey(target.workshopId), ...[...lectureIdsOfWorkshop].sort().map(lectureKey)];
}

/**
 * Someone joining the waiting list while there are seats enough for everyone they add should book
 * instead. With fewer free seats than people the list takes them all, and the free seats are offered
 * to the first in line at once.
 */
export function shouldBookInstead(freeSeats: number, people: number): boolean {
  return freeSeats >= people;
}

/** "L:<lectureId>" / "P:<workshopId>" back to what it names; null for anything else. */
export function parseSessionKey(key: string): { kind: "LECTURE"; lectureId: string } | { kind: "PACKAGE"; workshopId: string } | null {
  const match = /^([LP]):(.+)$/.exec(key);
  if (!match) return null;
  return match[1] === "L" ? { kind: "LECTURE", lectureId: match[2]! } : { kind: "PACKAGE", workshopId: match[2]! };
}

/** An offer can be accepted while it stands: offered, and its time has not run out. */
export function isOfferOpen(status: WaitlistStatus, offerExpires: Date | null, now: Date): boolean {
  return status === "OFFERED" && offerExpires !== null && offerExpires.getTime() > now.getTime();
}

/** An offer whose time has run out gives its seat to the next in line. */
export function isOfferExpired(status: WaitlistStatus, offerExpires: Date | null, now: Date): boolean {
  return status === "OFFERED" && offerExpires !== null && offerExpires.getTime() <= now.getTime();
}

export type Actor = { id: string; roles: readonly RoleName[] };
export type BookingParties = { participantId: string; bookedById: string; orderPlacedById: string | null };

/**
 * How the actor relates to a booking (or a waiting-list entry): its participant, the orderer who
 * made it, staff, or nobody (then the booking is "not found" to them, never "forbidden").
 */
export function bookingRelation(parties: BookingParties, actor: Actor): "participant" | "orderer" | "staff" | null {
  if (parties.participantId === actor.id) return "participant";
  if (parties.bookedById === actor.id || parties.orderPlacedById === actor.id) return "orderer";
  if (can(actor, "booking.manageAny")) return "staff";
  return null;
}

/**
 * Participants and their orderers cancel up to and including the cancellation day (Stockholm
 * time); after it only staff do.
 */
export function mayCancel(relation: "participant" | "orderer" | "staff", cancellationDeadline: LocalDate, now: Date): boolean {
  return relation === "staff" || canCancelSelf(cancellationDeadline, now);
}

/**
 * What an order becomes once its bookings change: unchanged (null) while any booking holds a seat;
 * CANCELLED when every booking was cancelled; EXPIRED when any ran out unpaid.
 */
export function settledOrderStatus(statuses: readonly BookingStatus[]): "CANCELLED" | "EXPIRED" | null {
  if (statuses.length === 0 || statuses.some(holdsSeat)) return null;
  return statuses.every((s) => s === "CANCELLED") ? "CANCELLED" : "EXPIRED";
}

export type OrderConfirmation =
  | { kind: "confirm"; bookingIds: string[] }
  | { kind: "already-confirmed" }
  /** A booking's hold ran out (its seat went to someone else), or nothing in the order holds a seat. */
  | { kind: "seats-gone"; bookingIds: string[] };

/**
 * Payment (or an invoice) confirms an order's unpaid bookings. Cancelled bookings were withdrawn
 * (a substituted one lives on in its substitute) and are skipped; an expired one has lost its seat,
 * so the order cannot be confirmed as it stands.
 */
export function orderConfirmation(bookings: readonly { id: string; status: BookingStatus }[]): OrderConfirmation {
  const expired = bookings.filter((b) => b.status === "EXPIRED").map((b) => b.id);
  if (expired.length > 0) return { kind: "seats-gone", bookingIds: expired };
  const pending = bookings.filter((b) => b.status === "PENDING_PAYMENT").map((b) => b.id);
  if (pending.length > 0) return { kind: "confirm", bookingIds: pending };
  if (bookings.some((b) => b.status === "CONFIRMED")) return { kind: "already-confirmed" };
  return { kind: "seats-gone", bookingIds: [] };
}

export function sessionRefOf(entry: { kind: "LECTURE" | "PACKAGE"; workshopId: string; lectureId: string | null }): SessionRef {
  if (entry.kind === "PACKAGE") return { kind: "PACKAGE", workshopId: entry.workshopId };
  if (!entry.lectureId) throw new Error("A lecture booking names its lecture");
  return { kind: "LECTURE", lectureId: entry.lectureId, workshopId: entry.workshopId };
}

/**
 * The reason written on a booking ended because the organiser cancelled its session: the
 * participant gets everything back whenever it happens (billing reads it, lib/domain/billing).
 */
export const SESSION_CANCELLED_REASON = "session cancelled";

/**
 * Whether a cancellation came after the cancellation day, so billing gives back only the
 * workshop's late share: never when the organiser cancelled the session.
 */
export function cancelledLate(cancellationDeadline: LocalDate, cancelledAt: Date, reason: string | null | undefined): boolean {
  return reason !== SESSION_CANCELLED_REASON && !isOnOrBeforeDeadline(cancellationDeadline, cancelledAt);
}
