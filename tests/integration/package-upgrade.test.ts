import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bookSessions, bookSessionsInput, type BookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { confirmOrder } from "@/lib/server/enrollment/confirm-order";
import { createGathering, createLecture, createLecturer, createOrganisation, createOrganiser, createUser, createVenue, createWorkshop } from "../factories";

/*
 * Order amounts. Upgrading from lectures to the whole workshop: what the lectures already cost (paid by card or
 * invoiced) is credited on the package order, and once that order is paid the lecture bookings end
 * and their seats go back (the package holds a seat in every lecture).
 */
const now = new Date("2030-11-23T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let ids: { organiser: string; venue: string; lecturer: string; member: string };

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  ids = {
    organiser: organiser.id,
    venue: (await createVenue(db)).id,
    lecturer: (await createLecturer(db)).id,
    member: (await createOrganisation(db, { type: "MEMBER_MUNICIPALITY" })).id,
  };
});

async function world(packageMemberOre = 1_000_000) {
  const workshop = await createWorkshop(db, {
    organiserId: ids.organiser, packageCapacity: 10, packagePriceMemberOre: packageMemberOre, packageVatRateBp: 0,
    startsOn: "2031-01-14", endsOn: "2031-06-10", pmDeadline: "2031-01-08", cancellationDeadline: "2030-12-31", followUpOn: "2031-12-09",
  });
  const base = { workshopId: workshop.id, venueId: ids.venue };
  await createGathering(db, { ...base, date: "2031-01-14", capacity: 10 });
  const lectures = [
    await createLecture(db, { ...base, lecturerId: ids.lecturer, date: "2031-02-04", capacity: 10, priceMemberOre: 190_000, priceNonMemberOre: 240_000, vatRateBp: 2500 }),
    await createLecture(db, { ...base, lecturerId: ids.lecturer, date: "2031-03-04", capacity: 10, priceMemberOre: 150_000, priceNonMemberOre: 200_000, vatRateBp: 0 }),
  ];
  return { workshop, lectures };
}

async function person(): Promise<SessionUser> {
  return (await loadSessionUser((await createUser(db, { roles: ["PARTICIPANT"], organisationId: ids.member })).id))!;
}

function input(values: Partial<BookSessionsInput> & { workshopId: string }): BookSessionsInput {
  return bookSessionsInput.parse({ kind: "LECTURE", idempotencyKey: randomUUID(), ...values });
}

