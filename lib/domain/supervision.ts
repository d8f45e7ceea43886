import type { LocalDate } from "./time";

export type SupervisionStatus = "ACTIVE" | "COMPLETED" | "ENDED_EARLY";

/** What the supervisor does next with a project; the page puts it into words. */
export type SupervisionNextStep =
  | { kind: "STARTS"; on: LocalDate }
  | { kind: "MEETING"; number: number; planned: number }
  | { kind: "CLOSE_ALL_MEETINGS_HELD" }
  | { kind: "CLOSE_PERIOD_OVER" }
  | { kind: "FOLLOW_UP"; on: LocalDate }
  | { kind: "DONE" }
  | { kind: "ENDED_EARLY" };

export type SupervisionProgress = {
  status: SupervisionStatus;
  startsOn: LocalDate;
  endsOn: LocalDate;
  plannedMeetings: number;
  meetingsHeld: number;
  /** The workshop's follow-up day, if set. */
  followUpOn: LocalDate | null;
};

/**
 * The next step of a supervision on a Stockholm day (`today`, passed in). Start and end days are
 * inclusive: on the last day the period is still running.
 */
export function supervisionNextStep(s: SupervisionProgress, today: LocalDate): SupervisionNextStep {
  if (s.status === "ENDED_EARLY") return { kind: "ENDED_EARLY" };
  if (s.status === "COMPLETED") {
    return s.followUpOn && s.followUpOn >= today ? { kind: "FOLLOW_UP", on: s.followUpOn } : { kind: "DONE" };
  }
  // A meeting already logged means the work has begun, whatever the planned start said.
  if (today < s.startsOn && s.meetingsHeld === 0) return { kind: "STARTS", on: s.startsOn };
  if (today > s.endsOn) return { kind: "CLOSE_PERIOD_OVER" };
  if (s.meetingsHeld >= s.plannedMeetings) return { kind: "CLOSE_ALL_MEETINGS_HELD" };
  return { kind: "MEETING", number: s.meetingsHeld + 1, planned: s.plannedMeetings };
}
