/**
 * Changes after booking, against a real PostgreSQL: payment confirmation, hold expiry (also with
 * two job runs at once), the waiting list (offers take the seat; accept, decline, expiry), cancellation
 * with its Stockholm cut-off, substitution, and ownership (someone else's id is NOT_FOUND, nothing written).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  acceptOfferAction,
  cancelBookingAction,
  joinWaitlistAction,
  leaveWaitlistAction,
  substituteBookingAction,
} from "@/app/_actions/enrollment-changes";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptOffer } from "@/lib/server/enrollment/accept-offer";
import { bookSessions, bookSessionsInput, type BookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { cancelBooking } from "@/lib/server/enrollment/cancel-booking";
import { confirmOrder } from "@/lib/server/enrollment/confirm-order";
import { expireHolds } from "@/lib/server/enrollment/expire-holds";
import { expireOffers } from "@/lib/server/enrollment/expire-offers";
import { joinWaitlist, joinWaitlistInput, type JoinWaitlistInput } from "@/lib/server/enrollment/join-waitlist";
import { leaveWaitlist } from "@/lib/server/enrollment/leave-waitlist";
import { substituteBooking } from "@/lib/server/enrollment/substitute-booking";
import { waitlistPositionFor, waitlistPositions } from "@/lib/server/enrollment/waitlist-position";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createUser,
  createVenue,
  createWorkshop,
} from "../factories";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2026-11-23T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let ids: { organiser: string; venue: string; lecturer: string; member: string; other: string };

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  const venue = await createVenue(db);
  const lecturer = await createLecturer(db);
  const member = await createOrganisation(db, { type: "MEMBER_MUNICIPALITY" });
  const other = await createOrganisation(db, { type: "INTEREST_ORGANISATION" });
  ids = { organiser: organiser.id, venue: venue.id, lecturer: lecturer.id, member: member.id, other: other.id };
});

async function world(options: { lectureSeats?: number; packageSeats?: number; cancellationDeadline?: string } = {}) {
  const workshop = await createWorkshop(db, {
    organiserId: ids.organiser,
    packageCapacity: options.packageSeats ?? 30,
    holdMinutes: 30,
    waitlistOfferHours: 48,
    cancellationDeadline: options.cancellationDeadline ?? "2026-12-31",
  });
  const base = { workshopId: workshop.id, venueId: ids.venue };
  const gatherings = [await createGathering(db, { ...base, date: "2027-01-14" }), await createGathering(db, { ...base, date: "2027-03-11" })];
  const lectures = [
    await createLecture(db, { ...base, lecturerId: ids.lecturer, date: "2027-02-04", capacity: options.lectureSeats ?? 50, priceMemberOre: 190_000, priceNonMemberOre: 240_000, vatRateBp: 2500 }),
    await createLecture(db, { ...base, lecturerId: ids.lecturer, date: "2027-04-08", capacity: 50 }),
  ];
  return { workshop, gatherings, lectures };
}

async function person(roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[] = ["PARTICIPANT"], organisationId: string | null = ids.member): Promise<SessionUser> {
  const row = await createUser(db, { roles, organisationId });
  return (await loadSessionUser(row.id))!;
}

const book = (values: Partial<BookSessionsInput> & { workshopId: string }): BookSessionsInput =>
  bookSessionsInput.parse({ kind: "LECTURE", idempotencyKey: randomUUID(), ...values });
const queue = (values: Partial<JoinWaitlistInput> & { workshopId: string }): JoinWaitlistInput => joinWaitlistInput.parse({ kind: "LECTURE", ...values });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const seatsOf = async (lectureId: string) => (await db.lecture.findUniqueOrThrow({ where: { id: lectureId } })).seatsTaken;
const entry = (id: string) => db.waitlistEntry.findUniqueOrThrow({ where: { id } });
const mails = (to: string, template: string) => db.outboxMessage.count({ where: { toEmail: to, template } });

/** Everything a refused change could have written. */
async function snapshot(workshopId: string) {
  const [audit, outbox, bookings, entries, orders, lectures, workshop] = await Promise.all([
    db.auditEvent.count(),
    db.outboxMessage.count(),
    db.booking.findMany({ where: { workshopId }, select: { id: true, status: true, activeSessionKey: true, participantId: true }, orderBy: { id: "asc" } }),
    db.waitlistEntry.findMany({ where: { workshopId }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.order.findMany({ where: { workshopId }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.lecture.findMany({ where: { workshopId }, select: { id: true, seatsTaken: true }, orderBy: { id: "asc" } }),
    db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { packageSeatsTaken: true } }),
  ]);
  return { audit, outbox, bookings, entries, orders, lectures, workshop, users: await db.user.count() };
}

describe("confirming a paid order (billing's boundary)", () => {
  it("confirms the unpaid bookings and marks the order paid; a second call changes nothing", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const placed = await bookSessions(sara, book({ workshopId: workshop.id, lectureIds: lectures.map((l) => l.id) }), now);

    const first = await db.$transaction((tx) => confirmOrder(tx, placed.orderId, later(5), "PAID"));
    expect(first).toEqual({ confirmedBookingIds: [...placed.bookingIds].sort(), repeated: false });
    const bookings = await db.booking.findMany({ where: { orderId: placed.orderId } });
    expect(bookings.every((b) => b.status === "CONFIRMED" && b.confirmedAt?.getTime() === later(5).getTime())).toBe(true);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PAID");
    expect(await db.auditEvent.count({ where: { action: "booking.confirmed", entityId: { in: placed.bookingIds } } })).toBe(2);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: sara.email, template: "booking-confirmed" } });
    expect((mail.payload as { calendar?: { method: string } }).calendar?.method).toBe("REQUEST");

    const before = await snapshot(workshop.id);
    expect(await db.$transaction((tx) => confirmOrder(tx, placed.orderId, later(6), "INVOICED"))).toEqual({ confirmedBookingIds: [], repeated: true });
    expect(await snapshot(workshop.id)).toEqual(before);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PAID");
  });

  it("refuses an order whose hold ran out: the seats are gone", async () => {
    const { workshop, lectures } = await world();
    const placed = await bookSessions(await person(), book({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] }), now);
    await expireHolds(db, later(31));
    const error = await failure(db.$transaction((tx) => confirmOrder(tx, placed.orderId, later(32), "INVOICED")));
    expect(error.code).toBe("CONFLICT");
    expect((await db.booking.findFirstOrThrow({ where: { orderId: placed.orderId } })).status).toBe("EXPIRED");
  });
});

