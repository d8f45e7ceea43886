import "server-only";
import { db } from "@/lib/db";
import { can, type RoleName } from "@/lib/domain/roles";
import {
  earliestMeetingDay,
  meetingProgress,
  supervisionNextStep,
  type MeetingForm,
  type MeetingProgress,
  type SupervisionNextStep,
  type SupervisionStatus,
} from "@/lib/domain/supervision";
import { dateColumnToLocalDate, toStockholmDate, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";

/** Who may read any supervision (not log in it): they assign supervisors and follow the work. */

export type PmText = {
  number: number;
  title: string;
  need: string;
  backgroundPurpose: string;
  method: string | null;
  workplace: string;
  unit: string;
  submittedAt: Date;
};

export type SupervisionMeetingView = { id: string; heldOn: LocalDate; form: MeetingForm; note: string; loggedBy: string };

export type SupervisionDetail = {
  id: string;
  status: SupervisionStatus;
  startsOn: LocalDate;
  endsOn: LocalDate;
  plannedMeetings: number;
  participant: { name: string | null; email: string | null; organisation: string | null };
  supervisorName: string;
  workshopTitle: string;
  /** The revision the coordinator accepted (read-only), or the latest one if no decision names it. */
  pm: PmText | null;
  meetings: SupervisionMeetingView[];
  progress: MeetingProgress;
  nextStep: SupervisionNextStep;
  /** The viewer is the assigned supervisor and the supervision is running: the log form is shown. */
  canLog: boolean;
  /** Bounds for the meeting day the form offers (the server checks them again). */
  meetingDays: { earliest: LocalDate; latest: LocalDate };
};

/**
 * One project for its supervisor: the accepted PM, the meetings so far and the log form's bounds.
 * Only the assigned supervisor, or a coordinator/admin (read-only); anyone else gets NOT_FOUND, the
 * same as for an id that does not exist.
 */
export async function getSupervision(user: { id: string; roles: readonly RoleName[] }, supervisionId: string, now: Date): Promise<SupervisionDetail> {
  const s = await db.supervision.findUnique({
    where: { id: supervisionId },
    select: {
      id: true,
      status: true,
      supervisorId: true,
      startsOn: true,
      endsOn: true,
      plannedMeetings: true,
      supervisor: { select: { name: true, email: true } },
      meetings: {
        orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, heldOn: true, form: true, note: true, loggedBy: { select: { name: true, email: true } } },
      },
      pm: {
        select: {
          participant: { select: { name: true, email: true, erasedAt: true, otherOrganisationName: true, organisation: { select: { name: true } } } },
          workshop: { select: { title: true, followUpOn: true } },
          reviews: { where: { decision: "ACCEPT" }, orderBy: { createdAt: "desc" }, take: 1, select: { revision: true } },
          revisions: { orderBy: { number: "desc" }, take: 1 },
        },
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  const own = s.supervisorId === user.id;
  if (!own && !can(user, "supervision.readAll")) throw new AppError("NOT_FOUND");

  const today = toStockholmDate(now);
  const startsOn = dateColumnToLocalDate(s.startsOn);
  const endsOn = dateColumnToLocalDate(s.endsOn);
  const participant = s.pm.participant;
  const erased = participant.erasedAt !== null;
  const revision = s.pm.reviews[0]?.revision ?? s.pm.revisions[0] ?? null;
  const progressInput = { status: s.status, startsOn, endsOn, plannedMeetings: s.plannedMeetings, meetingsHeld: s.meetings.length };
  return {
    id: s.id,
    status: s.status,
    startsOn,
    endsOn,
    plannedMeetings: s.plannedMeetings,
    participant: {
      name: erased ? null : participant.name,
      email: erased ? null : participant.email,
      organisation: participant.organisation?.name ?? participant.otherOrganisationName ?? null,
    },
    supervisorName: s.supervisor.name ?? s.supervisor.email,
    workshopTitle: s.pm.workshop.title,
    pm: revision && {
      number: revision.number,
      title: revision.title,
      need: revision.need,
      backgroundPurpose: revision.backgroundPurpose,
      method: revision.method,
      workplace: revision.workplace,
      unit: revision.unit,
      submittedAt: revision.submittedAt,
    },
    meetings: s.meetings.map((m) => ({
      id: m.id,
      heldOn: dateColumnToLocalDate(m.heldOn),
      form: m.form,
      note: m.note,
      loggedBy: m.loggedBy.name ?? m.loggedBy.email,
    })),
    progress: meetingProgress(progressInput, today),
    nextStep: supervisionNextStep(
      { ...progressInput, followUpOn: s.pm.workshop.followUpOn ? dateColumnToLocalDate(s.pm.workshop.followUpOn) : null },
      today,
    ),
    canLog: own && s.status === "ACTIVE",
    meetingDays: { earliest: earliestMeetingDay(startsOn), latest: today },
  };
}
