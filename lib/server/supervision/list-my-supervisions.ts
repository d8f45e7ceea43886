import "server-only";
import { db } from "@/lib/db";
import { can, type RoleName } from "@/lib/domain/roles";
import { supervisionNextStep, type SupervisionNextStep, type SupervisionStatus } from "@/lib/domain/supervision";
import { dateColumnToLocalDate, toStockholmDate, type LocalDate } from "@/lib/domain/time";

/** Who sees every supervision, not only their own: they assign supervisors and follow the work. */

export type SupervisionRow = {
  id: string;
  status: SupervisionStatus;
  participantName: string | null;
  participantEmail: string | null;
  organisation: string | null;
  pmTitle: string;
  workplace: string;
  workshopTitle: string;
  supervisorName: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  plannedMeetings: number;
  meetingsHeld: number;
  lastMeetingOn: LocalDate | null;
  nextStep: SupervisionNextStep;
};

/**
 * A supervisor's projects; coordinators and admins see everyone's, with the supervisor's name.
 * The ownership rule is part of the query, so a supervisor never loads someone else's project.
 * Running supervisions come first, those ending soonest at the top.
 */
export async function listMySupervisions(viewer: { id: string; roles: readonly RoleName[] }, now: Date) {
  const seesAll = can(viewer, "supervision.readAll");
  const rows = await db.supervision.findMany({
    where: seesAll ? {} : { supervisorId: viewer.id },
    orderBy: [{ status: "asc" }, { endsOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      startsOn: true,
      endsOn: true,
      plannedMeetings: true,
      supervisor: { select: { name: true, email: true } },
      pm: {
        select: {
          title: true,
          workplace: true,
          participant: {
            select: { name: true, email: true, erasedAt: true, otherOrganisationName: true, organisation: { select: { name: true } } },
          },
          workshop: { select: { title: true, followUpOn: true } },
        },
      },
      meetings: { select: { heldOn: true }, orderBy: { heldOn: "desc" }, take: 1 },
      _count: { select: { meetings: true } },
    },
  });
  const today = toStockholmDate(now);

  const supervisions: SupervisionRow[] = rows.map((s) => {
    const participant = s.pm.participant;
    const erased = participant.erasedAt !== null;
    const lastMeeting = s.meetings[0];
    const progress = {
      status: s.status,
      startsOn: dateColumnToLocalDate(s.startsOn),
      endsOn: dateColumnToLocalDate(s.endsOn),
      plannedMeetings: s.plannedMeetings,
      meetingsHeld: s._count.meetings,
      followUpOn: s.pm.workshop.followUpOn ? dateColumnToLocalDate(s.pm.workshop.followUpOn) : null,
    };
    return {
      id: s.id,
      status: s.status,
      participantName: erased ? null : participant.name,
      participantEmail: erased ? null : participant.email,
      organisation: participant.organisation?.name ?? participant.otherOrganisationName,
      pmTitle: s.pm.title,
      workplace: s.pm.workplace,
      workshopTitle: s.pm.workshop.title,
      supervisorName: s.supervisor.name ?? s.supervisor.email,
      startsOn: progress.startsOn,
      endsOn: progress.endsOn,
      plannedMeetings: s.plannedMeetings,
      meetingsHeld: s._count.meetings,
      lastMeetingOn: lastMeeting ? dateColumnToLocalDate(lastMeeting.heldOn) : null,
      nextStep: supervisionNextStep(progress, today),
    };
  });
  return { seesAll, supervisions };
}
