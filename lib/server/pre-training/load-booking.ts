import "server-only";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { isPreTrainingOpen, needsPreTrainingForm, preTrainingClosesAt } from "@/lib/domain/pre-training";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The booking behind a pre-training form, with what every use case of the form needs. Shared by the
 * use cases in this folder only.
 */
const select = {
  id: true,
  kind: true,
  status: true,
  participantId: true,
  bookedById: true,
  participant: {
    select: { name: true, email: true, locale: true, otherOrganisationName: true, organisation: { select: { name: true } } },
  },
  workshop: {
    select: {
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      gatherings: { where: { status: "PUBLISHED" }, select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 },
    },
  },
  preTrainingForm: true,
} satisfies Prisma.BookingSelect;

export type PreTrainingBooking = Prisma.BookingGetPayload<{ select: typeof select }>;

type Client = Prisma.TransactionClient;

/**
 * Loads a package booking that needs the form, or throws NOT_FOUND. With `lock`, the booking row is
 * locked first, so saves and submissions of one form (two tabs, a double click) run one after another.
 */
export async function loadPreTrainingBooking(client: Client, bookingId: string, options: { lock?: boolean } = {}): Promise<PreTrainingBooking> {
  if (options.lock) await client.$queryRaw`select id from "Booking" where id = ${bookingId} for update`;
  const booking = await client.booking.findUnique({ where: { id: bookingId }, select });
  if (!booking || !needsPreTrainingForm(booking)) throw new AppError("NOT_FOUND");
  return booking;
}

export function closesAtOf(booking: PreTrainingBooking): Date {
  return preTrainingClosesAt(
    booking.workshop.gatherings.map((g) => g.startsAt),
    dateColumnToLocalDate(booking.workshop.startsOn),
  );
}

/**
 * Only the participant fills in their form (the orderer who booked may read it, see
 * get-pre-training-form), and only until the workshop starts. Anyone else's booking is NOT_FOUND:
 * guessing ids reveals nothing. A form that closed while the page was open is a CONFLICT: the page,
 * loaded again, says why.
 */
export function assertMayFillIn(booking: PreTrainingBooking, userId: string, now: Date): void {
  if (booking.participantId !== userId) throw new AppError("NOT_FOUND");
  if (!isPreTrainingOpen(closesAtOf(booking), now)) throw new AppError("CONFLICT", "The workshop has started: the pre-training form is closed");
}

export function participantName(booking: PreTrainingBooking): string {
  return booking.participant.name ?? booking.participant.email;
}

export function organisationName(booking: PreTrainingBooking): string | null {
  return booking.participant.organisation?.name ?? booking.participant.otherOrganisationName ?? null;
}
