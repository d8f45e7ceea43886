import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bookSessions, bookSessionsInput, type BookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import {
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createUser,
  createVenue,
  createWorkshop,
} from "../factories";

const now = new Date("2026-11-23T10:00:00Z");
let ids: { organiser: string; venue: string; lecturer: string; member: string; other: string };

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  const venue = await createVenue(db);
  const lecturer = await createLecturer(db);
  const member = await createOrganisation(db, { type: "MEMBER_MUNICIPALITY" });
  const other = await createOrganisation(db, { type: "INTEREST_ORGANISATION" });
  ids = { organiser: organiser.id, venue: venue.id, lecturer: lecturer.id, member: member.id, other: other.id };
});

async function world(options: { lectureSeats?: number; packageSeats?: number; gatheringSeats?: number } = {}) {
  const workshop = await createWorkshop(db, { organiserId: ids.organiser, packageCapacity: options.packageSeats ?? 30, holdMinutes: 30 });
  const base = { workshopId: workshop.id, venueId: ids.venue };
  const gatherings = [
    await createGathering(db, { ...base, date: "2027-01-14", capacity: options.gatheringSeats ?? 40 }),
    await createGathering(db, { ...base, date: "2027-03-11", capacity: options.gatheringSeats ?? 40 }),
  ];
  const lectures = [
    await createLecture(db, { ...base, lecturerId: ids.lecturer, date: "2027-02-04", capacity: options.lectureSeats ?? 50, priceMemberOre: 190_000, priceNonMemberOre: 240_000, vatRateBp: 2500 }),
    await createLecture(db, { ...base, lecturerId: ids.lecturer, date: "2027-04-08", capacity: options.lectureSeats ?? 50 }),
  ];
  return { workshop, gatherings, lectures };
}

async function person(roles: ("PARTICIPANT" | "ORDERER")[] = ["PARTICIPANT"], organisationId: string | null = ids.member): Promise<SessionUser> {
  const row = await createUser(db, { roles, organisationId });
  return (await loadSessionUser(row.id))!;
}

function input(values: Partial<BookSessionsInput> & { workshopId: string }): BookSessionsInput {
  return bookSessionsInput.parse({ kind: "LECTURE", idempotencyKey: randomUUID(), ...values });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("booking single lectures", () => {
  it("books several lectures in one order: seats taken, priced lines snapshotted, hold set, e-mail queued", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const result = await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: lectures.map((l) => l.id) }), now);

    expect(result.bookingIds).toHaveLength(2);
    expect(result.holdExpiresAt).toBe(new Date(now.getTime() + 30 * 60_000).toISOString());
    const bookings = await db.booking.findMany({ where: { orderId: result.orderId } });
    expect(bookings.every((b) => b.status === "PENDING_PAYMENT" && b.participantId === sara.id)).toBe(true);
    expect(bookings.map((b) => b.activeSessionKey).sort()).toEqual(lectures.map((l) => `L:${l.id}`).sort());
    for (const l of lectures) expect((await db.lecture.findUniqueOrThrow({ where: { id: l.id } })).seatsTaken).toBe(1);

    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, include: { lines: true } });
    // Member price; the first lecture has 25 % VAT (47 500 öre), the second none.
    expect(order.lines.map((l) => [l.priceTier, l.unitPriceOre, l.vatOre]).sort()).toEqual([
      ["MEMBER", 190_000, 0],
      ["MEMBER", 190_000, 47_500],
    ]);
    expect(order.totalInclVatOre).toBe(190_000 * 2 + 47_500);
    expect(await db.auditEvent.count({ where: { action: "booking.created", entityId: { in: result.bookingIds } } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { toEmail: sara.email, template: "booking-received" } })).toBe(1);
  });

  it("charges the non-member price outside the member municipalities", async () => {
    const { workshop, lectures } = await world();
    const guest = await person(["PARTICIPANT"], ids.other);
    const result = await bookSessions(guest, input({ workshopId: workshop.id, lectureIds: [lectures[1]!.id] }), now);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: result.orderId } });
    expect([line.priceTier, line.unitPriceOre]).toEqual(["NON_MEMBER", 240_000]);
  });

  it("places the order once for a double submission (same idempotency key)", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const values = input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] });
    const [a, b] = await Promise.all([bookSessions(sara, values, now), bookSessions(sara, values, now)]);
    expect(a.orderId).toBe(b.orderId);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect(await db.order.count({ where: { placedById: sara.id } })).toBe(1);
    expect((await db.lecture.findUniqueOrThrow({ where: { id: lectures[0]!.id } })).seatsTaken).toBe(1);
    // Someone else cannot use the key to see the order.
    const other = await person();
    expect((await failure(bookSessions(other, values, now))).code).toBe("CONFLICT");
  });

  it("refuses a second place for the same person and session, naming them; nothing is written", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] }), now);
    const error = await failure(bookSessions(sara, input({ workshopId: workshop.id, lectureIds: lectures.map((l) => l.id) }), now));
    expect(error.code).toBe("ALREADY_BOOKED");
    expect(error.params).toMatchObject({ session: lectures[0]!.title });
    // The other lecture of the refused order was not booked either.
    expect((await db.lecture.findUniqueOrThrow({ where: { id: lectures[1]!.id } })).seatsTaken).toBe(0);
    expect(await db.order.count({ where: { placedById: sara.id } })).toBe(1);
  });

  it("refuses draft, cancelled and past lectures and unpublished workshops", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const draft = await createLecture(db, { workshopId: workshop.id, venueId: ids.venue, lecturerId: ids.lecturer, status: "DRAFT" });
    const cancelled = await createLecture(db, { workshopId: workshop.id, venueId: ids.venue, lecturerId: ids.lecturer, status: "CANCELLED" });
    const past = await createLecture(db, { workshopId: workshop.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2026-11-01" });
    for (const lecture of [draft, cancelled, past]) {
      const error = await failure(bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id, lecture.id] }), now));
      expect(error.code).toBe("NOT_BOOKABLE");
      expect(error.params).toMatchObject({ session: lecture.title });
    }
    const unpublished = await createWorkshop(db, { organiserId: ids.organiser, status: "DRAFT" });
    expect((await failure(bookSessions(sara, input({ workshopId: unpublished.id, kind: "PACKAGE" }), now))).code).toBe("NOT_BOOKABLE");
    // A lecture of another workshop is not found through this one.
    const elsewhere = await world();
    expect((await failure(bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [elsewhere.lectures[0]!.id] }), now))).code).toBe("NOT_FOUND");
    expect(await db.booking.count({ where: { participantId: sara.id } })).toBe(0);
  });
});