describe("hold expiry", () => {
  it("expires unpaid bookings once, releases each seat once, even with two job runs at the same time", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 8 });
    const lecture = lectures[0]!;
    // Two confirmed seats that must survive: a double release would show as fewer than 2.
    for (let i = 0; i < 2; i++) await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: (await person()).id });
    const orderer = await person(["ORDERER", "PARTICIPANT"]);
    const colleagues = [`kollega.a.${randomUUID()}@kommun.test`, `kollega.b.${randomUUID()}@kommun.test`];
    const group = await bookSessions(orderer, book({ workshopId: workshop.id, lectureIds: [lecture.id], participantEmails: colleagues, includeSelf: true }), now);
    const singles = await Promise.all([1, 2, 3].map(async () => bookSessions(await person(), book({ workshopId: workshop.id, lectureIds: [lecture.id] }), now)));
    const paid = singles[2]!;
    await db.$transaction((tx) => confirmOrder(tx, paid.orderId, later(10), "PAID"));
    expect(await seatsOf(lecture.id)).toBe(2 + 3 + 3);

    // Not yet: the hold runs until 10:30:00.000 inclusive of nothing after.
    expect(await expireHolds(db, later(29))).toEqual({ bookings: 0, orders: 0, offers: 0 });

    const runs = await Promise.all([expireHolds(db, later(31)), expireHolds(db, later(31))]);
    expect(runs[0]!.bookings + runs[1]!.bookings).toBe(3 + 2);
    expect(runs[0]!.orders + runs[1]!.orders).toBe(1 + 2);
    expect(await seatsOf(lecture.id)).toBe(2 + 1);
    const expired = await db.booking.findMany({ where: { lectureId: lecture.id, status: "EXPIRED" } });
    expect(expired).toHaveLength(5);
    expect(expired.every((b) => b.activeSessionKey === null)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "booking.expired", entityId: { in: expired.map((b) => b.id) } } })).toBe(5);
    expect((await db.order.findUniqueOrThrow({ where: { id: group.orderId } })).status).toBe("EXPIRED");
    expect((await db.order.findUniqueOrThrow({ where: { id: paid.orderId } })).status).toBe("PAID");
    // The orderer and both colleagues are told, once each, with a calendar cancellation for their own seat.
    for (const email of [orderer.email, ...colleagues]) expect(await mails(email, "booking-expired")).toBe(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: colleagues[0], template: "booking-expired" } });
    expect((mail.payload as { calendar?: { method: string } }).calendar?.method).toBe("CANCEL");

    // Running again finds nothing.
    expect(await Promise.all([expireHolds(db, later(40)), expireHolds(db, later(40))])).toEqual([
      { bookings: 0, orders: 0, offers: 0 },
      { bookings: 0, orders: 0, offers: 0 },
    ]);
  });

  it("six job runs at once over many orders: each booking expires once, each seat is released once", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 20 });
    const lecture = lectures[0]!;
    for (let i = 0; i < 3; i++) await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: (await person()).id });
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    for (const p of people) await bookSessions(p, book({ workshopId: workshop.id, lectureIds: [lecture.id] }), now);
    expect(await seatsOf(lecture.id)).toBe(15);
    const runs = await Promise.all(Array.from({ length: 6 }, () => expireHolds(db, later(31))));
    expect(runs.reduce((n, r) => n + r.bookings, 0)).toBe(12);
    expect(await seatsOf(lecture.id)).toBe(3);
    const bookingIds = (await db.booking.findMany({ where: { lectureId: lecture.id }, select: { id: true } })).map((b) => b.id);
    expect(await db.auditEvent.count({ where: { action: "booking.expired", entityId: { in: bookingIds } } })).toBe(12);
  });

  it("releases a package's seat in the package, every gathering and every lecture, exactly once under repeated parallel runs", async () => {
    const { workshop, gatherings, lectures } = await world();
    await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: (await person()).id });
    const placed = await Promise.all([1, 2, 3, 4].map(async () => bookSessions(await person(), book({ workshopId: workshop.id, kind: "PACKAGE" }), now)));
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(5);
    const results = await Promise.all(Array.from({ length: 4 }, () => expireHolds(db, later(45))));
    expect(results.reduce((n, r) => n + r.bookings, 0)).toBe(placed.length);
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(1);
    for (const g of gatherings) expect((await db.gathering.findUniqueOrThrow({ where: { id: g.id } })).seatsTaken).toBe(1);
    for (const l of lectures) expect(await seatsOf(l.id)).toBe(1);
  });

  it("offers a seat freed by expiry to the first in line", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    await bookSessions(await person(), book({ workshopId: workshop.id, lectureIds: [lecture.id] }), now);
    const waiting = await person();
    const joined = await joinWaitlist(waiting, queue({ workshopId: workshop.id, lectureId: lecture.id }), later(1));
    expect(await expireHolds(db, later(31))).toEqual({ bookings: 1, orders: 1, offers: 1 });
    expect((await entry(joined.entries[0]!.id)).status).toBe("OFFERED");
    expect(await seatsOf(lecture.id)).toBe(1); // the offer holds it
  });
});

