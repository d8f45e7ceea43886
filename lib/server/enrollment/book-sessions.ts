import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { upgradeCredit, type CreditableLectureLine } from "@/lib/domain/billing/package";
import { holdExpiresAt, lectureKey, packageKey } from "@/lib/domain/enrollment";
import { priceLine, priceTierFor } from "@/lib/domain/pricing";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { withdrawFromWaitlists } from "@/lib/server/enrollment/offer-freed-seats";
import { checkboxField, listField, peopleFields, resolvePeople, type Person } from "@/lib/server/enrollment/people";
import { createPendingOrder, type PlannedBooking } from "@/lib/server/enrollment/create-pending-order";
import { takeLectureSeats, takePackageSeats } from "@/lib/server/enrollment/seats";
import { keysSharingSeats } from "@/lib/server/enrollment/keys-sharing-seats";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { idField } from "@/lib/validation/fields";

export { MAX_PEOPLE_PER_ORDER } from "@/lib/server/enrollment/people";

export const bookSessionsInput = z
  .object({
    workshopId: idField,
    kind: z.enum(["LECTURE", "PACKAGE"], { error: "invalidChoice" }),
    lectureIds: listField(idField, 20).default([]),
    ownProject: checkboxField.default(false),
    /** Colleagues an orderer books (participantEmails) and whether they book themselves too (includeSelf). */
    ...peopleFields,
    /** One per form: a double click or a retried request places the order once. */
    idempotencyKey: z.uuid({ error: "invalid" }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "LECTURE" && v.lectureIds.length === 0) ctx.addIssue({ code: "custom", path: ["lectureIds"], message: "chooseLecture" });
    if (new Set(v.lectureIds).size !== v.lectureIds.length) ctx.addIssue({ code: "custom", path: ["lectureIds"], message: "invalid" });
    if (new Set(v.participantEmails).size !== v.participantEmails.length)
      ctx.addIssue({ code: "custom", path: ["participantEmails"], message: "duplicateEmail" });
    if (v.kind === "LECTURE" && v.ownProject) ctx.addIssue({ code: "custom", path: ["ownProject"], message: "invalid" });
  });
export type BookSessionsInput = z.infer<typeof bookSessionsInput>;

export type BookSessionsResult = {
  orderId: string;
  reference: string;
  bookingIds: string[];
  holdExpiresAt: string;
  totalInclVatOre: number;
  /** True when the same idempotency key had already placed this order. */
  repeated: boolean;
};

/**
 * Books single lectures or the whole workshop for oneself or, as an orderer, for colleagues of the
 * same organisation, in one order. All or nothing: if any session lacks seats for everyone, or
 * anyone already holds a place, nothing is written and the answer says which.
 *
 * The bookings wait in PENDING_PAYMENT, holding their seats until `holdExpiresAt`; payment (the
 * billing module) confirms them through confirmOrder, and the hold-expiry job releases what is
 * not paid in time.
 */
export async function bookSessions(user: SessionUser, input: BookSessionsInput, now: Date): Promise<BookSessionsResult> {
  const existing = await findByIdempotencyKey(user.id, input.idempotencyKey);
  if (existing) return existing;
  // Once a session is sold out, a burst of late attempts is answered without a transaction.
  // Only a shortcut: the conditional UPDATE inside the transaction stays the authority.
  await refuseIfSoldOut(user.id, input);
  try {
    return await runBookingTransaction((tx) => placeOrder(tx, user, input, now));
  } catch (error) {
    // The same key placed concurrently (a double click racing itself): answer with that order.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes("idempotencyKey")) {
      const placed = await findByIdempotencyKey(user.id, input.idempotencyKey);
      if (placed) return placed;
    }
    throw error;
  }
}

async function refuseIfSoldOut(userId: string, input: BookSessionsInput): Promise<void> {
  // People booked by an orderer, or someone holding an offer (whose seat is already theirs), go
  // straight to the transaction, which knows who holds what.
  if (input.participantEmails.length > 0) return;
  const keys = input.kind === "PACKAGE" ? [packageKey(input.workshopId)] : input.lectureIds.map(lectureKey);
  const offered = await db.waitlistEntry.count({ where: { participantId: userId, status: "OFFERED", activeSessionKey: { in: keys } } });
  if (offered > 0) return;
  const full =
    input.kind === "LECTURE"
      ? await db.$queryRaw<{ title: string }[]>`
          select "title" from "Lecture" where "id" = any(${input.lectureIds}) and "seatsTaken" >= "capacity" limit 1`
      : await db.$queryRaw<{ title: string }[]>`
          select w."title" from "Workshop" w where w."id" = ${input.workshopId} and (
            w."packageSeatsTaken" >= w."packageCapacity"
            or exists (select 1 from "Gathering" g where g."workshopId" = w."id" and g."status" = 'PUBLISHED' and g."seatsTaken" >= g."capacity")
            or exists (select 1 from "Lecture" l where l."workshopId" = w."id" and l."status" = 'PUBLISHED' and l."seatsTaken" >= l."capacity"))`;
  if (full[0]) throw new AppError("FULL", "Sold out (checked before the transaction)", undefined, { session: full[0].title, seatsLeft: 0 });
}

