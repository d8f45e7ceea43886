/**
 * The booking behind a project PM, with what the participant's use cases need, and the PM row
 * itself (created on first open or save). Shared by the use cases in this folder only.
 *
 * A PM exists for a package booking with an own project that holds its place (unpaid or
 * confirmed). Anyone but its participant, any other booking, an unknown id: NOT_FOUND, so guessing
 * ids reveals nothing.
 *
 * No `server-only` here: the scheduled jobs (scripts/worker.ts) share the select.
 */
import { personalPmDeadline } from "@/lib/domain/pm/deadline";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type Client = Prisma.TransactionClient;

export const pmBookingSelect = {
  id: true,
  kind: true,
  status: true,
  ownProject: true,
  participantId: true,
  workshopId: true,
  participant: { select: { name: true, email: true, locale: true, erasedAt: true } },
  workshop: { select: { id: true, title: true, pmDeadline: true, noPmPolicy: true, startsOn: true, endsOn: true } },
} satisfies Prisma.BookingSelect;

export type PmBooking = Prisma.BookingGetPayload<{ select: typeof pmBookingSelect }>;

export function hasPmDue(booking: { kind: string; status: string; ownProject: boolean }): boolean {
  return booking.kind === "PACKAGE" && booking.ownProject && (booking.status === "PENDING_PAYMENT" || booking.status === "CONFIRMED");
}

/**
 * Loads the participant's own-project package booking, or throws NOT_FOUND. With `lock`, the
 * booking row is locked first, so saves, uploads and submissions of one PM run one after another.
 */
export async function loadPmBooking(client: Client, bookingId: string, userId: string, options: { lock?: boolean } = {}): Promise<PmBooking> {
  if (options.lock) await client.$queryRaw`select id from "Booking" where id = ${bookingId} for update`;
  const booking = await client.booking.findUnique({ where: { id: bookingId }, select: pmBookingSelect });
  if (!booking || booking.participantId !== userId || !hasPmDue(booking)) throw new AppError("NOT_FOUND");
  return booking;
}

/** The PM of a booking, created (DRAFT, empty) the first time it is needed. */
export async function ensurePm(client: Client, booking: PmBooking) {
  const existing = await client.projectPm.findUnique({ where: { bookingId: booking.id } });
  if (existing) return existing;
  // ON CONFLICT: two tabs opening the form at once both get the one row.
  await client.$executeRaw`
    insert into "ProjectPm" ("id", "bookingId", "workshopId", "participantId", "updatedAt")
    values (${newId()}, ${booking.id}, ${booking.workshopId}, ${booking.participantId}, now())
    on conflict ("bookingId") do nothing`;
  return client.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id } });
}

/** The person's deadline for this workshop: their extension, if granted, replaces the workshop's. */
export async function deadlinesOf(
  client: Client,
  booking: Pick<PmBooking, "workshopId" | "participantId" | "workshop">,
): Promise<{ workshopDeadline: LocalDate; extension: { newDeadline: LocalDate; reason: string } | null; deadline: LocalDate }> {
  const extension = await client.deadlineExtension.findUnique({
    where: { workshopId_participantId: { workshopId: booking.workshopId, participantId: booking.participantId } },
    select: { newDeadline: true, reason: true },
  });
  const workshopDeadline = dateColumnToLocalDate(booking.workshop.pmDeadline);
  const ext = extension ? { newDeadline: dateColumnToLocalDate(extension.newDeadline), reason: extension.reason } : null;
  return { workshopDeadline, extension: ext, deadline: personalPmDeadline(workshopDeadline, ext?.newDeadline) };
}

/** A row id in the shape of Prisma's cuid() (lower-case letters and digits), for raw inserts. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `c${Array.from(bytes, (b) => (b % 36).toString(36)).join("")}${Date.now().toString(36)}`.slice(0, 30);
}