describe("the waiting list", () => {
  it("a cancellation frees a seat → the first in line is offered it by e-mail → accepting makes a booking on that seat", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    const anna = await person();
    const annaBooking = await bookSessions(anna, book({ workshopId: workshop.id, lectureIds: [lecture.id] }), now);
    await db.$transaction((tx) => confirmOrder(tx, annaBooking.orderId, later(1), "PAID"));

    // Full: booking says so, and the list takes Bo, then Cecilia.
    const bo = await person();
    expect((await failure(bookSessions(bo, book({ workshopId: workshop.id, lectureIds: [lecture.id] }), later(2)))).code).toBe("FULL");
    const boEntry = (await joinWaitlist(bo, queue({ workshopId: workshop.id, lectureId: lecture.id }), later(2))).entries[0]!;
    const cecilia = await person();
    const ceciliaEntry = (await joinWaitlist(cecilia, queue({ workshopId: workshop.id, lectureId: lecture.id }), later(3))).entries[0]!;
    expect([boEntry.position, ceciliaEntry.position]).toEqual([1, 2]);
    expect(await mails(bo.email, "waitlist-joined")).toBe(1);
    // Joining twice is refused, naming the person.
    const twice = await failure(joinWaitlist(bo, queue({ workshopId: workshop.id, lectureId: lecture.id }), later(4)));
    expect(twice.code).toBe("ALREADY_BOOKED");

    // Anna cancels (before the cancellation day): Bo is offered the seat, which stays taken for him.
    const cancelled = await cancelBooking(anna, { bookingId: annaBooking.bookingIds[0]!, reason: "Sjuk" }, later(60));
    expect(cancelled.offeredTo).toBe(1);
    const annaRow = await db.booking.findUniqueOrThrow({ where: { id: annaBooking.bookingIds[0]! } });
    expect([annaRow.status, annaRow.activeSessionKey, annaRow.cancelledById, annaRow.cancellationReason]).toEqual(["CANCELLED", null, anna.id, "Sjuk"]);
    expect(await mails(anna.email, "booking-cancelled")).toBe(1);
    const offered = await entry(boEntry.id);
    expect(offered.status).toBe("OFFERED");
    expect(offered.offerExpiresAt?.toISOString()).toBe(new Date(later(60).getTime() + 48 * 3_600_000).toISOString());
    expect(await mails(bo.email, "waitlist-offer")).toBe(1);
    expect(await seatsOf(lecture.id)).toBe(1);
    expect(await waitlistPositionFor(ceciliaEntry.id)).toBe(1);
    expect(await waitlistPositionFor(boEntry.id)).toBeNull();

    // Nobody else can take the promised seat.
    const dora = await person();
    expect((await failure(bookSessions(dora, book({ workshopId: workshop.id, lectureIds: [lecture.id] }), later(61)))).code).toBe("FULL");
    // Cecilia cannot accept Bo's offer: it does not exist for her.
    expect((await failure(acceptOffer(cecilia, { entryId: boEntry.id }, later(62)))).code).toBe("NOT_FOUND");

    // Bo accepts: a pending booking with its own priced order, on the seat the offer held.
    const accepted = await acceptOffer(bo, { entryId: boEntry.id }, later(90));
    expect(accepted.repeated).toBe(false);
    expect(await seatsOf(lecture.id)).toBe(1);
    expect((await entry(boEntry.id)).status).toBe("ACCEPTED");
    const booking = await db.booking.findUniqueOrThrow({ where: { id: accepted.bookingId }, include: { orderLines: true, order: true } });
    expect([booking.status, booking.participantId, booking.activeSessionKey]).toEqual(["PENDING_PAYMENT", bo.id, `L:${lecture.id}`]);
    expect(booking.holdExpiresAt?.toISOString()).toBe(later(120).toISOString());
    expect(booking.orderLines.map((l) => [l.priceTier, l.unitPriceOre, l.vatOre])).toEqual([["MEMBER", 190_000, 47_500]]);
    expect(booking.order?.totalInclVatOre).toBe(237_500);
    expect(await mails(bo.email, "booking-received")).toBe(1);
    // A double click answers with the same order.
    const again = await acceptOffer(bo, { entryId: boEntry.id }, later(91));
    expect([again.repeated, again.orderId]).toEqual([true, accepted.orderId]);
    expect(await db.booking.count({ where: { participantId: bo.id } })).toBe(1);

    // Paid like any booking.
    await db.$transaction((tx) => confirmOrder(tx, accepted.orderId, later(100), "PAID"));
    expect((await db.booking.findUniqueOrThrow({ where: { id: accepted.bookingId } })).status).toBe("CONFIRMED");
  });

  it("an offer not answered in time moves to the next in line; a declined one too; with nobody left the seat is free", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    const holder = await person();
    const held = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: holder.id });
    const [bo, cecilia] = [await person(), await person()];
    const boEntry = (await joinWaitlist(bo, queue({ workshopId: workshop.id, lectureId: lecture.id }), later(1))).entries[0]!;
    const ceciliaEntry = (await joinWaitlist(cecilia, queue({ workshopId: workshop.id, lectureId: lecture.id }), later(2))).entries[0]!;
    await cancelBooking(holder, { bookingId: held.id, reason: null }, later(10));
    expect((await entry(boEntry.id)).status).toBe("OFFERED");

    // 47 h 59 min: still Bo's.
    expect(await expireOffers(db, later(10 + 48 * 60 - 1))).toEqual({ offersExpired: 0, offersMade: 0 });
    // 48 h: two job runs at once expire it once and offer Cecilia once.
    const runs = await Promise.all([expireOffers(db, later(10 + 48 * 60)), expireOffers(db, later(10 + 48 * 60))]);
    expect(runs[0]!.offersExpired + runs[1]!.offersExpired).toBe(1);
    expect(runs[0]!.offersMade + runs[1]!.offersMade).toBe(1);
    expect((await entry(boEntry.id)).status).toBe("EXPIRED");
    expect((await entry(boEntry.id)).activeSessionKey).toBeNull();
    expect((await entry(ceciliaEntry.id)).status).toBe("OFFERED");
    expect(await mails(bo.email, "waitlist-offer-expired")).toBe(1);
    expect(await mails(cecilia.email, "waitlist-offer")).toBe(1);
    expect(await seatsOf(lecture.id)).toBe(1);
    // An expired offer cannot be accepted.
    expect((await failure(acceptOffer(bo, { entryId: boEntry.id }, later(10 + 48 * 60 + 1)))).code).toBe("CONFLICT");

    // Cecilia declines: nobody is waiting, so the seat is free again and bookable.
    const declined = await leaveWaitlist(cecilia, { entryId: ceciliaEntry.id }, later(3000));
    expect(declined).toEqual({ entryId: ceciliaEntry.id, was: "OFFERED", offeredNext: 0 });
    expect((await entry(ceciliaEntry.id)).status).toBe("CANCELLED");
    expect(await seatsOf(lecture.id)).toBe(0);
    expect(await mails(cecilia.email, "waitlist-left")).toBe(1);
    await bookSessions(await person(), book({ workshopId: workshop.id, lectureIds: [lecture.id] }), later(3001));
    expect(await seatsOf(lecture.id)).toBe(1);
  });

  it("six expiry runs at once over several offers: each expires once and each seat passes on once", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 4 });
    const lecture = lectures[0]!;
    const holders = await Promise.all([1, 2, 3, 4].map(() => person()));
    const held = [];
    for (const h of holders) held.push(await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: h.id }));
    const waiting = [];
    for (let i = 0; i < 8; i++) waiting.push((await joinWaitlist(await person(), queue({ workshopId: workshop.id, lectureId: lecture.id }), later(i))).entries[0]!.id);
    for (const [i, h] of holders.entries()) await cancelBooking(h, { bookingId: held[i]!.id, reason: null }, later(20));
    const runs = await Promise.all(Array.from({ length: 6 }, () => expireOffers(db, later(20 + 48 * 60))));
    expect(runs.reduce((n, r) => n + r.offersExpired, 0)).toBe(4);
    expect(runs.reduce((n, r) => n + r.offersMade, 0)).toBe(4);
    const statuses = await Promise.all(waiting.map(async (id) => (await entry(id)).status));
    expect(statuses).toEqual(["EXPIRED", "EXPIRED", "EXPIRED", "EXPIRED", "OFFERED", "OFFERED", "OFFERED", "OFFERED"]);
    expect(await seatsOf(lecture.id)).toBe(4);
  });

  it("refuses to queue while seats are free (book instead); an orderer queues colleagues and the one free seat goes to the first", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 2 });
    const lecture = lectures[0]!;
    const sara = await person();
    const refused = await failure(joinWaitlist(sara, queue({ workshopId: workshop.id, lectureId: lecture.id }), now));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors?._form).toEqual([{ key: "seatsAvailable", params: { session: lecture.title, seats: 2 } }]);
    expect(await db.waitlistEntry.count({ where: { lectureId: lecture.id } })).toBe(0);

    await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: sara.id });
    const karin = await person(["ORDERER"]);
    const emails = [1, 2, 3].map((i) => `ko${i}.${randomUUID()}@kommun.test`);
    const result = await joinWaitlist(karin, queue({ workshopId: workshop.id, lectureId: lecture.id, participantEmails: emails, includeSelf: false }), now);
    expect(result.entries).toHaveLength(3);
    // One free seat for three people: all three queue, and the first in line is offered the seat at once.
    expect(result.entries.filter((e) => e.status === "OFFERED")).toHaveLength(1);
    expect(result.entries.filter((e) => e.status === "WAITING").map((e) => e.position).sort()).toEqual([1, 2]);
    expect(await seatsOf(lecture.id)).toBe(2);
    const positions = await waitlistPositions(result.entries.map((e) => e.id));
    expect([...positions.values()].filter((p) => p !== null).sort()).toEqual([1, 2]);
    // A stranger from another organisation cannot be queued by Karin.
    const stranger = await createUser(db, { organisationId: ids.other });
    expect((await failure(joinWaitlist(karin, queue({ workshopId: workshop.id, lectureId: lecture.id, participantEmails: [stranger.email], includeSelf: false }), now))).code).toBe(
      "INVALID_INPUT",
    );
  });

  it("a lecture seat freed by a cancellation can complete a full package, offered to the package's queue", async () => {
    const { workshop, gatherings, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    const holder = await person();
    const held = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: holder.id });
    const pia = await person();
    // The package is full because one of its lectures is.
    expect((await failure(bookSessions(pia, book({ workshopId: workshop.id, kind: "PACKAGE" }), now))).code).toBe("FULL");
    const piaEntry = (await joinWaitlist(pia, queue({ workshopId: workshop.id, kind: "PACKAGE", ownProject: true }), now)).entries[0]!;
    await cancelBooking(holder, { bookingId: held.id, reason: null }, later(5));
    expect((await entry(piaEntry.id)).status).toBe("OFFERED");
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(1);
    expect(await seatsOf(lecture.id)).toBe(1);
    for (const g of gatherings) expect((await db.gathering.findUniqueOrThrow({ where: { id: g.id } })).seatsTaken).toBe(1);
    const accepted = await acceptOffer(pia, { entryId: piaEntry.id }, later(6));
    const booking = await db.booking.findUniqueOrThrow({ where: { id: accepted.bookingId } });
    expect([booking.kind, booking.ownProject, booking.activeSessionKey]).toEqual(["PACKAGE", true, `P:${workshop.id}`]);
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(1);
  });

  it("someone holding an offer who books the session normally uses the offered seat: nothing leaks", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    const holder = await person();
    const held = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: holder.id });
    const bo = await person();
    const boEntry = (await joinWaitlist(bo, queue({ workshopId: workshop.id, lectureId: lecture.id }), now)).entries[0]!;
    await cancelBooking(holder, { bookingId: held.id, reason: null }, later(1));
    expect((await entry(boEntry.id)).status).toBe("OFFERED");
    await bookSessions(bo, book({ workshopId: workshop.id, lectureIds: [lecture.id, lectures[1]!.id] }), later(2));
    expect((await entry(boEntry.id)).status).toBe("CANCELLED");
    expect(await seatsOf(lecture.id)).toBe(1);
    expect(await db.booking.count({ where: { lectureId: lecture.id, activeSessionKey: { not: null } } })).toBe(1);
  });
});

