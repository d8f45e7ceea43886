import "server-only";
import { db } from "@/lib/db";
import { waitlistPosition } from "@/lib/domain/enrollment";

/**
 * A waiting person's place in the queue (1 = next to be offered), or null when the entry is not
 * waiting (offered, accepted, left, expired, or no such entry). A query for pages: it does not
 * check ownership, so load the person's own entries first and ask for those.
 */
export async function waitlistPositionFor(entryId: string): Promise<number | null> {
  return (await waitlistPositions([entryId])).get(entryId) ?? null;
}

/** Positions of several entries at once (the bookings page), one query per session involved. */
export async function waitlistPositions(entryIds: readonly string[]): Promise<Map<string, number | null>> {
  const positions = new Map<string, number | null>(entryIds.map((id) => [id, null]));
  if (entryIds.length === 0) return positions;
  const entries = await db.waitlistEntry.findMany({
    where: { id: { in: [...entryIds] }, status: "WAITING" },
    select: { id: true, activeSessionKey: true },
  });
  const keys = [...new Set(entries.map((e) => e.activeSessionKey).filter((k): k is string => k !== null))];
  if (keys.length === 0) return positions;
  const queues = await db.waitlistEntry.findMany({
    where: { activeSessionKey: { in: keys }, status: "WAITING" },
    select: { id: true, status: true, createdAt: true, activeSessionKey: true },
  });
  for (const entry of entries) {
    positions.set(entry.id, waitlistPosition(queues.filter((q) => q.activeSessionKey === entry.activeSessionKey), entry.id));
  }
  return positions;
}
