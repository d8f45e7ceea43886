import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { holdExpiresAt, isOfferOpen, sessionKeyOf, waitlistMachine } from "@/lib/domain/enrollment";
import { priceLine, priceTierFor } from "@/lib/domain/pricing";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { createPendingOrder } from "@/lib/server/enrollment/create-pending-order";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { idField } from "@/lib/validation/fields";

export const acceptOfferInput = z.object({ entryId: idField });
export type AcceptOfferInput = z.infer<typeof acceptOfferInput>;

export type AcceptOfferResult = {
  orderId: string;
  reference: string;
  bookingId: string;
  holdExpiresAt: string;
  totalInclVatOre: number;
  /** True when this offer had already been accepted (a double click): the same order. */
  repeated: boolean;
};

/** The order an accepted offer made is found again by this key (Order.idempotencyKey). */
const orderKey = (entryId: string) => `waitlist-offer:${entryId}`;

/**
 * Accepts a waiting-list offer that still stands. The offer already holds the seat, so no seat is
 * taken: the entry becomes ACCEPTED and a PENDING_PAYMENT booking with its own priced order takes
 * over the seat, holding it for the workshop's hold time like any booking. The order is placed by
 * whoever put the person on the list (the orderer pays for staff they queued), at their price tier.
 *
 * The participant or the one who queued them may accept; anyone else gets NOT_FOUND. Accepting
 * twice answers with the same order; an offer that has run out (or was declined) is refused.
 */
export async function acceptOffer(user: SessionUser, input: AcceptOfferInput, now: Date): Promise<AcceptOfferResult> {
  try {
    return await runBookingTransaction((tx) => accept(tx, user, input.entryId, now));
  } catch (error) {
    // The same offer accepted twice at the same moment: the order key let one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && String(error.meta?.target ?? "").includes("idempotencyKey")) {
      const repeated = await previousAcceptance(db, input.entryId);
      if (repeated) return repeated;
    }
    throw error;
  }
}

async function accept(tx: Prisma.TransactionClient, user: SessionUser, entryId: string, now: Date): Promise<AcceptOfferResult> {
  const entry = await tx.waitlistEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true, kind: true, workshopId: true, lectureId: true, participantId: true, addedById: true, ownProject: true,
      participant: { select: { id: true, email: true, name: true, locale: true } },
      addedBy: { select: { id: true, email: true, name: true, locale: true, organisation: { select: { id: true, type: true } } } },
      workshop: { select: { title: true, holdMinutes: true, packagePriceMemberOre: true, packagePriceNonMemberOre: true, packageVatRateBp: true } },
      lecture: { select: { title: true, priceMemberOre: true, priceNonMemberOre: true, vatRateBp: true } },
    },
  });
  // Only the person offered and whoever queued them; to anyone else the offer does not exist.
  if (!entry || (entry.participantId !== user.id && entry.addedById !== user.id)) throw new AppError("NOT_FOUND");
  // Lock the entry: a decline, the expiry job or a second accept wait for this one.
  const [locked] = await tx.$queryRaw<{ status: string; offerExpiresAt: Date | null }[]>`
    select "status"::text as "status", "offerExpiresAt" from "WaitlistEntry" where "id" = ${entry.id} for update`;
  if (locked?.status === "ACCEPTED") {
    const repeated = await previousAcceptance(tx, entry.id);
    if (repeated) return repeated;
  }
  if (!locked || !isOfferOpen(locked.status as "OFFERED", locked.offerExpiresAt, now)) {
    throw new AppError("CONFLICT", "The offer does not stand", { _form: ["offerClosed"] });
  }
  waitlistMachine.transition("OFFERED", "ACCEPTED");
  await tx.waitlistEntry.update({ where: { id: entry.id }, data: { status: "ACCEPTED", activeSessionKey: null } });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: "waitlist.offer-accepted",
    entityType: "WaitlistEntry",
    entityId: entry.id,
    before: { status: "OFFERED" },
    after: { status: "ACCEPTED" },
  });

  const tier = priceTierFor(entry.addedBy.organisation?.type ?? null);
  const product =
    entry.kind === "LECTURE"
      ? { memberOre: entry.lecture!.priceMemberOre, nonMemberOre: entry.lecture!.priceNonMemberOre, vatRateBp: entry.lecture!.vatRateBp }
      : { memberOre: entry.workshop.packagePriceMemberOre, nonMemberOre: entry.workshop.packagePriceNonMemberOre, vatRateBp: entry.workshop.packageVatRateBp };
  const description = entry.lecture?.title ?? entry.workshop.title;
  const holdUntil = holdExpiresAt(now, entry.workshop.holdMinutes);
  // The seat: the offer took it when it was made. The booking inherits it.
  const order = await createPendingOrder(
    tx,
    {
      workshopId: entry.workshopId,
      placedById: entry.addedById,
      organisationId: entry.addedBy.organisation?.id ?? null,
      tier,
      idempotencyKey: orderKey(entry.id),
      holdUntil,
      now,
      bookings: [{ participant: entry.participant, kind: entry.kind, key: sessionKeyOf(entry), lectureId: entry.lectureId, ownProject: entry.ownProject, description, line: priceLine(product, tier) }],
    },
    { actorId: user.id, after: { fromWaitlistEntry: entry.id } },
  );

  await enqueueEmail(tx, {
    to: entry.addedBy.email,
    locale: entry.addedBy.locale,
    template: "booking-received",
    params: {
      reference: order.reference,
      workshop: entry.workshop.title,
      sessions: description,
      people: entry.participant.name ?? entry.participant.email,
      totalInclVatOre: order.totalInclVatOre,
      holdExpiresAt: holdUntil.toISOString(),
    },
  });
  if (entry.participantId !== entry.addedById) {
    await enqueueEmail(tx, {
      to: entry.participant.email,
      locale: entry.participant.locale,
      template: "booked-by-colleague",
      params: { bookedBy: entry.addedBy.name ?? entry.addedBy.email, workshop: entry.workshop.title, sessions: description, invited: "no" },
    });
  }
  return {
    orderId: order.orderId,
    reference: order.reference,
    bookingId: order.bookingIds[0]!,
    holdExpiresAt: holdUntil.toISOString(),
    totalInclVatOre: order.totalInclVatOre,
    repeated: false,
  };
}

async function previousAcceptance(client: Prisma.TransactionClient, entryId: string): Promise<AcceptOfferResult | null> {
  const order = await client.order.findUnique({
    where: { idempotencyKey: orderKey(entryId) },
    select: { id: true, reference: true, totalInclVatOre: true, bookings: { select: { id: true, holdExpiresAt: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const booking = order?.bookings[0];
  if (!order || !booking) return null;
  return {
    orderId: order.id,
    reference: order.reference,
    bookingId: booking.id,
    holdExpiresAt: (booking.holdExpiresAt ?? new Date(0)).toISOString(),
    totalInclVatOre: order.totalInclVatOre,
    repeated: true,
  };
}
