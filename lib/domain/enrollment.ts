/**
 * Enrollment rules: seats, holds, the waiting list and cancellation. Pure: the current time is
 * always passed in. The database enforces the same seat invariant (CHECK seatsTaken <= capacity).
 */
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