describe("booking the whole workshop", () => {
  it("takes a seat in the package and in every gathering and lecture", async () => {
    const { workshop, gatherings, lectures } = await world();
    const sara = await person();
    await bookSessions(sara, input({ workshopId: workshop.id, kind: "PACKAGE", ownProject: true }), now);
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(1);
    for (const g of gatherings) expect((await db.gathering.findUniqueOrThrow({ where: { id: g.id } })).seatsTaken).toBe(1);
    for (const l of lectures) expect((await db.lecture.findUniqueOrThrow({ where: { id: l.id } })).seatsTaken).toBe(1);
    const booking = await db.booking.findFirstOrThrow({ where: { participantId: sara.id } });
    expect([booking.kind, booking.ownProject, booking.activeSessionKey]).toEqual(["PACKAGE", true, `P:${workshop.id}`]);
  });

  it("does not take a lecture's seat twice: package and single lecture exclude each other for one person", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    await bookSessions(sara, input({ workshopId: workshop.id, kind: "PACKAGE" }), now);
    const lecture = await failure(bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] }), now));
    expect([lecture.code, lecture.params?.session]).toEqual(["ALREADY_BOOKED", workshop.title]);
    const lena = await person();
    await bookSessions(lena, input({ workshopId: workshop.id, lectureIds: [lectures[1]!.id] }), now);
    const pkg = await failure(bookSessions(lena, input({ workshopId: workshop.id, kind: "PACKAGE" }), now));
    expect([pkg.code, pkg.params?.session]).toEqual(["ALREADY_BOOKED", lectures[1]!.title]);
    expect((await db.lecture.findUniqueOrThrow({ where: { id: lectures[1]!.id } })).seatsTaken).toBe(2);
  });

  it("is full when any included session is full, and then nothing is taken anywhere", async () => {
    const { workshop, gatherings } = await world({ gatheringSeats: 1 });
    await bookSessions(await person(), input({ workshopId: workshop.id, kind: "PACKAGE" }), now);
    const error = await failure(bookSessions(await person(), input({ workshopId: workshop.id, kind: "PACKAGE" }), now));
    expect(error.code).toBe("FULL");
    expect(error.params).toMatchObject({ seatsLeft: 0 });
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(1);
    expect((await db.gathering.findUniqueOrThrow({ where: { id: gatherings[1]!.id } })).seatsTaken).toBe(1);
  });
});

