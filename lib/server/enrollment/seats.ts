import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Seats are counters on the session rows, taken and given back with one conditional UPDATE each
 * (`seatsTaken + n <= capacity`), inside the booking's transaction. The row lock that UPDATE takes
 * queues concurrent bookings of the same session; the condition (and the CHECK constraint
 * seatsTaken <= capacity under it) makes overselling impossible whatever the concurrency.
 *
 * Lock order, to keep concurrent orders free of deadlocks: the workshop row (packages only), then
 * gatherings by id, then lectures by id — one statement per row, in that order.
 */
export type SeatTarget = { kind: "LECTURE"; lectureId: string } | { kind: "PACKAGE"; workshopId: string };

type Tx = Prisma.TransactionClient;

export async function takeLectureSeats(tx: Tx, lectureIds: readonly string[], count: number, titles: ReadonlyMap<string, string>): Promise<void> {
  for (const id of [...lectureIds].sort()) {
    const taken = await tx.$executeRaw`
      update "Lecture" set "seatsTaken" = "seatsTaken" + ${count}, "updatedAt" = now()
      where "id" = ${id} and "status" = 'PUBLISHED' and "seatsTaken" + ${count} <= "capacity"`;
    if (taken === 0) await throwFull(tx, "Lecture", id, titles.get(id) ?? id);
  }
}

/** A package takes a seat in the package itself and in every published gathering and lecture of the workshop. */
export async function takePackageSeats(tx: Tx, workshopId: string, count: number, workshopTitle: string): Promise<void> {
  const taken = await tx.$executeRaw`
    update "Workshop" set "packageSeatsTaken" = "packageSeatsTaken" + ${count}, "updatedAt" = now()
    where "id" = ${workshopId} and "status" = 'PUBLISHED' and "packageSeatsTaken" + ${count} <= "packageCapacity"`;
  if (taken === 0) await throwFull(tx, "Workshop", workshopId, workshopTitle);
  const included = await packageSessions(tx, workshopId);
  for (const g of included.gatherings) {
    const ok = await tx.$executeRaw`
      update "Gathering" set "seatsTaken" = "seatsTaken" + ${count}, "updatedAt" = now()
      where "id" = ${g.id} and "seatsTaken" + ${count} <= "capacity"`;
    if (ok === 0) await throwFull(tx, "Gathering", g.id, g.title);
  }
  for (const l of included.lectures) {
    const ok = await tx.$executeRaw`
      update "Lecture" set "seatsTaken" = "seatsTaken" + ${count}, "updatedAt" = now()
      where "id" = ${l.id} and "seatsTaken" + ${count} <= "capacity"`;
    if (ok === 0) await throwFull(tx, "Lecture", l.id, l.title);
  }
}

/** Gives seats back (cancellation, expired hold). Never below zero. */
export async function releaseSeats(tx: Tx, target: SeatTarget, count = 1): Promise<void> {
  if (target.kind === "LECTURE") {
    await tx.$executeRaw`
      update "Lecture" set "seatsTaken" = greatest(0, "seatsTaken" - ${count}), "updatedAt" = now() where "id" = ${target.lectureId}`;
    return;
  }
  await tx.$executeRaw`
    update "Workshop" set "packageSeatsTaken" = greatest(0, "packageSeatsTaken" - ${count}), "updatedAt" = now()
    where "id" = ${target.workshopId}`;
  const included = await packageSessions(tx, target.workshopId);
  for (const g of included.gatherings) {
    await tx.$executeRaw`
      update "Gathering" set "seatsTaken" = greatest(0, "seatsTaken" - ${count}), "updatedAt" = now() where "id" = ${g.id}`;
  }
  for (const l of included.lectures) {
    await tx.$executeRaw`
      update "Lecture" set "seatsTaken" = greatest(0, "seatsTaken" - ${count}), "updatedAt" = now() where "id" = ${l.id}`;
  }
}

/** The sessions a package includes: its published gatherings and lectures, in lock order. */
export async function packageSessions(tx: Tx, workshopId: string) {
  const [gatherings, lectures] = await Promise.all([
    tx.gathering.findMany({ where: { workshopId, status: "PUBLISHED" }, select: { id: true, title: true }, orderBy: { id: "asc" } }),
    tx.lecture.findMany({ where: { workshopId, status: "PUBLISHED" }, select: { id: true, title: true }, orderBy: { id: "asc" } }),
  ]);
  return { gatherings, lectures };
}

async function throwFull(tx: Tx, table: "Lecture" | "Gathering" | "Workshop", id: string, title: string): Promise<never> {
  const rows =
    table === "Workshop"
      ? await tx.$queryRaw<{ left: number }[]>`select greatest(0, "packageCapacity" - "packageSeatsTaken")::int as "left" from "Workshop" where "id" = ${id}`
      : table === "Lecture"
        ? await tx.$queryRaw<{ left: number }[]>`select greatest(0, "capacity" - "seatsTaken")::int as "left" from "Lecture" where "id" = ${id}`
        : await tx.$queryRaw<{ left: number }[]>`select greatest(0, "capacity" - "seatsTaken")::int as "left" from "Gathering" where "id" = ${id}`;
  throw new AppError("FULL", `No seats left on ${table} ${id}`, undefined, { session: title, seatsLeft: Number(rows[0]?.left ?? 0) });
}
