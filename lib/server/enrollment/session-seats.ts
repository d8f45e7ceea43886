/**
 * A session's seat rows, locked, with what the waiting list needs to know about them: how many
 * seats are free, whether the session can still be booked, and its workshop's offer time.
 *
 * The locks follow seats.ts' order (the workshop row for packages, then gatherings by id, then
 * lectures by id) and are the same rows that taking or releasing a seat updates, so a waiting-list
 * decision ("seats are free: book instead", "offer the free seat") can never race a booking, a
 * cancellation or another offer for the same session.
 *
 * No `server-only` here: the job worker (scripts/worker.ts) runs the expiry jobs that use this.
 */
import { packageSeatsLeft, parseSessionKey, seatsLeft, type SessionKey, type SessionRef } from "@/lib/domain/enrollment";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type LockedSession = {
  key: SessionKey;
  ref: SessionRef;
  /** The lecture's title, or the workshop's for the package. */
  title: string;
  workshopTitle: string;
  /** Published, in a published workshop, and not begun. */
  bookable: boolean;
  free: number;
  waitlistOfferHours: number;
  holdMinutes: number;
};

type WorkshopRow = { id: string; title: string; status: string; packageCapacity: number; packageSeatsTaken: number; waitlistOfferHours: number; holdMinutes: number };
type SeatRow = { id: string; capacity: number; seatsTaken: number; startsAt: Date };

/** Locks the session's seat rows until the transaction ends; null when the session does not exist. */
export async function lockSessionSeats(tx: Tx, key: string, now: Date): Promise<LockedSession | null> {
  const parsed = parseSessionKey(key);
  if (!parsed) return null;

  if (parsed.kind === "LECTURE") {
    const [lecture] = await tx.$queryRaw<(SeatRow & { title: string; status: string; workshopId: string })[]>`
      select "id", "title", "status"::text as "status", "workshopId", "capacity", "seatsTaken", "startsAt"
      from "Lecture" where "id" = ${parsed.lectureId} for update`;
    if (!lecture) return null;
    const workshop = await tx.workshop.findUniqueOrThrow({
      where: { id: lecture.workshopId },
      select: { title: true, status: true, waitlistOfferHours: true, holdMinutes: true },
    });
    return {
      key: `L:${lecture.id}`,
      ref: { kind: "LECTURE", lectureId: lecture.id, workshopId: lecture.workshopId },
      title: lecture.title,
      workshopTitle: workshop.title,
      bookable: workshop.status === "PUBLISHED" && lecture.status === "PUBLISHED" && lecture.startsAt > now,
      free: seatsLeft(lecture),
      waitlistOfferHours: workshop.waitlistOfferHours,
      holdMinutes: workshop.holdMinutes,
    };
  }

  const [workshop] = await tx.$queryRaw<WorkshopRow[]>`
    select "id", "title", "status"::text as "status", "packageCapacity", "packageSeatsTaken", "waitlistOfferHours", "holdMinutes"
    from "Workshop" where "id" = ${parsed.workshopId} for update`;
  if (!workshop) return null;
  // The same sessions takePackageSeats and releaseSeats touch: the published ones.
  const gatherings = await tx.$queryRaw<SeatRow[]>`
    select "id", "capacity", "seatsTaken", "startsAt" from "Gathering"
    where "workshopId" = ${workshop.id} and "status" = 'PUBLISHED' order by "id" for update`;
  const lectures = await tx.$queryRaw<SeatRow[]>`
    select "id", "capacity", "seatsTaken", "startsAt" from "Lecture"
    where "workshopId" = ${workshop.id} and "status" = 'PUBLISHED' order by "id" for update`;
  const firstGathering = gatherings.reduce<Date | null>((first, g) => (first === null || g.startsAt < first ? g.startsAt : first), null);
  return {
    key: `P:${workshop.id}`,
    ref: { kind: "PACKAGE", workshopId: workshop.id },
    title: workshop.title,
    workshopTitle: workshop.title,
    // As booking the package: a published workshop whose first gathering has not begun.
    bookable: workshop.status === "PUBLISHED" && firstGathering !== null && firstGathering > now,
    free: packageSeatsLeft({ capacity: workshop.packageCapacity, seatsTaken: workshop.packageSeatsTaken }, [...gatherings, ...lectures]),
    waitlistOfferHours: workshop.waitlistOfferHours,
    holdMinutes: workshop.holdMinutes,
  };
}
