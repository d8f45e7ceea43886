import "server-only";
import { attendanceRatePercent } from "@/lib/domain/attendance";
import { dateColumnToLocalDate, toStockholmDate } from "@/lib/domain/time";
import type { PmStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export type OrganisationCounts = {
  /** Different people with a booking that holds a seat. */
  participants: number;
  packageBookings: number;
  lectureBookings: number;
  /** Whole-workshop bookings with an own improvement project. */
  ownProjects: number;
  present: number;
  absent: number;
  /** present ÷ (present + absent), whole percent; null before anything is recorded. */
  attendanceRate: number | null;
  pmsSubmitted: number;
  pmsAccepted: number;
};

export type WorkshopChoice = { id: string; title: string; edition: string };

/** A PM counts as submitted once it has left the participant's drafts (and was not withdrawn). */
const SUBMITTED: readonly PmStatus[] = ["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "DECLINED"];

export function emptyCounts(): OrganisationCounts {
  return { participants: 0, packageBookings: 0, lectureBookings: 0, ownProjects: 0, present: 0, absent: 0, attendanceRate: null, pmsSubmitted: 0, pmsAccepted: 0 };
}

/**
 * Published workshops (never drafts) for the overview's choice, newest first, and the one shown
 * when none is chosen: the earliest that has not ended yet (Stockholm date), else the latest.
 */
export async function publishedWorkshops(tx: Prisma.TransactionClient, now: Date): Promise<{ workshops: WorkshopChoice[]; current: string | null }> {
  const rows = await tx.workshop.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ startsOn: "desc" }, { id: "asc" }],
    select: { id: true, title: true, edition: true, endsOn: true },
  });
  const today = toStockholmDate(now);
  const running = rows.filter((w) => dateColumnToLocalDate(w.endsOn) >= today);
  const current = running.at(-1) ?? rows[0] ?? null;
  return { workshops: rows.map(({ id, title, edition }) => ({ id, title, edition })), current: current?.id ?? null };
}

/**
 * The overview's figures per organisation (key: organisation id, or "" for people without one)
 * for one workshop: bookings that hold a seat, attendance recorded at its public sessions, and
 * project PMs. `organisationId` limits the reading to one organisation.
 */
export async function countByOrganisation(
  tx: Prisma.TransactionClient,
  workshopId: string,
  organisationId?: string,
): Promise<Map<string, OrganisationCounts>> {
  const ofOrganisation = organisationId ? { participant: { organisationId } } : {};
  const publicSession = { workshopId, status: { in: ["PUBLISHED" as const, "CANCELLED" as const] } };
  const [bookings, marks, pms] = await Promise.all([
    tx.booking.findMany({
      where: { workshopId, status: { in: ["PENDING_PAYMENT", "CONFIRMED"] }, ...ofOrganisation },
      select: { participantId: true, kind: true, ownProject: true, participant: { select: { organisationId: true } } },
    }),
    tx.attendance.findMany({
      where: { OR: [{ lecture: publicSession }, { gathering: publicSession }], ...ofOrganisation },
      select: { present: true, participant: { select: { organisationId: true } } },
    }),
    tx.projectPm.findMany({
      where: { workshopId, ...ofOrganisation },
      select: { status: true, participant: { select: { organisationId: true } } },
    }),
  ]);
  const out = new Map<string, OrganisationCounts>();
  const people = new Map<string, Set<string>>();
  const of = (orgId: string | null) => {
    const key = orgId ?? "";
    let counts = out.get(key);
    if (!counts) out.set(key, (counts = emptyCounts()));
    return counts;
  };
  for (const b of bookings) {
    const key = b.participant.organisationId ?? "";
    const c = of(key);
    if (b.kind === "PACKAGE") {
      c.packageBookings += 1;
      if (b.ownProject) c.ownProjects += 1;
    } else c.lectureBookings += 1;
    const set = people.get(key) ?? new Set<string>();
    set.add(b.participantId);
    people.set(key, set);
  }
  for (const [key, set] of people) of(key).participants = set.size;
  for (const m of marks) {
    const c = of(m.participant.organisationId);
    if (m.present) c.present += 1;
    else c.absent += 1;
  }
  for (const pm of pms) {
    const c = of(pm.participant.organisationId);
    if (SUBMITTED.includes(pm.status)) c.pmsSubmitted += 1;
    if (pm.status === "ACCEPTED") c.pmsAccepted += 1;
  }
  for (const c of out.values()) c.attendanceRate = attendanceRatePercent(c.present, c.absent);
  return out;
}