describe("an orderer booking for colleagues", () => {
  it("books colleagues and invites those without an account, in one order", async () => {
    const { workshop } = await world();
    const karin = await person(["ORDERER", "PARTICIPANT"]);
    const colleague = await createUser(db, { organisationId: ids.member });
    const newcomer = `ny.kollega.${Date.now()}@kommun.test`;
    const result = await bookSessions(
      karin,
      input({ workshopId: workshop.id, kind: "PACKAGE", participantEmails: [colleague.email, newcomer], includeSelf: false }),
      now,
    );
    const bookings = await db.booking.findMany({ where: { orderId: result.orderId }, include: { participant: true } });
    expect(bookings.map((b) => b.participant.email).sort()).toEqual([colleague.email, newcomer].sort());
    expect(bookings.every((b) => b.bookedById === karin.id)).toBe(true);
    const invited = await db.user.findUniqueOrThrow({ where: { email: newcomer }, include: { roles: true } });
    expect([invited.organisationId, invited.roles.map((r) => r.role)]).toEqual([ids.member, ["PARTICIPANT"]]);
    expect(await db.outboxMessage.count({ where: { toEmail: { in: [colleague.email, newcomer] }, template: "booked-by-colleague" } })).toBe(2);
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(2);
  });

  it("cannot book someone of another organisation, and a participant cannot book others", async () => {
    const { workshop, lectures } = await world();
    const karin = await person(["ORDERER"]);
    const stranger = await createUser(db, { organisationId: ids.other });
    const error = await failure(bookSessions(karin, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id], participantEmails: [stranger.email] }), now));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.participantEmails).toBeDefined();
    const sara = await person();
    expect((await failure(bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id], participantEmails: [stranger.email] }), now))).code).toBe("FORBIDDEN");
    expect(await db.booking.count({ where: { workshopId: workshop.id } })).toBe(0);
  });

  it("books nobody when there are more people than seats", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 2 });
    const karin = await person(["ORDERER", "PARTICIPANT"]);
    const emails = [1, 2].map((i) => `kollega${i}.${Date.now()}@kommun.test`);
    const error = await failure(bookSessions(karin, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id], participantEmails: emails }), now));
    expect(error.code).toBe("FULL");
    expect(error.params).toMatchObject({ seatsLeft: 2 });
    expect(await db.booking.count({ where: { lectureId: lectures[0]!.id } })).toBe(0);
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(0);
  });
});

describe("capacity under concurrency", () => {
  it("many parallel attempts on a lecture with few seats end with exactly as many bookings as seats", async () => {
    const seats = 5;
    const attempts = 40;
    const { workshop, lectures } = await world({ lectureSeats: seats });
    const people = await Promise.all(Array.from({ length: attempts }, () => person()));
    const outcomes = await Promise.all(
      people.map((p) =>
        bookSessions(p, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] }), now).then(
          () => "booked",
          (e: unknown) => (e instanceof AppError ? e.code : `crash: ${String(e)}`),
        ),
      ),
    );
    const count = (what: string) => outcomes.filter((o) => o === what).length;
    expect(count("booked")).toBe(seats);
    // Every other attempt got a clear answer: full (or, under heavy load, busy) — never a crash.
    expect(count("FULL") + count("BUSY")).toBe(attempts - seats);
    expect(await db.booking.count({ where: { lectureId: lectures[0]!.id } })).toBe(seats);
    expect((await db.lecture.findUniqueOrThrow({ where: { id: lectures[0]!.id } })).seatsTaken).toBe(seats);
  });

  it("packages and single lectures racing for the same lecture never oversell it", async () => {
    const { workshop, lectures } = await world({ lectureSeats: 3 });
    const people = await Promise.all(Array.from({ length: 16 }, () => person()));
    await Promise.allSettled(
      people.map((p, i) =>
        bookSessions(p, input(i % 2 ? { workshopId: workshop.id, kind: "PACKAGE" } : { workshopId: workshop.id, lectureIds: [lectures[0]!.id, lectures[1]!.id] }), now),
      ),
    );
    for (const l of lectures) {
      const row = await db.lecture.findUniqueOrThrow({ where: { id: l.id } });
      const holders = await db.booking.count({ where: { OR: [{ lectureId: l.id }, { kind: "PACKAGE", workshopId: workshop.id }], activeSessionKey: { not: null } } });
      expect(row.seatsTaken).toBe(holders);
      expect(row.seatsTaken).toBeLessThanOrEqual(3);
    }
  });
});
