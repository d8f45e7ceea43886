import "server-only";
import { db } from "@/lib/db";
import { isPreTrainingOpen, preTrainingState, type PreTrainingAnswers, type PreTrainingState } from "@/lib/domain/pre-training";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { closesAtOf, loadPreTrainingBooking, organisationName, participantName } from "@/lib/server/pre-training/load-booking";

export type PreTrainingFormView = {
  bookingId: string;
  /** The participant fills it in; the orderer who booked them may read it. */
  viewer: "participant" | "orderer";
  participantName: string;
  organisationName: string | null;
  workshop: { title: string; startsOn: LocalDate; endsOn: LocalDate };
  closesAt: Date;
  open: boolean;
  state: PreTrainingState;
  answers: PreTrainingAnswers;
  submittedAt: Date | null;
  managerConfirmedAt: Date | null;
};

const EMPTY: PreTrainingAnswers = { expectedGain: "", disseminationPlan: "", managerName: "", managerEmail: "", agreedWithManager: false };

/**
 * The form of one package booking, for its participant or for the orderer who booked it. Anyone
 * else, a lecture booking or a cancelled one: NOT_FOUND.
 */
export async function getPreTrainingForm(user: { id: string }, bookingId: string, now: Date): Promise<PreTrainingFormView> {
  const booking = await loadPreTrainingBooking(db, bookingId);
  const viewer = booking.participantId === user.id ? "participant" : booking.bookedById === user.id ? "orderer" : null;
  if (!viewer) throw new AppError("NOT_FOUND");
  const form = booking.preTrainingForm;
  const closesAt = closesAtOf(booking);
  return {
    bookingId: booking.id,
    viewer,
    participantName: participantName(booking),
    organisationName: organisationName(booking),
    workshop: {
      title: booking.workshop.title,
      startsOn: dateColumnToLocalDate(booking.workshop.startsOn),
      endsOn: dateColumnToLocalDate(booking.workshop.endsOn),
    },
    closesAt,
    open: isPreTrainingOpen(closesAt, now),
    state: preTrainingState(form),
    answers: form
      ? {
          expectedGain: form.expectedGain,
          disseminationPlan: form.disseminationPlan,
          managerName: form.managerName,
          managerEmail: form.managerEmail,
          agreedWithManager: form.agreedWithManager,
        }
      : EMPTY,
    submittedAt: form?.submittedAt ?? null,
    managerConfirmedAt: form?.managerConfirmedAt ?? null,
  };
}