describe("cancellation", () => {
  it("is allowed to the participant up to 23:59:59 Stockholm time on the cancellation day, then only to a coordinator", async () => {
    const { workshop, lectures } = await world({ cancellationDeadline: "2026-12-31" });
    const sara = await person();
    const placed = await bookSessions(sara, book({ workshopId: workshop.id, lectureIds: [lectures[0]!.id, lectures[1]!.id] }), now);
    await db.$transaction((tx) => confirmOrder(tx, placed.orderId, later(1), "INVOICED"));
    const [first, second] = placed.bookingIds;

    // 23:59:59 on 31 December in Stockholm (UTC+1): still allowed.
    await cancelBooking(sara, { bookingId: first!, reason: null }, new Date("2026-12-31T22:59:59Z"));
    // 00:00:00 on 1 January: too late, with the date in the participant's language.
    const before = await snapshot(workshop.id);
    const late = await failure(cancelBooking(sara, { bookingId: second!, reason: null }, new Date("2026-12-31T23:00:00Z")));
    expect(late.code).toBe("TOO_LATE");
    expect(late.params).toEqual({ date: "31 december 2026" });
    expect(await snapshot(workshop.id)).toEqual(before);

    const coordinator = await person(["COORDINATOR"]);
    await cancelBooking(coordinator, { bookingId: second!, reason: "Sjukdom, intyg finns" }, new Date("2027-01-10T09:00:00Z"));
    const row = await db.booking.findUniqueOrThrow({ where: { id: second! } });
    expect([row.status, row.cancelledById]).toEqual(["CANCELLED", coordinator.id]);
    expect(await seatsOf(lectures[1]!.id)).toBe(0);
    // A paid (invoiced) order is billing's to credit: its status stays.
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("INVOICED");
    // Cancelling again is a conflict, not a second release.
    expect((await failure(cancelBooking(coordinator, { bookingId: second!, reason: null }, new Date("2027-01-10T09:01:00Z")))).code).toBe("CONFLICT");
    expect(await seatsOf(lectures[1]!.id)).toBe(0);
  });

  it("lets the orderer who booked cancel; an unpaid order with nothing left is cancelled", async () => {
    const { workshop, lectures } = await world();
    const karin = await person(["ORDERER"]);
    const colleague = await createUser(db, { organisationId: ids.member });
    const placed = await bookSessions(karin, book({ workshopId: workshop.id, lectureIds: [lectures[0]!.id], participantEmails: [colleague.email], includeSelf: false }), now);
    await cancelBooking(karin, { bookingId: placed.bookingIds[0]!, reason: null }, later(5));
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("CANCELLED");
    expect(await mails(colleague.email, "booking-cancelled")).toBe(1);
  });
});

