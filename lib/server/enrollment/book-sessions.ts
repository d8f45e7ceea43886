import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { holdExpiresAt, lectureKey, packageKey } from "@/lib/domain/enrollment";
import { orderTotals, priceLine, priceTierFor, type PricedLine } from "@/lib/domain/pricing";
import { hasAnyRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { takeLectureSeats, takePackageSeats } from "@/lib/server/enrollment/seats";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { emailField, idField } from "@/lib/validation/fields";

const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(item).max(max, { error: "tooMany" }),
  );

export const MAX_PEOPLE_PER_ORDER = 30;

export const bookSessionsInput = z
  .object({
    workshopId: idField,
    kind: z.enum(["LECTURE", "PACKAGE"], { error: "invalidChoice" }),
    lectureIds: list(idField, 20).default([]),
    ownProject: checkbox.default(false),
    /** Colleagues an orderer books (their e-mail addresses); empty when booking for oneself. */
    participantEmails: list(emailField, MAX_PEOPLE_PER_ORDER).default([]),
    /** An orderer may book themselves too. Participants always book themselves. */
    includeSelf: checkbox.default(true),
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

type Person = { id: string; email: string; name: string | null; locale: "sv" | "en"; organisationId: string | null; invited: boolean };

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
  await refuseExistingPlaces(tx, people, keys, workshop.title, lectures);

  // Seats first (row locks in a fixed order): everything after this can only fail for a bug.
  if (input.kind === "PACKAGE") await takePackageSeats(tx, workshop.id, people.length, workshop.title);
  else await takeLectureSeats(tx, input.lectureIds, people.length, new Map(lectures.map((l) => [l.id, l.title])));

  const organisation = user.organisationId
    ? await tx.organisation.findUnique({ where: { id: user.organisationId }, select: { id: true, type: true } })
    : null;
  const tier = priceTierFor(organisation?.type ?? null);
  const holdUntil = holdExpiresAt(now, workshop.holdMinutes);

  type Planned = { person: Person; key: string; lectureId: string | null; description: string; line: PricedLine };
  const planned: Planned[] = [];
  for (const person of people) {
    if (input.kind === "PACKAGE") {
      planned.push({
        person, key: packageKey(workshop.id), lectureId: null, description: workshop.title,
        line: priceLine({ memberOre: workshop.packagePriceMemberOre, nonMemberOre: workshop.packagePriceNonMemberOre, vatRateBp: workshop.packageVatRateBp }, tier),
      });
    } else {
      for (const id of input.lectureIds) {
        const l = lectures.find((x) => x.id === id)!;
        planned.push({
          person, key: lectureKey(l.id), lectureId: l.id, description: l.title,
          line: priceLine({ memberOre: l.priceMemberOre, nonMemberOre: l.priceNonMemberOre, vatRateBp: l.vatRateBp }, tier),
        });
      }
    }
  }
  const totals = orderTotals(planned.map((p) => p.line));
  const order = await tx.order.create({
    data: {
      reference: orderReference(now),
      workshopId: workshop.id,
      placedById: user.id,
      organisationId: organisation?.id ?? null,
      idempotencyKey: input.idempotencyKey,
      totalExclVatOre: totals.exclVatOre,
      totalVatOre: totals.vatOre,
      totalInclVatOre: totals.inclVatOre,
    },
    select: { id: true, reference: true },
  });

  const bookingIds: string[] = [];
  for (const p of planned) {
    const booking = await tx.booking.create({
      data: {
        kind: input.kind,
        workshopId: workshop.id,
        lectureId: p.lectureId,
        participantId: p.person.id,
        bookedById: user.id,
        orderId: order.id,
        status: "PENDING_PAYMENT",
        ownProject: input.kind === "PACKAGE" && input.ownProject,
        activeSessionKey: p.key,
        holdExpiresAt: holdUntil,
      },
      select: { id: true },
    });
    bookingIds.push(booking.id);
    await tx.orderLine.create({
      data: {
        orderId: order.id, kind: input.kind, bookingId: booking.id, lectureId: p.lectureId, description: p.description,
        priceTier: tier, quantity: p.line.quantity, unitPriceOre: p.line.unitPriceOre, vatRateBp: p.line.vatRateBp,
        lineExclVatOre: p.line.lineExclVatOre, vatOre: p.line.vatOre,
      },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "booking.created",
      entityType: "Booking",
      entityId: booking.id,
      after: { status: "PENDING_PAYMENT", kind: input.kind, session: p.key, participant: p.person.email, order: order.reference },
    });
  }
  // A person who was waiting for one of these sessions has their seat now: leave the queue.
  await tx.waitlistEntry.updateMany({
    where: { participantId: { in: people.map((p) => p.id) }, activeSessionKey: { in: keys } },
    data: { status: "CANCELLED", activeSessionKey: null },
  });

  const sessions = planned.filter((p) => p.person.id === people[0]!.id).map((p) => p.description);
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: "booking-received",
    params: {
      reference: order.reference,
      workshop: workshop.title,
      sessions: sessions.join("\n"),
      people: people.map((p) => p.name ?? p.email).join(", "),
      totalInclVatOre: totals.inclVatOre,
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
  return { orderId: order.id, reference: order.reference, bookingIds, holdExpiresAt: holdUntil.toISOString(), totalInclVatOre: totals.inclVatOre, repeated: false };
}

/**
 * Who the order is for. A participant books themselves. An orderer books colleagues of their own
 * organisation by e-mail: unknown addresses get an account (and an invitation with the booking);
 * someone of another organisation cannot be booked by them.
 */
async function resolvePeople(tx: Prisma.TransactionClient, user: SessionUser, input: BookSessionsInput): Promise<Person[]> {
  const self: Person = { id: user.id, email: user.email, name: user.name, locale: user.locale, organisationId: user.organisationId, invited: false };
  const others = input.participantEmails.filter((e) => e !== user.email);
  if (others.length === 0) return [self];
  if (!hasAnyRole(user.roles, ["ORDERER"])) throw new AppError("FORBIDDEN", "Only orderers book for others");
  if (!user.organisationId) {
    throw new AppError("INVALID_INPUT", "Orderer without organisation", { participantEmails: ["ordererNeedsOrganisation"] });
  }
  const found = await tx.user.findMany({
    where: { email: { in: others } },
    select: { id: true, email: true, name: true, locale: true, organisationId: true, erasedAt: true },
  });
  const wrong = found.filter((u) => u.erasedAt || (u.organisationId !== null && u.organisationId !== user.organisationId));
  if (wrong.length > 0) {
    throw new AppError("INVALID_INPUT", "Not a colleague", {
      participantEmails: [{ key: "notColleague", params: { emails: wrong.map((u) => u.email).join(", ") } }],
    });
  }
  const people: Person[] = input.includeSelf ? [self] : [];
  for (const email of others) {
    const known = found.find((u) => u.email === email);
    if (known) {
      people.push({ id: known.id, email, name: known.name, locale: known.locale, organisationId: known.organisationId, invited: false });
      continue;
    }
    const created = await tx.user.create({
      data: { email, organisationId: user.organisationId, locale: user.locale, roles: { create: { role: "PARTICIPANT", grantedById: user.id } } },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: "user.invited", entityType: "User", entityId: created.id, after: { email } });
    people.push({ id: created.id, email, name: null, locale: user.locale, organisationId: user.organisationId, invited: true });
  }
  if (people.length === 0) throw new AppError("INVALID_INPUT", "Nobody to book", { participantEmails: ["required"] });
  return people;
}

async function refuseExistingPlaces(
  tx: Prisma.TransactionClient,
  people: Person[],
  keys: string[],
  workshopTitle: string,
  lectures: { id: string; title: string }[],
): Promise<void> {
  const clash = await tx.booking.findFirst({
    where: { participantId: { in: people.map((p) => p.id) }, activeSessionKey: { in: keys } },
    select: { participantId: true, activeSessionKey: true },
  });
  if (!clash) return;
  const person = people.find((p) => p.id === clash.participantId);
  const lectureId = clash.activeSessionKey?.startsWith("L:") ? clash.activeSessionKey.slice(2) : null;
  throw new AppError("ALREADY_BOOKED", "Already booked", undefined, {
    person: person?.name ?? person?.email ?? "",
    session: lectureId ? (lectures.find((l) => l.id === lectureId)?.title ?? "") : workshopTitle,
  });
}

/** A short reference people can read out on the phone: VK-2611-7KQ4M2 (year-month, then random). */
function orderReference(now: Date): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join("");
  const ym = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `VK-${ym}-${random}`;
}
