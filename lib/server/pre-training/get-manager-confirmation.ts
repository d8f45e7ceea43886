import "server-only";
import { db } from "@/lib/db";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { findFormByManagerToken } from "@/lib/server/pre-training/find-by-manager-token";

export type ManagerConfirmationView = {
  participantName: string;
  organisationName: string | null;
  workshop: { title: string; startsOn: LocalDate; endsOn: LocalDate };
  expectedGain: string;
  disseminationPlan: string;
  managerName: string;
  submittedAt: Date;
  managerConfirmedAt: Date | null;
};

/**
 * What the manager's read-only page shows: who, where they work, which workshop, and the answers.
 * Null for a link that does not (or no longer) work; the page then says only "not found".
 */
export async function getManagerConfirmation(token: string): Promise<ManagerConfirmationView | null> {
  const form = await findFormByManagerToken(db, token);
  if (!form?.submittedAt) return null;
  const { participant, workshop } = form.booking;
  return {
    participantName: participant.name ?? participant.email,
    organisationName: participant.organisation?.name ?? participant.otherOrganisationName ?? null,
    workshop: { title: workshop.title, startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) },
    expectedGain: form.expectedGain,
    disseminationPlan: form.disseminationPlan,
    managerName: form.managerName,
    submittedAt: form.submittedAt,
    managerConfirmedAt: form.managerConfirmedAt,
  };
}