describe("substitution", () => {
  it("passes a package place to a colleague without moving any seat counter", async () => {
    const { workshop, gatherings, lectures } = await world();
    const karin = await person(["ORDERER"]);
    const [ann, ben] = [await createUser(db, { organisationId: ids.member }), await createUser(db, { organisationId: ids.member })];
    const placed = await bookSessions(karin, book({ workshopId: workshop.id, kind: "PACKAGE", participantEmails: [ann.email, ben.email], includeSelf: false }), now);
    const counters = async () => ({
      pkg: (await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken,
      gatherings: await Promise.all(gatherings.map(async (g) => (await db.gathering.findUniqueOrThrow({ where: { id: g.id } })).seatsTaken)),
      lectures: await Promise.all(lectures.map((l) => seatsOf(l.id))),
    });
    const before = await counters();
    const annBooking = await db.booking.findFirstOrThrow({ where: { orderId: placed.orderId, participantId: ann.id } });

    const newcomer = `ersattare.${randomUUID()}@kommun.test`;
    const result = await substituteBooking(karin, { bookingId: annBooking.id, email: newcomer }, later(5));
    expect(result.invited).toBe(true);
    expect(await counters()).toEqual(before);
    const old = await db.booking.findUniqueOrThrow({ where: { id: annBooking.id } });
    expect([old.status, old.activeSessionKey, old.cancellationReason]).toEqual(["CANCELLED", null, "substituted"]);
    const created = await db.booking.findUniqueOrThrow({ where: { id: result.bookingId }, include: { participant: true, orderLines: true } });
    expect([created.status, created.orderId, created.activeSessionKey, created.substitutedFromId, created.bookedById]).toEqual([
      "PENDING_PAYMENT", placed.orderId, `P:${workshop.id}`, annBooking.id, karin.id,
    ]);
    expect(created.holdExpiresAt?.getTime()).toBe(annBooking.holdExpiresAt?.getTime());
    expect([created.participant.email, created.participant.organisationId]).toEqual([newcomer, ids.member]);
    expect(created.orderLines).toHaveLength(1); // the priced line follows the place
    expect(await mails(ann.email, "booking-cancelled")).toBe(1);
    expect(await mails(newcomer, "booked-by-colleague")).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "booking.substituted", entityId: annBooking.id } })).toBe(1);

    // The order can still be paid as one: the substitute is confirmed, the substituted one skipped.
    const confirmed = await db.$transaction((tx) => confirmOrder(tx, placed.orderId, later(10), "PAID"));
    expect(confirmed.confirmedBookingIds.sort()).toEqual([result.bookingId, (await db.booking.findFirstOrThrow({ where: { orderId: placed.orderId, participantId: ben.id } })).id].sort());

    // Ben cannot take over a place twice (he holds one), and nobody of another organisation can.
    const again = await failure(substituteBooking(karin, { bookingId: result.bookingId, email: ben.email }, later(20)));
    expect(again.code).toBe("ALREADY_BOOKED");
    const stranger = await createUser(db, { organisationId: ids.other });
    const refused = await failure(substituteBooking(karin, { bookingId: result.bookingId, email: stranger.email }, later(21)));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.fieldErrors?.email).toBeDefined();
    expect(await counters()).toEqual(before);
  });

  it("a participant can pass their own lecture seat on; a colleague waiting for it leaves the queue", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    const sara = await person();
    const held = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: sara.id });
    const waiting = await person();
    const waitingEntry = (await joinWaitlist(waiting, queue({ workshopId: workshop.id, lectureId: lecture.id }), now)).entries[0]!;
    const result = await substituteBooking(sara, { bookingId: held.id, email: waiting.email }, later(1));
    expect((await db.booking.findUniqueOrThrow({ where: { id: result.bookingId } })).status).toBe("CONFIRMED");
    expect((await entry(waitingEntry.id)).status).toBe("CANCELLED");
    expect(await seatsOf(lecture.id)).toBe(1);
  });
});

