import "server-only";
import { db } from "@/lib/db";
import type { PmStatus } from "@/lib/domain/pm/machine";
import { meetingProgress, type MeetingForm, type MeetingProgress, type SupervisionStatus } from "@/lib/domain/supervision";
import { dateColumnToLocalDate, toStockholmDate, type LocalDate } from "@/lib/domain/time";

export type MyProject = {
  pmId: string;
  title: string;
  workplace: string;
  workshopTitle: string;
  supervision: null | {
    status: SupervisionStatus;
    supervisorName: string;
    supervisorEmail: string;
    startsOn: LocalDate;
    endsOn: LocalDate;
    progress: MeetingProgress;
    /** The supervisor's log form says the participant reads the note too (and GDPR gives them the right to). */
    meetings: { id: string; heldOn: LocalDate; form: MeetingForm; note: string }[];
  };
};

export type MyProjectView = {
  /** Accepted project PMs, newest workshop first; most people have one. */
  projects: MyProject[];
  /** PMs not accepted (yet): the page explains why there is no supervision and links to the PM. */
  otherPms: { bookingId: string; status: Exclude<PmStatus, "ACCEPTED">; workshopTitle: string }[];
};

/**
 * The participant's own improvement project(s): the accepted PM, the supervisor's name and e-mail,
 * the period and the meetings held. The query is by the signed-in person's id, so nobody else's
 * project can be asked for.
 */
export async function getMyProject(user: { id: string }, now: Date): Promise<MyProjectView> {
  const pms = await db.projectPm.findMany({
    where: { participantId: user.id },
    orderBy: [{ workshop: { startsOn: "desc" } }, { id: "asc" }],
    select: {
      id: true,
      bookingId: true,
      status: true,
      title: true,
      workplace: true,
      workshop: { select: { title: true } },
      supervision: {
        select: {
          status: true,
          startsOn: true,
          endsOn: true,
          plannedMeetings: true,
          supervisor: { select: { name: true, email: true } },
          meetings: { orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }], select: { id: true, heldOn: true, form: true, note: true } },
        },
      },
    },
  });
  const today = toStockholmDate(now);
  const projects: MyProject[] = [];
  const otherPms: MyProjectView["otherPms"] = [];
  for (const pm of pms) {
    if (pm.status !== "ACCEPTED") {
      otherPms.push({ bookingId: pm.bookingId, status: pm.status, workshopTitle: pm.workshop.title });
      continue;
    }
    const s = pm.supervision;
    projects.push({
      pmId: pm.id,
      title: pm.title,
      workplace: pm.workplace,
      workshopTitle: pm.workshop.title,
      supervision: s && {
        status: s.status,
        supervisorName: s.supervisor.name ?? s.supervisor.email,
        supervisorEmail: s.supervisor.email,
        startsOn: dateColumnToLocalDate(s.startsOn),
        endsOn: dateColumnToLocalDate(s.endsOn),
        progress: meetingProgress(
          {
            status: s.status,
            startsOn: dateColumnToLocalDate(s.startsOn),
            endsOn: dateColumnToLocalDate(s.endsOn),
            plannedMeetings: s.plannedMeetings,
            meetingsHeld: s.meetings.length,
          },
          today,
        ),
        meetings: s.meetings.map((m) => ({ id: m.id, heldOn: dateColumnToLocalDate(m.heldOn), form: m.form, note: m.note })),
      },
    });
  }
  return { projects, otherPms };
}
