/**
 * The pre-training form (inför utbildningen): before the workshop starts, each package participant
 * states the benefit they expect for their workplace, how they will apply and spread what they learn
 * there (their dissemination duty), and that they have agreed this with their manager. The wording
 * follows a practice described in the seeds: a form filled in before a training, then a dialogue
 * between employee and manager, so that the training raises the competence of the whole workplace.
 *
 * Pure: the current time is always passed in.
 */
import { startOfStockholmDay, type LocalDate } from "./time";

export const PRE_TRAINING_LIMITS = { answer: 2000, managerName: 100 } as const;

export type PreTrainingState = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "CONFIRMED";

/** Only package participants fill in the form, and only while their booking holds a place. */
export function needsPreTrainingForm(booking: { kind: "LECTURE" | "PACKAGE"; status: string }): boolean {
  return booking.kind === "PACKAGE" && (booking.status === "PENDING_PAYMENT" || booking.status === "CONFIRMED");
}

/**
 * The form closes when the workshop starts: at the first gathering's start, or, while no gathering
 * is scheduled, at the beginning of the workshop's first day (Stockholm time).
 */
export function preTrainingClosesAt(gatheringStarts: readonly Date[], workshopStartsOn: LocalDate): Date {
  if (gatheringStarts.length === 0) return startOfStockholmDay(workshopStartsOn);
  return new Date(Math.min(...gatheringStarts.map((d) => d.getTime())));
}

/** Editable up to, not including, the moment the workshop starts. */
export function isPreTrainingOpen(closesAt: Date, now: Date): boolean {
  return now.getTime() < closesAt.getTime();
}

export function preTrainingState(form: { submittedAt: Date | null; managerConfirmedAt: Date | null } | null): PreTrainingState {
  if (!form) return "NOT_STARTED";
  if (!form.submittedAt) return "DRAFT";
  return form.managerConfirmedAt ? "CONFIRMED" : "SUBMITTED";
}

/** Line breaks as the browser sends them ("\r\n") become "\n", so a text is counted as it looks. */
export function normaliseAnswer(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

export type PreTrainingAnswers = {
  expectedGain: string;
  disseminationPlan: string;
  managerName: string;
  managerEmail: string;
  agreedWithManager: boolean;
};

export const PRE_TRAINING_FIELDS = ["expectedGain", "disseminationPlan", "managerName", "managerEmail", "agreedWithManager"] as const;
export type PreTrainingField = (typeof PRE_TRAINING_FIELDS)[number];

/**
 * What is still missing before the form can be submitted (a draft may be incomplete). The values are
 * message keys under "errors.fields": every text must be filled in, and the participant must state
 * that they have agreed it with their manager.
 */
export function missingAnswers(answers: PreTrainingAnswers): Partial<Record<PreTrainingField, "required" | "mustAgree">> {
  const missing: Partial<Record<PreTrainingField, "required" | "mustAgree">> = {};
  for (const field of ["expectedGain", "disseminationPlan", "managerName", "managerEmail"] as const) {
    if (answers[field].trim() === "") missing[field] = "required";
  }
  if (!answers.agreedWithManager) missing.agreedWithManager = "mustAgree";
  return missing;
}

export type PreTrainingRow = {
  participantName: string;
  organisationName: string | null;
  submittedAt: Date | null;
  managerConfirmedAt: Date | null;
};

export type PreTrainingCompletion = {
  /** null: participants who have not said which organisation they work for. */
  organisationName: string | null;
  participants: number;
  submitted: number;
  confirmed: number;
  /** Names of those who have not submitted (no form, or only a draft), alphabetically. */
  missing: string[];
  /** Names of those who have submitted and whose manager has not confirmed yet, alphabetically. */
  awaitingManager: string[];
};

const byName = (a: string, b: string) => a.localeCompare(b, "sv");

/** Completion per organisation (alphabetical, "no organisation" last) and in total. */
export function summarisePreTraining(rows: readonly PreTrainingRow[]): { organisations: PreTrainingCompletion[]; total: PreTrainingCompletion } {
  const groups = new Map<string | null, PreTrainingCompletion>();
  const total: PreTrainingCompletion = { organisationName: null, participants: 0, submitted: 0, confirmed: 0, missing: [], awaitingManager: [] };
  for (const row of rows) {
    let group = groups.get(row.organisationName);
    if (!group) {
      group = { organisationName: row.organisationName, participants: 0, submitted: 0, confirmed: 0, missing: [], awaitingManager: [] };
      groups.set(row.organisationName, group);
    }
    const state = preTrainingState(row);
    for (const target of [group, total]) {
      target.participants += 1;
      if (state === "SUBMITTED" || state === "CONFIRMED") target.submitted += 1;
      if (state === "CONFIRMED") target.confirmed += 1;
      if (state === "NOT_STARTED" || state === "DRAFT") target.missing.push(row.participantName);
      if (state === "SUBMITTED") target.awaitingManager.push(row.participantName);
    }
  }
  const organisations = [...groups.values()].sort((a, b) =>
    a.organisationName === null ? 1 : b.organisationName === null ? -1 : byName(a.organisationName, b.organisationName),
  );
  for (const group of [...organisations, total]) {
    group.missing.sort(byName);
    group.awaitingManager.sort(byName);
  }
  return { organisations, total };
}