describe("someone else's booking or queue place", () => {
  it("is NOT_FOUND for every change, and nothing is written", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const owner = await person();
    const placed = await bookSessions(owner, book({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] }), now);
    const waiting = await person();
    const queued = (await joinWaitlist(waiting, queue({ workshopId: workshop.id, lectureId: lectures[0]!.id }), now)).entries[0]!;
    const intruder = await person(["PARTICIPANT", "ORDERER"]);
    const bookingId = placed.bookingIds[0]!;

    const before = await snapshot(workshop.id);
    expect((await failure(cancelBooking(intruder, { bookingId, reason: null }, later(1)))).code).toBe("NOT_FOUND");
    expect((await failure(substituteBooking(intruder, { bookingId, email: intruder.email }, later(1)))).code).toBe("NOT_FOUND");
    expect((await failure(acceptOffer(intruder, { entryId: queued.id }, later(1)))).code).toBe("NOT_FOUND");
    expect((await failure(leaveWaitlist(intruder, { entryId: queued.id }, later(1)))).code).toBe("NOT_FOUND");
    // An id that does not exist answers the same.
    expect((await failure(cancelBooking(intruder, { bookingId: "c".repeat(25), reason: null }, later(1)))).code).toBe("NOT_FOUND");
    expect(await snapshot(workshop.id)).toEqual(before);
  });
});

