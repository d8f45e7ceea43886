/**
 * The project PM's status, as an explicit machine. A participant writes a DRAFT and submits it
 * (SUBMITTED, a locked revision); a coordinator accepts it, asks for changes (the participant
 * revises and submits again, every version kept) or declines it with a reason. The participant
 * may withdraw a PM that is not decided yet. ACCEPTED, DECLINED and WITHDRAWN are final.
 */
import { defineMachine } from "../status-machine";

export type PmStatus = "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
export type PmDecision = "ACCEPT" | "REQUEST_CHANGES" | "DECLINE";

export const pmMachine = defineMachine<PmStatus>("ProjectPm", {
  DRAFT: ["SUBMITTED", "WITHDRAWN"],
  SUBMITTED: ["ACCEPTED", "CHANGES_REQUESTED", "DECLINED", "WITHDRAWN"],
  CHANGES_REQUESTED: ["SUBMITTED", "WITHDRAWN"],
  ACCEPTED: [],
  DECLINED: [],
  WITHDRAWN: [],
});

/** The status a coordinator's decision moves a submitted PM to. */
export function statusAfterDecision(decision: PmDecision): PmStatus {
  return decision === "ACCEPT" ? "ACCEPTED" : decision === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : "DECLINED";
}

/** A participant may edit the working draft (and attach a file) only while the PM is theirs to change. */
export function isEditable(status: PmStatus): boolean {
  return status === "DRAFT" || status === "CHANGES_REQUESTED";
}