async function findByIdempotencyKey(userId: string, key: string): Promise<BookSessionsResult | null> {
  const order = await db.order.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, reference: true, placedById: true, totalInclVatOre: true, bookings: { select: { id: true, holdExpiresAt: true } } },
  });
  if (!order) return null;
  // Someone else's key: never reveal their order.
  if (order.placedById !== userId) throw new AppError("CONFLICT", "Idempotency key belongs to another user");
  return {
    orderId: order.id,
    reference: order.reference,
    bookingIds: order.bookings.map((b) => b.id),
    holdExpiresAt: (order.bookings[0]?.holdExpiresAt ?? new Date(0)).toISOString(),
    totalInclVatOre: order.totalInclVatOre,
    repeated: true,
  };
}

async function placeOrder(tx: Prisma.TransactionClient, user: SessionUser, input: BookSessionsInput, now: Date): Promise<BookSessionsResult> {
  const workshop = await tx.workshop.findUnique({
    where: { id: input.workshopId },
    select: {
      id: true, title: true, status: true, holdMinutes: true,
      packagePriceMemberOre: true, packagePriceNonMemberOre: true, packageVatRateBp: true,
      gatherings: { where: { status: "PUBLISHED" }, select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 },
    },
  });
  if (!workshop) throw new AppError("NOT_FOUND");
  if (workshop.status !== "PUBLISHED") throw new AppError("NOT_BOOKABLE", "Workshop not published", undefined, { session: workshop.title });

  const lectures =
    input.kind === "LECTURE"
      ? await tx.lecture.findMany({
          where: { id: { in: input.lectureIds } },
          select: { id: true, title: true, workshopId: true, status: true, startsAt: true, priceMemberOre: true, priceNonMemberOre: true, vatRateBp: true },
        })
      : [];
  if (input.kind === "LECTURE") {
    for (const id of input.lectureIds) {
      const lecture = lectures.find((l) => l.id === id);
      if (!lecture || lecture.workshopId !== workshop.id) throw new AppError("NOT_FOUND");
      if (lecture.status !== "PUBLISHED" || lecture.startsAt <= now) {
        throw new AppError("NOT_BOOKABLE", "Lecture not bookable", undefined, { session: lecture.title });
      }
    }
  } else {
    const firstStart = workshop.gatherings[0]?.startsAt;
    if (!firstStart || firstStart <= now) throw new AppError("NOT_BOOKABLE", "Workshop has started", undefined, { session: workshop.title });
  }

  const people = await resolvePeople(tx, user, input);
  const keys = input.kind === "PACKAGE" ? [packageKey(workshop.id)] : input.lectureIds.map(lectureKey);
  // A place on a lecture and the package that includes it would take that lecture's seat twice:
  // a lecture booking is refused for a package holder, and a package for someone whose lecture
  // booking is still unpaid. Lectures already paid or invoiced make the package an upgrade: the
  // order credits what they cost, and confirming it cancels those lecture bookings.
  const overlapping = await keysSharingSeats(
    tx,
    workshop.id,
    input.kind === "PACKAGE"
      ? [{ kind: "PACKAGE", workshopId: workshop.id }]
      : input.lectureIds.map((lectureId) => ({ kind: "LECTURE" as const, lectureId, workshopId: workshop.id })),
  );
  const upgrades = input.kind === "PACKAGE" ? await paidLectureBookings(tx, people, workshop.id) : [];
  await refuseExistingPlaces(tx, people, overlapping, workshop.title, lectures, upgrades.map((u) => u.bookingId));
  // Whoever was waiting for these sessions leaves the queue. An open offer's seat is given back
  // here and taken again just below for the same person (offers hold their seat).
  await withdrawFromWaitlists(tx, { participantIds: people.map((p) => p.id), keys, actorId: user.id, reason: "booked", offerNext: false, now });


  const organisation = user.organisationId
    ? await tx.organisation.findUnique({ where: { id: user.organisationId }, select: { id: true, type: true } })
    : null;
  const tier = priceTierFor(organisation?.type ?? null);
  const holdUntil = holdExpiresAt(now, workshop.holdMinutes);

  const planned: PlannedBooking[] = [];
  for (const person of people) {
    if (input.kind === "PACKAGE") {
      const line = priceLine({ memberOre: workshop.packagePriceMemberOre, nonMemberOre: workshop.packagePriceNonMemberOre, vatRateBp: workshop.packageVatRateBp }, tier);
      const paid = upgrades.filter((u) => u.participantId === person.id);
      const credit = upgradeCredit({ packageLine: line, paidLectures: paid.map((u) => u.line) });
      planned.push({
        participant: person, kind: "PACKAGE", key: packageKey(workshop.id), lectureId: null, ownProject: input.ownProject, description: workshop.title, line,
        credits: credit.lines.map((c) => ({ supersededBookingId: paid.find((u) => u.line.orderLineId === c.creditsOrderLineId)!.bookingId, line: c })),
      });
    } else {
      for (const id of input.lectureIds) {
        const l = lectures.find((x) => x.id === id)!;
        planned.push({
          participant: person, kind: "LECTURE", key: lectureKey(l.id), lectureId: l.id, ownProject: false, description: l.title,
          line: priceLine({ memberOre: l.priceMemberOre, nonMemberOre: l.priceNonMemberOre, vatRateBp: l.vatRateBp }, tier),
        });
      }
    }
  }
  const order = await createPendingOrder(tx, {
    workshopId: workshop.id,
    placedById: user.id,
    organisationId: organisation?.id ?? null,
    tier,
    idempotencyKey: input.idempotencyKey,
    holdUntil,
    now,
    bookings: planned,
  });
  const { bookingIds, totalInclVatOre } = order;

  const sessions = planned.filter((p) => p.participant.id === people[0]!.id).map((p) => p.description);
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: "booking-received",
    params: {
      reference: order.reference,
      workshop: workshop.title,
      sessions: sessions.join("\n"),
      people: people.map((p) => p.name ?? p.email).join(", "),
      totalInclVatOre,
      holdExpiresAt: holdUntil.toISOString(),
    },
  });
  for (const person of people.filter((p) => p.id !== user.id)) {
    await enqueueEmail(tx, {
      to: person.email,
      locale: person.locale,
      template: "booked-by-colleague",
      params: { bookedBy: user.name ?? user.email, workshop: workshop.title, sessions: sessions.join("\n"), invited: person.invited ? "yes" : "no" },
    });
  }
  // Seats last: the seat rows' locks (taken in a fixed order) are held only from here to COMMIT,
  // so concurrent bookings of the same session queue for two round trips, not the whole order.
  // If a seat is missing, FULL rolls back everything written above.
  if (input.kind === "PACKAGE") await takePackageSeats(tx, workshop.id, people.length, workshop.title);
  else await takeLectureSeats(tx, input.lectureIds, people.length, new Map(lectures.map((l) => [l.id, l.title])));
  return { orderId: order.orderId, reference: order.reference, bookingIds, holdExpiresAt: holdUntil.toISOString(), totalInclVatOre, repeated: false };
}