describe("the actions", () => {
  it("answer with translated errors and call the use cases as the signed-in person", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 1 });
    const lecture = lectures[0]!;
    const ownerRow = await createUser(db, { organisationId: ids.member });
    const held = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: ownerRow.id });
    const otherRow = await createUser(db, { organisationId: ids.member });

    signInAs(otherRow);
    const joined = await callForResult(joinWaitlistAction, { workshopId: workshop.id, kind: "LECTURE", lectureId: lecture.id });
    expect(joined.ok).toBe(true);
    const entryId = joined.ok ? joined.data.entries[0]!.id : "";
    const notYours = await callForResult(cancelBookingAction, { bookingId: held.id });
    expect(notYours).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const notOffered = await callForResult(acceptOfferAction, { entryId });
    expect(notOffered).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { _form: ["Erbjudandet gäller inte längre. Det kan ha gått ut eller redan besvarats."] } });

    signInAs(ownerRow);
    expect(await callForResult(substituteBookingAction, { bookingId: held.id, email: "inte-en-adress" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const cancelled = await callForResult(cancelBookingAction, { bookingId: held.id, reason: "" });
    expect(cancelled).toMatchObject({ ok: true, data: { bookingId: held.id, offeredTo: 1 } });

    signInAs(otherRow);
    expect(await callForResult(acceptOfferAction, { entryId })).toMatchObject({ ok: true });
    const seatsFree = await callForResult(leaveWaitlistAction, { entryId });
    expect(seatsFree).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
