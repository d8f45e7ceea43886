import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import type { WorkshopStatus } from "@/lib/generated/prisma/enums";

export type AdminWorkshopRow = {
  id: string;
  slug: string;
  title: string;
  edition: string;
  status: WorkshopStatus;
  startsOn: LocalDate;
  endsOn: LocalDate;
  sessions: number;
  draftSessions: number;
  /** Active bookings: paid or waiting for payment. */
  bookings: number;
};

/** Every workshop, drafts included, the latest first, with session and booking counts. ADMIN only. */
export async function listWorkshopsForAdmin(user: SessionUser): Promise<AdminWorkshopRow[]> {
  assertCan(user, "calendar.edit");
  const [workshops, bookings, draftGatherings, draftLectures] = await Promise.all([
    db.workshop.findMany({
      orderBy: [{ startsOn: "desc" }, { title: "asc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        edition: true,
        status: true,
        startsOn: true,
        endsOn: true,
        _count: { select: { gatherings: true, lectures: true } },
      },
    }),
    db.booking.groupBy({ by: ["workshopId"], where: { status: { in: ["PENDING_PAYMENT", "CONFIRMED"] } }, _count: { _all: true } }),
    db.gathering.groupBy({ by: ["workshopId"], where: { status: "DRAFT" }, _count: { _all: true } }),
    db.lecture.groupBy({ by: ["workshopId"], where: { status: "DRAFT" }, _count: { _all: true } }),
  ]);
  const countOf = (rows: { workshopId: string; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.workshopId, r._count._all]));
  const booked = countOf(bookings);
  const draftG = countOf(draftGatherings);
  const draftL = countOf(draftLectures);
  return workshops.map((w) => ({
    id: w.id,
    slug: w.slug,
    title: w.title,
    edition: w.edition,
    status: w.status,
    startsOn: dateColumnToLocalDate(w.startsOn),
    endsOn: dateColumnToLocalDate(w.endsOn),
    sessions: w._count.gatherings + w._count.lectures,
    draftSessions: (draftG.get(w.id) ?? 0) + (draftL.get(w.id) ?? 0),
    bookings: booked.get(w.id) ?? 0,
  }));
}
