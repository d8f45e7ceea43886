import "server-only";
import { db } from "@/lib/db";
import type { BookingKind, BookingStatus, PmStatus } from "@/lib/generated/prisma/enums";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";

// In the order a coordinator reads them: the package first, confirmed first, the PM's life in order.
export const BOOKING_KINDS = ["PACKAGE", "LECTURE"] as const satisfies readonly BookingKind[];
export const BOOKING_STATUSES = ["CONFIRMED", "PENDING_PAYMENT", "CANCELLED", "EXPIRED"] as const satisfies readonly BookingStatus[];
export const PM_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const satisfies readonly PmStatus[];

type Counts<K extends string> = Record<K, number>;

export type WorkshopOverview = {
  id: string;
  slug: string;
  title: string;
  edition: string;
  status: "DRAFT" | "PUBLISHED";
  startsOn: LocalDate;
  endsOn: LocalDate;
  pmDeadline: LocalDate;
  packageCapacity: number;
  packageSeatsTaken: number;
  /** Bookings per kind (package, lecture) and status. */
  bookings: Record<BookingKind, Counts<BookingStatus>>;
  /** Live waiting-list entries per kind: still waiting, or offered a seat and not yet answered. */
  waitlist: Record<BookingKind, { waiting: number; offered: number }>;
  pms: Counts<PmStatus>;
  activeSupervisions: number;
};

const zeros = <K extends string>(keys: readonly K[]): Counts<K> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

/**
 * The coordinator's landing page: per workshop that is not archived (drafts too, so next year's
 * edition can be followed before it is published), how bookings, waiting lists, project PMs and
 * supervision stand. Each figure is counted by the database (groupBy), not by loading rows.
 */
export async function getCoordinationOverview(): Promise<WorkshopOverview[]> {
  const current = { status: { not: "ARCHIVED" as const } };
  const [workshops, bookings, waitlist, pms, supervisions] = await Promise.all([
    db.workshop.findMany({
      where: current,
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        edition: true,
        status: true,
        startsOn: true,
        endsOn: true,
        pmDeadline: true,
        packageCapacity: true,
        packageSeatsTaken: true,
      },
    }),
    db.booking.groupBy({ by: ["workshopId", "kind", "status"], where: { workshop: current }, _count: { _all: true } }),
    db.waitlistEntry.groupBy({
      by: ["workshopId", "kind", "status"],
      where: { workshop: current, status: { in: ["WAITING", "OFFERED"] } },
      _count: { _all: true },
    }),
    db.projectPm.groupBy({ by: ["workshopId", "status"], where: { workshop: current }, _count: { _all: true } }),
    // A supervision belongs to one PM (pmId is unique), so PMs with an active supervision count them.
    db.projectPm.groupBy({
      by: ["workshopId"],
      where: { workshop: current, supervision: { is: { status: "ACTIVE" } } },
      _count: { _all: true },
    }),
  ]);

  return workshops.map((w) => {
    const overview: WorkshopOverview = {
      id: w.id,
      slug: w.slug,
      title: w.title,
      edition: w.edition,
      status: w.status === "DRAFT" ? "DRAFT" : "PUBLISHED",
      startsOn: dateColumnToLocalDate(w.startsOn),
      endsOn: dateColumnToLocalDate(w.endsOn),
      pmDeadline: dateColumnToLocalDate(w.pmDeadline),
      packageCapacity: w.packageCapacity,
      packageSeatsTaken: w.packageSeatsTaken,
      bookings: { PACKAGE: zeros(BOOKING_STATUSES), LECTURE: zeros(BOOKING_STATUSES) },
      waitlist: { PACKAGE: { waiting: 0, offered: 0 }, LECTURE: { waiting: 0, offered: 0 } },
      pms: zeros(PM_STATUSES),
      activeSupervisions: 0,
    };
    for (const b of bookings) if (b.workshopId === w.id) overview.bookings[b.kind][b.status] = b._count._all;
    for (const e of waitlist) {
      if (e.workshopId !== w.id) continue;
      if (e.status === "WAITING") overview.waitlist[e.kind].waiting = e._count._all;
      if (e.status === "OFFERED") overview.waitlist[e.kind].offered = e._count._all;
    }
    for (const p of pms) if (p.workshopId === w.id) overview.pms[p.status] = p._count._all;
    overview.activeSupervisions = supervisions.find((s) => s.workshopId === w.id)?._count._all ?? 0;
    return overview;
  });
}
