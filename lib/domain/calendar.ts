/**
 * Pure rules for the public calendar (Kalendarium): seats, what a reader is told about a session,
 * and grouping by month in Stockholm time. The current time is passed in.
 */
import { stockholmMonthKey } from "./time";

export type PublicSessionStatus = "PUBLISHED" | "CANCELLED";

export type SessionFacts = {
  status: PublicSessionStatus;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
};

/** Seats still free; never negative, even if a capacity was lowered below what is taken. */
export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken);
}

/**
 * What the reader is told first about a session. A cancelled session stays cancelled after it
 * would have happened; a session is past once it has ended.
 */
export type SessionAvailability = "cancelled" | "past" | "full" | "open";

export function sessionAvailability(session: SessionFacts, now: Date): SessionAvailability {
  if (session.status === "CANCELLED") return "cancelled";
  if (session.endsAt.getTime() <= now.getTime()) return "past";
  return seatsLeft(session.capacity, session.seatsTaken) === 0 ? "full" : "open";
}

export type MonthGroup<T> = { monthKey: string; items: T[] };

/**
 * Sessions grouped by the Stockholm month they start in ("YYYY-MM"), months and sessions in time
 * order. A session at 00:30 on 1 October Stockholm time is 22:30 UTC on 30 September: it is October's.
 */
export function groupByStockholmMonth<T extends { startsAt: Date }>(items: readonly T[]): MonthGroup<T>[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const groups: MonthGroup<T>[] = [];
  for (const item of sorted) {
    const monthKey = stockholmMonthKey(item.startsAt);
    const last = groups.at(-1);
    if (last?.monthKey === monthKey) last.items.push(item);
    else groups.push({ monthKey, items: [item] });
  }
  return groups;
}

/** Plain text from the database as paragraphs: a blank line starts a new one. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