describe("upgrading from paid lectures to the package", () => {
  it("credits what the lectures cost, and confirming the package ends the lecture bookings and frees their seats", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const first = await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: lectures.map((l) => l.id) }), now);
    await db.$transaction((tx) => confirmOrder(tx, first.orderId, later(1), "PAID"));

    const upgrade = await bookSessions(sara, input({ workshopId: workshop.id, kind: "PACKAGE" }), later(2));
    const order = await db.order.findUniqueOrThrow({ where: { id: upgrade.orderId }, include: { lines: { orderBy: { createdAt: "asc" } } } });
    expect(order.lines.map((l) => [l.kind, l.quantity, l.unitPriceOre, l.lineExclVatOre, l.vatOre])).toEqual([
      ["PACKAGE", 1, 1_000_000, 1_000_000, 0],
      ["UPGRADE_CREDIT", -1, 190_000, -190_000, -47_500],
      ["UPGRADE_CREDIT", -1, 150_000, -150_000, 0],
    ]);
    // 10 000 kr − (1 900 kr + 475 kr VAT) − 1 500 kr
    expect(order.totalInclVatOre).toBe(1_000_000 - 237_500 - 150_000);
    // During the hold the person holds the lecture seats twice (lecture bookings and the package).
    for (const l of lectures) expect((await db.lecture.findUniqueOrThrow({ where: { id: l.id } })).seatsTaken).toBe(2);

    await db.$transaction((tx) => confirmOrder(tx, upgrade.orderId, later(3), "INVOICED"));
    const bookings = await db.booking.findMany({ where: { participantId: sara.id }, orderBy: { createdAt: "asc" } });
    expect(bookings.map((b) => [b.kind, b.status])).toEqual([
      ["LECTURE", "CANCELLED"],
      ["LECTURE", "CANCELLED"],
      ["PACKAGE", "CONFIRMED"],
    ]);
    for (const l of lectures) expect((await db.lecture.findUniqueOrThrow({ where: { id: l.id } })).seatsTaken).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "booking.upgraded", entityId: { in: bookings.map((b) => b.id) } } })).toBe(2);
    // The first order stays paid: nothing is refunded, the credit is on the package order.
    expect((await db.order.findUniqueOrThrow({ where: { id: first.orderId } })).status).toBe("PAID");
    expect(await db.refund.count({ where: { bookingId: { in: bookings.map((b) => b.id) } } })).toBe(0);
  });

  it("never credits more than the package costs", async () => {
    const { workshop, lectures } = await world(200_000);
    const sara = await person();
    const first = await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: lectures.map((l) => l.id) }), now);
    await db.$transaction((tx) => confirmOrder(tx, first.orderId, later(1), "INVOICED"));
    const upgrade = await bookSessions(sara, input({ workshopId: workshop.id, kind: "PACKAGE" }), later(2));
    expect((await db.order.findUniqueOrThrow({ where: { id: upgrade.orderId } })).totalInclVatOre).toBe(0);
  });

  it("refuses the package while a lecture booking is still unpaid, and leaves it as it is", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const pending = await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [lectures[0]!.id] }), now);
    const error = await bookSessions(sara, input({ workshopId: workshop.id, kind: "PACKAGE" }), later(1)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("ALREADY_BOOKED");
    expect((await db.booking.findUniqueOrThrow({ where: { id: pending.bookingIds[0]! } })).status).toBe("PENDING_PAYMENT");
    expect(await db.order.count({ where: { placedById: sara.id } })).toBe(1);
  });

  it("leaves the lecture bookings standing when the package is never paid", async () => {
    const { workshop, lectures } = await world();
    const sara = await person();
    const first = await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: [lectures[1]!.id] }), now);
    await db.$transaction((tx) => confirmOrder(tx, first.orderId, later(1), "PAID"));
    await bookSessions(sara, input({ workshopId: workshop.id, kind: "PACKAGE" }), later(2));
    const lectureBooking = await db.booking.findUniqueOrThrow({ where: { id: first.bookingIds[0]! } });
    expect(lectureBooking.status).toBe("CONFIRMED");
    expect(lectureBooking.activeSessionKey).toBe(`L:${lectures[1]!.id}`);
  });
});

describe("the order's VAT", () => {
  it("is rounded once per rate, as on the invoice, and shared out over the lines", async () => {
    const { workshop } = await world();
    const base = { workshopId: workshop.id, venueId: ids.venue, lecturerId: ids.lecturer, capacity: 10, priceMemberOre: 100_001, vatRateBp: 2500 };
    const lectures = [
      await createLecture(db, { ...base, date: "2031-04-01" }),
      await createLecture(db, { ...base, date: "2031-04-08" }),
      await createLecture(db, { ...base, date: "2031-04-15" }),
    ];
    const sara = await person();
    const placed = await bookSessions(sara, input({ workshopId: workshop.id, lectureIds: lectures.map((l) => l.id) }), now);
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: true } });
    // Per line 250,0025 kr would round to 250,00 kr three times (750,00 kr); per rate 750,0075 kr → 750,01 kr.
    expect(order.totalVatOre).toBe(75_001);
    expect(order.lines.reduce((sum, l) => sum + l.vatOre, 0)).toBe(75_001);
    expect(order.lines.map((l) => l.vatOre).sort()).toEqual([25_000, 25_000, 25_001]);
    expect(order.totalInclVatOre).toBe(300_003 + 75_001);
  });
});