type PaidLectureBooking = { bookingId: string; participantId: string; line: CreditableLectureLine };

/**
 * The lecture bookings of these people in the workshop that are confirmed and paid by card or
 * invoiced, with the order line each was charged on: what an upgrade to the package credits.
 */
async function paidLectureBookings(tx: Prisma.TransactionClient, people: Person[], workshopId: string): Promise<PaidLectureBooking[]> {
  const bookings = await tx.booking.findMany({
    where: {
      participantId: { in: people.map((p) => p.id) }, workshopId, kind: "LECTURE", status: "CONFIRMED",
      order: { status: { in: ["PAID", "INVOICED"] } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, participantId: true,
      orderLines: { where: { kind: "LECTURE" }, select: { id: true, description: true, quantity: true, unitPriceOre: true, vatRateBp: true, lineExclVatOre: true, vatOre: true } },
    },
  });
  return bookings.flatMap((b) =>
    b.orderLines.map((l) => ({
      bookingId: b.id,
      participantId: b.participantId,
      line: { orderLineId: l.id, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp, lineExclVatOre: l.lineExclVatOre, vatOre: l.vatOre },
    })),
  );
}

async function refuseExistingPlaces(
  tx: Prisma.TransactionClient,
  people: Person[],
  keys: string[],
  workshopTitle: string,
  lectures: { id: string; title: string }[],
  /** Bookings that the new one replaces (paid lectures under a package upgrade): no clash. */
  replaced: readonly string[] = [],
): Promise<void> {
  const clash = await tx.booking.findFirst({
    where: { participantId: { in: people.map((p) => p.id) }, activeSessionKey: { in: keys }, id: { notIn: [...replaced] } },
    select: { participantId: true, activeSessionKey: true },
  });
  if (!clash) return;
  const person = people.find((p) => p.id === clash.participantId);
  const lectureId = clash.activeSessionKey?.startsWith("L:") ? clash.activeSessionKey.slice(2) : null;
  throw new AppError("ALREADY_BOOKED", "Already booked", undefined, {
    person: person?.name ?? person?.email ?? "",
    session: lectureId
      ? (lectures.find((l) => l.id === lectureId)?.title ??
        (await tx.lecture.findUnique({ where: { id: lectureId }, select: { title: true } }))?.title ??
        "")
      : workshopTitle,
  });
}
