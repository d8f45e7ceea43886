import "server-only";
import { db } from "@/lib/db";
import { assertCan, rolesWith, type RoleName } from "@/lib/domain/roles";
import {
  defaultSupervisionStart,
  meetingProgress,
  SUPERVISION_RULES,
  supervisorLimit,
  type MeetingProgress,
  type SupervisionStatus,
} from "@/lib/domain/supervision";
import { dateColumnToLocalDate, toStockholmDate, type LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SupervisionOverviewInput } from "@/lib/server/supervision/input";

export { supervisionOverviewInput } from "@/lib/server/supervision/input";


export type SupervisorChoice = { id: string; name: string; email: string; active: number; limit: number; full: boolean };

export type OverviewRow = {
  pmId: string;
  pmTitle: string;
  workplace: string;
  participantName: string | null;
  organisation: string | null;
  workshop: { id: string; title: string };
  /** What the assignment form suggests as the start: the workshop's first day while ahead, else today. */
  suggestedStart: LocalDate;
  supervision: null | {
    id: string;
    supervisorId: string;
    supervisorName: string;
    status: SupervisionStatus;
    startsOn: LocalDate;
    endsOn: LocalDate;
    lastMeetingOn: LocalDate | null;
    progress: MeetingProgress;
  };
};

export type SupervisionOverview = {
  workshops: { id: string; title: string; edition: string }[];
  /** Everyone holding the SUPERVISOR role, with their ACTIVE supervisions against their limit. */
  supervisors: SupervisorChoice[];
  rows: OverviewRow[];
  totals: { projects: number; unassigned: number; behind: number; meetingsHeld: number; meetingsPlanned: number };
  defaultPlannedMeetings: number;
};

/**
 * The coordinators' view of supervision: every accepted project PM, its supervisor (or none yet),
 * period, meetings held against planned, and its status; filtered by workshop, by supervisor, or to
 * the projects still without a supervisor. Unassigned projects come first (they need action), then
 * the running ones ending soonest.
 */
export async function listSupervisionOverview(
  user: { roles: readonly RoleName[] },
  input: SupervisionOverviewInput,
  now: Date,
): Promise<SupervisionOverview> {
  assertCan(user, "supervision.readAll");
  const today = toStockholmDate(now);

  const where: Prisma.ProjectPmWhereInput = {
    status: "ACCEPTED",
    ...(input.workshop && { workshopId: input.workshop }),
    ...(input.supervisor && { supervision: { is: { supervisorId: input.supervisor } } }),
    ...(input.show === "unassigned" && { supervision: { is: null } }),
  };
  const [workshops, supervisorRows, activeCounts, pms] = await Promise.all([
    db.workshop.findMany({
      where: { projectPms: { some: { status: "ACCEPTED" } } },
      orderBy: [{ startsOn: "desc" }, { id: "asc" }],
      select: { id: true, title: true, edition: true },
    }),
    db.user.findMany({
      where: { roles: { some: { role: { in: rolesWith("supervision.conduct") } } }, erasedAt: null },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, supervisionLimit: true },
    }),
    db.supervision.groupBy({ by: ["supervisorId"], where: { status: "ACTIVE" }, _count: { _all: true } }),
    db.projectPm.findMany({
      where,
      orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        workplace: true,
        participant: { select: { name: true, email: true, erasedAt: true, otherOrganisationName: true, organisation: { select: { name: true } } } },
        workshop: { select: { id: true, title: true, startsOn: true } },
        supervision: {
          select: {
            id: true,
            supervisorId: true,
            status: true,
            startsOn: true,
            endsOn: true,
            plannedMeetings: true,
            supervisor: { select: { name: true, email: true } },
            meetings: { select: { heldOn: true }, orderBy: { heldOn: "desc" }, take: 1 },
            _count: { select: { meetings: true } },
          },
        },
      },
    }),
  ]);

  const active = new Map(activeCounts.map((c) => [c.supervisorId, c._count._all]));
  const supervisors = supervisorRows.map((s) => {
    const count = active.get(s.id) ?? 0;
    const limit = supervisorLimit(s.supervisionLimit);
    return { id: s.id, name: s.name ?? s.email, email: s.email, active: count, limit, full: count >= limit };
  });

  const rows: OverviewRow[] = pms.map((pm) => {
    const p = pm.participant;
    const s = pm.supervision;
    const lastMeeting = s?.meetings[0];
    const supervision: OverviewRow["supervision"] = s
      ? {
          id: s.id,
          supervisorId: s.supervisorId,
          supervisorName: s.supervisor.name ?? s.supervisor.email,
          status: s.status,
          startsOn: dateColumnToLocalDate(s.startsOn),
          endsOn: dateColumnToLocalDate(s.endsOn),
          lastMeetingOn: lastMeeting ? dateColumnToLocalDate(lastMeeting.heldOn) : null,
          progress: meetingProgress(
            {
              status: s.status,
              startsOn: dateColumnToLocalDate(s.startsOn),
              endsOn: dateColumnToLocalDate(s.endsOn),
              plannedMeetings: s.plannedMeetings,
              meetingsHeld: s._count.meetings,
            },
            today,
          ),
        }
      : null;
    return {
      pmId: pm.id,
      pmTitle: pm.title,
      workplace: pm.workplace,
      participantName: p.erasedAt ? null : (p.name ?? p.email),
      organisation: p.organisation?.name ?? p.otherOrganisationName ?? null,
      workshop: { id: pm.workshop.id, title: pm.workshop.title },
      suggestedStart: defaultSupervisionStart(dateColumnToLocalDate(pm.workshop.startsOn), today),
      supervision,
    };
  });

  const statusOrder: Record<SupervisionStatus, number> = { ACTIVE: 1, COMPLETED: 2, ENDED_EARLY: 3 };
  rows.sort((a, b) => {
    const rank = (r: OverviewRow) => (r.supervision ? statusOrder[r.supervision.status] : 0);
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const endA = a.supervision?.endsOn ?? "";
    const endB = b.supervision?.endsOn ?? "";
    return endA < endB ? -1 : endA > endB ? 1 : 0;
  });

  const assigned = rows.flatMap((r) => (r.supervision ? [r.supervision] : []));
  return {
    workshops,
    supervisors,
    rows,
    totals: {
      projects: rows.length,
      unassigned: rows.length - assigned.length,
      behind: assigned.filter((s) => s.progress.pace === "BEHIND").length,
      meetingsHeld: assigned.reduce((sum, s) => sum + s.progress.held, 0),
      meetingsPlanned: assigned.reduce((sum, s) => sum + s.progress.planned, 0),
    },
    defaultPlannedMeetings: SUPERVISION_RULES.plannedMeetings,
  };
}
