/**
 * The admin's session editor (issue 8, lectures and gatherings) against a real PostgreSQL:
 * validation with translated errors and nothing written, a capacity cut racing a booking, change
 * notices only for published sessions, cancelling a lecture (single bookings ended with everything
 * given back, waiting list cancelled, packages kept), delete only without history, ADMIN only.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  cancelSessionAction,
  createGatheringAction,
  createLectureAction,
  deleteSessionAction,
  publishSessionAction,
  updateLectureAction,
} from "@/app/_actions/session-admin";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { stockholmToInstant } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { DefinedAction } from "@/lib/server/action";
import { announceSessionChange } from "@/lib/server/calendar/announce-session-change";
import { cancelSession } from "@/lib/server/calendar/cancel-session";
import { createGathering } from "@/lib/server/calendar/create-gathering";
import { createLecture, type CreateLectureInput } from "@/lib/server/calendar/create-lecture";
import { deleteSession } from "@/lib/server/calendar/delete-session";
import { getSessionForEditing } from "@/lib/server/calendar/get-session-for-editing";
import { publishSession } from "@/lib/server/calendar/publish-session";
import { updateGathering } from "@/lib/server/calendar/update-gathering";
import { updateLecture } from "@/lib/server/calendar/update-lecture";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { confirmOrder } from "@/lib/server/enrollment/confirm-order";
import {
  createGathering as makeGathering,
  createLecture as makeLecture,
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
// The real notice (helper B's), counted: the editor must call it exactly when a published session changes.
vi.mock("@/lib/server/calendar/announce-session-change", async (original) => {
  const real = await original<typeof import("@/lib/server/calendar/announce-session-change")>();
  return { ...real, announceSessionChange: vi.fn(real.announceSessionChange) };
});
const announced = vi.mocked(announceSessionChange);

const now = new Date("2031-05-12T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let admin: SessionUser;
let coordinator: SessionUser;
let ids: { organiser: string; venue: string; otherVenue: string; lecturer: string; member: string };

async function person(roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[], organisationId: string | null = ids.member, locale: "sv" | "en" = "sv") {
  const row = await createUser(db, { roles, organisationId, locale });
  return (await loadSessionUser(row.id))!;
}

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  const [venue, otherVenue, lecturer, member] = await Promise.all([
    createVenue(db, { name: "Folkets hus" }),
    createVenue(db, { name: "Stadshuset" }),
    createLecturer(db),
    createOrganisation(db, { type: "MEMBER_MUNICIPALITY" }),
  ]);
  ids = { organiser: organiser.id, venue: venue.id, otherVenue: otherVenue.id, lecturer: lecturer.id, member: member.id };
  admin = await person(["ADMIN"], null);
  coordinator = await person(["COORDINATOR"], null);
});

beforeEach(() => {
  announced.mockClear();
  signInAs(admin);
});

async function workshop(status: "DRAFT" | "PUBLISHED" = "PUBLISHED", lateCancellationRefundPercent = 0) {
  return createWorkshop(db, {
    organiserId: ids.organiser,
    status,
    startsOn: "2031-09-11",
    endsOn: "2032-03-18",
    pmDeadline: "2031-09-01",
    cancellationDeadline: "2031-08-31",
    followUpOn: "2032-09-16",
    lateCancellationRefundPercent,
  });
}

const lectureForm = (workshopId: string, values: Partial<CreateLectureInput> = {}): CreateLectureInput => ({
  workshopId,
  title: "Ledarskap för förbättring",
  theme: "Ledarskap",
  description: "Hur chefer stöder förbättringsarbete.",
  lecturerId: ids.lecturer,
  venueId: ids.venue,
  startDate: "2031-10-02",
  startTime: "09:00",
  endDate: "",
  endTime: "12:00",
  capacity: "40",
  priceMember: "1 900",
  priceNonMember: "2400,50",
  vatRateBp: "0",
  ...values,
});

/** The edit form as the page fills it from the lecture, with changes. */
async function editForm(workshopId: string, lectureId: string, changes: Record<string, string> = {}) {
  const current = await getSessionForEditing(admin, { kind: "lecture", workshopId, sessionId: lectureId });
  return { ...current.values, workshopId, lectureId, ...changes };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Everything a refused change could have written. */
async function marks(workshopId: string) {
  const [audit, outbox, lectures, gatherings, changes] = await Promise.all([
    db.auditEvent.count(),
    db.outboxMessage.count(),
    db.lecture.findMany({ where: { workshopId }, orderBy: { id: "asc" } }),
    db.gathering.findMany({ where: { workshopId }, orderBy: { id: "asc" } }),
    db.sessionChange.count({ where: { workshopId } }),
  ]);
  return { audit, outbox, lectures, gatherings, changes };
}

const book = (user: SessionUser, values: { workshopId: string; kind: "LECTURE" | "PACKAGE"; lectureIds?: string[] }, at = now) =>
  bookSessions(user, bookSessionsInput.parse({ idempotencyKey: randomUUID(), ...values }), at);

/** A card payment as the Stripe webhook leaves it. */
async function payCard(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.create({
      data: { orderId, amountOre: order.totalInclVatOre, status: "SUCCEEDED", paidAt: later(1), stripePaymentIntentId: `pi_${randomUUID()}` },
    });
    await confirmOrder(tx, orderId, later(1), "PAID");
    return payment;
  });
}

describe("creating lectures and gatherings", () => {
  it("creates a draft lecture: Stockholm times, prices from kronor to öre, an ASCII slug unique in the workshop", async () => {
    const w = await workshop();
    const first = await callForResult(createLectureAction, lectureForm(w.id, { title: "Är vi där än? Öppna jämförelser" }));
    expect(first.ok).toBe(true);
    const second = await createLecture(admin, lectureForm(w.id, { title: "Är vi där än? Öppna jämförelser" }), now);
    const [a, b] = await Promise.all([
      db.lecture.findUniqueOrThrow({ where: { id: first.ok ? first.data.lectureId : "" } }),
      db.lecture.findUniqueOrThrow({ where: { id: second.lectureId } }),
    ]);
    expect(a).toMatchObject({
      slug: "ar-vi-dar-an-oppna-jamforelser",
      status: "DRAFT",
      startsAt: stockholmToInstant("2031-10-02", "09:00"),
      endsAt: stockholmToInstant("2031-10-02", "12:00"),
      priceMemberOre: 190_000,
      priceNonMemberOre: 240_050,
      capacity: 40,
      seatsTaken: 0,
    });
    expect(a.startsAt.toISOString()).toBe("2031-10-02T07:00:00.000Z");
    expect(b.slug).toBe("ar-vi-dar-an-oppna-jamforelser-2");
    expect(await db.auditEvent.count({ where: { action: "lecture.created", entityId: { in: [a.id, b.id] } } })).toBe(2);
    expect(announced).not.toHaveBeenCalled();
  });

  it("numbers gatherings one after the workshop's highest", async () => {
    const w = await workshop();
    await makeGathering(db, { workshopId: w.id, venueId: ids.venue, number: 4, date: "2031-09-11" });
    const form = { workshopId: w.id, title: "Samling", description: "", venueId: ids.venue, startDate: "2031-11-05", startTime: "9.30", endDate: "2031-11-06", endTime: "15:00", capacity: "30" };
    const one = await createGathering(admin, form, now);
    const two = await callForResult(createGatheringAction, form);
    expect(one.number).toBe(5);
    expect(two.ok && two.data.number).toBe(6);
    const g = await db.gathering.findUniqueOrThrow({ where: { id: one.gatheringId } });
    expect(g).toMatchObject({ status: "DRAFT", startsAt: stockholmToInstant("2031-11-05", "09:30"), endsAt: stockholmToInstant("2031-11-06", "15:00") });
  });

  it("refuses bad input with every problem translated at once, and writes nothing", async () => {
    const w = await workshop();
    const before = await marks(w.id);
    const result = await callForResult(
      createLectureAction,
      lectureForm(w.id, { title: "", startTime: "13:00", endTime: "12:00", priceMember: "-100", priceNonMember: "abc", capacity: "0", vatRateBp: "700" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID_INPUT");
    expect(result.fieldErrors).toEqual({
      title: ["Fyll i fältet."],
      endTime: ["Sluttiden måste vara efter starttiden."],
      priceMember: ["Priset kan inte vara mindre än 0 kronor."],
      priceNonMember: ["Skriv priset i kronor med siffror, till exempel 1 200 eller 1 200,50."],
      capacity: ["Skriv antalet platser som en siffra, minst 1."],
      vatRateBp: ["Välj ett av alternativen."],
    });
    expect(await marks(w.id)).toEqual(before);
  });

  it("refuses a session outside the workshop's days and a time that does not exist (spring forward), in the admin's language", async () => {
    const w = await workshop();
    const english = await person(["ADMIN"], null, "en");
    signInAs(english);
    const before = await marks(w.id);
    const outside = await callForResult(createLectureAction, lectureForm(w.id, { startDate: "2032-03-19" }));
    expect(!outside.ok && outside.fieldErrors).toEqual({ startDate: ["The session must be within the workshop's dates, 2031-09-11 to 2032-03-18."] });
    // 2032-03-28 is the last Sunday of March: 02:00–02:59 does not exist in Stockholm.
    const gap = await callForResult(createLectureAction, lectureForm(w.id, { startDate: "2032-03-28", startTime: "02:30", endTime: "04:00" }));
    expect(!gap.ok && gap.fieldErrors?.startTime?.[0]).toMatch(/02:30 does not exist on 2032-03-28/);
    expect(await marks(w.id)).toEqual(before);
  });

  it("refuses anyone but an admin, before anything is written", async () => {
    const w = await workshop();
    const before = await marks(w.id);
    signInAs(coordinator);
    const result = await callForResult(createLectureAction, lectureForm(w.id));
    expect(!result.ok && result.code).toBe("FORBIDDEN");
    expect((await failure(createLecture(coordinator, lectureForm(w.id), now))).code).toBe("FORBIDDEN");
    const lecture = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02" });
    const before2 = await marks(w.id);
    for (const action of [publishSessionAction, cancelSessionAction, deleteSessionAction] as DefinedAction<unknown>[]) {
      const r = await callForResult(action, { kind: "lecture", workshopId: w.id, sessionId: lecture.id });
      expect(!r.ok && r.code).toBe("FORBIDDEN");
    }
    const r = await callForResult(updateLectureAction, { ...lectureForm(w.id), lectureId: lecture.id });
    expect(!r.ok && r.code).toBe("FORBIDDEN");
    signInAs(null);
    expect((await callForResult(updateLectureAction, { ...lectureForm(w.id), lectureId: lecture.id })).ok).toBe(false);
    expect(await marks(w.id)).toEqual(before2);
    expect(before.audit).toBe(before2.audit);
  });
});

describe("editing", () => {
  it("refuses a capacity below the seats taken, translated, and writes nothing", async () => {
    const w = await workshop();
    const lecture = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", capacity: 5 });
    for (let i = 0; i < 3; i++) await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "LECTURE", lectureIds: [lecture.id] });
    const before = await marks(w.id);
    const result = await callForResult(updateLectureAction, await editForm(w.id, lecture.id, { capacity: "2" }));
    expect(!result.ok && result.fieldErrors).toEqual({ capacity: ["3 platser är redan bokade. Antalet platser kan inte vara lägre än så."] });
    expect(await marks(w.id)).toEqual(before);
    expect((await updateLecture(admin, await editForm(w.id, lecture.id, { capacity: "3" }), now)).changed).toBe(true);
  });

  it("keeps capacity ≥ seats taken when a booking and a capacity cut happen at the same moment", async () => {
    const w = await workshop();
    const outcomes = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const lecture = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", capacity: 3 });
      for (let i = 0; i < 2; i++) await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "LECTURE", lectureIds: [lecture.id] });
      const form = await editForm(w.id, lecture.id, { capacity: "2" });
      const third = await person(["PARTICIPANT"]);
      const [booking, cut] = await Promise.allSettled([
        book(third, { workshopId: w.id, kind: "LECTURE", lectureIds: [lecture.id] }),
        updateLecture(admin, form, now),
      ]);
      const row = await db.lecture.findUniqueOrThrow({ where: { id: lecture.id } });
      expect(row.capacity).toBeGreaterThanOrEqual(row.seatsTaken);
      // Exactly one of the two wins: the booking (the cut is refused) or the cut (the booking is FULL).
      if (booking.status === "fulfilled") {
        expect(cut.status).toBe("rejected");
        expect(((cut as PromiseRejectedResult).reason as AppError).fieldErrors?.capacity?.[0]).toMatchObject({ key: "capacityBelowSeatsTaken" });
        expect(row).toMatchObject({ capacity: 3, seatsTaken: 3 });
        outcomes.add("booked");
      } else {
        expect(((booking as PromiseRejectedResult).reason as AppError).code).toBe("FULL");
        expect(cut.status).toBe("fulfilled");
        expect(row).toMatchObject({ capacity: 2, seatsTaken: 2 });
        outcomes.add("cut");
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it("moving a published lecture tells the booked and waiting once: notice, higher sequence, one e-mail per person", async () => {
    const w = await workshop();
    const lecture = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", capacity: 2 });
    await makeGathering(db, { workshopId: w.id, venueId: ids.venue, date: "2031-09-11" });
    const single = await person(["PARTICIPANT"]);
    const pkg = await person(["PARTICIPANT"]);
    const waiting = await person(["PARTICIPANT"]);
    await book(single, { workshopId: w.id, kind: "LECTURE", lectureIds: [lecture.id] });
    await book(pkg, { workshopId: w.id, kind: "PACKAGE" });
    await db.waitlistEntry.create({
      data: { kind: "LECTURE", workshopId: w.id, lectureId: lecture.id, participantId: waiting.id, addedById: waiting.id, activeSessionKey: `L:${lecture.id}` },
    });
    const outboxBefore = await db.outboxMessage.count();

    const result = await callForResult(updateLectureAction, await editForm(w.id, lecture.id, { startDate: "2031-10-09", startTime: "13:00", endTime: "16:00", venueId: ids.otherVenue }));
    expect(result.ok).toBe(true);
    expect(announced).toHaveBeenCalledTimes(1);
    const args = announced.mock.calls[0]![1];
    expect(args).toMatchObject({
      session: { kind: "lecture", id: lecture.id },
      before: { startsAt: stockholmToInstant("2031-10-02", "09:00"), venueId: ids.venue, status: "PUBLISHED" },
      after: { startsAt: stockholmToInstant("2031-10-09", "13:00"), endsAt: stockholmToInstant("2031-10-09", "16:00"), venueId: ids.otherVenue, status: "PUBLISHED" },
      actorId: admin.id,
    });
    const row = await db.lecture.findUniqueOrThrow({ where: { id: lecture.id } });
    expect(row).toMatchObject({ startsAt: stockholmToInstant("2031-10-09", "13:00"), venueId: ids.otherVenue });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "lecture.updated", entityId: lecture.id } });
    expect(audit.before).toMatchObject({ venueId: ids.venue, startsAt: "2031-10-02T07:00:00.000Z" });
    expect(audit.after).toMatchObject({ venueId: ids.otherVenue, startsAt: "2031-10-09T11:00:00.000Z" });

    const notice = await announced.mock.results[0]!.value;
    if (notice.changeId !== null) {
      // Helper B's notices are in: one SessionChange, SEQUENCE raised, one e-mail per affected person.
      expect(await db.sessionChange.count({ where: { lectureId: lecture.id } })).toBe(1);
      expect(row.sequence).toBe(1);
      expect(notice.notified).toBe(3);
      const mails = await db.outboxMessage.findMany({ where: { createdAt: { gte: new Date(0) } }, orderBy: { createdAt: "asc" }, skip: outboxBefore });
      const recipients = mails.map((m) => m.toEmail).sort();
      expect(recipients).toEqual([single.email, pkg.email, waiting.email].sort());
    }
  });

  it("editing a draft (or changing only texts) tells nobody", async () => {
    const w = await workshop();
    const draft = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", status: "DRAFT" });
    const outbox = await db.outboxMessage.count();
    await updateLecture(admin, await editForm(w.id, draft.id, { startDate: "2031-10-03", venueId: ids.otherVenue }), now);
    const g = await makeGathering(db, { workshopId: w.id, venueId: ids.venue, date: "2031-09-11", status: "DRAFT" });
    await updateGathering(
      admin,
      { workshopId: w.id, gatheringId: g.id, title: "Första samlingen", description: "", venueId: ids.otherVenue, startDate: "2031-09-12", startTime: "09:00", endDate: "", endTime: "16:00", capacity: "40" },
      now,
    );
    const published = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02" });
    await updateLecture(admin, await editForm(w.id, published.id, { title: "Ny titel", priceMember: "2000" }), now);
    expect(announced).not.toHaveBeenCalled();
    expect(await db.outboxMessage.count()).toBe(outbox);
    expect(await db.sessionChange.count({ where: { workshopId: w.id } })).toBe(0);
    expect((await db.lecture.findUniqueOrThrow({ where: { id: draft.id } })).sequence).toBe(0);
  });
});

describe("publishing", () => {
  it("publishes a draft of a published workshop, with seats for the package holders; refuses in a draft workshop", async () => {
    const w = await workshop();
    await makeGathering(db, { workshopId: w.id, venueId: ids.venue, date: "2031-09-11" });
    await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "PACKAGE" });
    const draft = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", status: "DRAFT" });
    const result = await callForResult(publishSessionAction, { kind: "lecture", workshopId: w.id, sessionId: draft.id });
    expect(result.ok && result.data).toEqual({ seatsTaken: 1 });
    expect(await db.lecture.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "PUBLISHED", seatsTaken: 1 });
    const again = await callForResult(publishSessionAction, { kind: "lecture", workshopId: w.id, sessionId: draft.id });
    expect(!again.ok && again.code).toBe("CONFLICT");

    const closed = await workshop("DRAFT");
    const inDraft = await makeLecture(db, { workshopId: closed.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", status: "DRAFT" });
    const refused = await callForResult(publishSessionAction, { kind: "lecture", workshopId: closed.id, sessionId: inDraft.id });
    expect(!refused.ok && refused.fieldErrors?._form).toEqual(["Verkstaden är inte publicerad än. Tillfället publiceras tillsammans med verkstaden."]);
    // Another workshop's session is not found.
    expect((await failure(publishSession(admin, { kind: "lecture", workshopId: w.id, sessionId: inDraft.id }, now))).code).toBe("NOT_FOUND");
  });
});

describe("cancelling", () => {
  it("ends the single bookings with everything given back even after the cancellation day, cancels the waiting list, keeps the package", async () => {
    const w = await workshop("PUBLISHED", 0);
    await makeGathering(db, { workshopId: w.id, venueId: ids.venue, date: "2031-09-11" });
    const lecture = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", capacity: 2, priceMemberOre: 190_000, vatRateBp: 2500 });
    const single = await person(["PARTICIPANT"]);
    const pkg = await person(["PARTICIPANT"]);
    const waiting = await person(["PARTICIPANT"]);
    const placed = await book(single, { workshopId: w.id, kind: "LECTURE", lectureIds: [lecture.id] });
    const payment = await payCard(placed.orderId);
    const packageOrder = await book(pkg, { workshopId: w.id, kind: "PACKAGE" });
    const entry = await db.waitlistEntry.create({
      data: { kind: "LECTURE", workshopId: w.id, lectureId: lecture.id, participantId: waiting.id, addedById: waiting.id, activeSessionKey: `L:${lecture.id}` },
    });

    // 2031-09-20 is after the cancellation day (2031-08-31) and the late refund is 0 %: still everything back.
    const at = new Date("2031-09-20T08:00:00Z");
    const result = await cancelSession(admin, { kind: "lecture", workshopId: w.id, sessionId: lecture.id, note: "Föreläsaren är sjuk" }, at);
    expect(result).toMatchObject({ bookingsEnded: 1, waitlistCancelled: 1 });
    const again = await callForResult(cancelSessionAction, { kind: "lecture", workshopId: w.id, sessionId: lecture.id });
    expect(!again.ok && again.code).toBe("CONFLICT");

    expect(announced).toHaveBeenCalledTimes(1);
    expect(announced.mock.calls[0]![1]).toMatchObject({ before: { status: "PUBLISHED" }, after: { status: "CANCELLED" } });
    const booking = await db.booking.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect(booking).toMatchObject({ status: "CANCELLED", activeSessionKey: null, cancellationReason: "session cancelled", cancelledById: admin.id });
    const refund = await db.refund.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(refund).toMatchObject({ paymentId: payment.id, amountOre: payment.amountOre, status: "PENDING" });
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ status: "CANCELLED", activeSessionKey: null });
    expect(await db.booking.findFirstOrThrow({ where: { orderId: packageOrder.orderId } })).toMatchObject({ status: "PENDING_PAYMENT", activeSessionKey: `P:${w.id}` });
    expect(await db.lecture.findUniqueOrThrow({ where: { id: lecture.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.auditEvent.count({ where: { action: "lecture.cancelled", entityId: lecture.id } })).toBe(1);
  });

  it("gives everything back late when the cancellation is the admin's, also with a 50 % late share", async () => {
    const w = await workshop("PUBLISHED", 50);
    const lecture = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", priceMemberOre: 100_000 });
    const placed = await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "LECTURE", lectureIds: [lecture.id] });
    const payment = await payCard(placed.orderId);
    await cancelSession(admin, { kind: "lecture", workshopId: w.id, sessionId: lecture.id }, new Date("2031-09-25T08:00:00Z"));
    const booking = await db.booking.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect((await db.refund.findUniqueOrThrow({ where: { bookingId: booking.id } })).amountOre).toBe(payment.amountOre);
  });

  it("cancels a gathering without ending the package bookings; a draft cannot be cancelled", async () => {
    const w = await workshop();
    const g = await makeGathering(db, { workshopId: w.id, venueId: ids.venue, date: "2031-09-11" });
    const pkg = await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "PACKAGE" });
    await cancelSession(admin, { kind: "gathering", workshopId: w.id, sessionId: g.id }, later(5));
    expect((await db.gathering.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("CANCELLED");
    expect((await db.booking.findFirstOrThrow({ where: { orderId: pkg.orderId } })).activeSessionKey).toBe(`P:${w.id}`);
    const draft = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", status: "DRAFT" });
    const refused = await callForResult(cancelSessionAction, { kind: "lecture", workshopId: w.id, sessionId: draft.id });
    expect(!refused.ok && refused.code).toBe("CONFLICT");
  });
});

describe("deleting", () => {
  it("deletes a session nobody booked; refuses one with bookings (even cancelled) and says to cancel it", async () => {
    const w = await workshop();
    const empty = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02", status: "DRAFT" });
    const result = await callForResult(deleteSessionAction, { kind: "lecture", workshopId: w.id, sessionId: empty.id });
    expect(result.ok).toBe(true);
    expect(await db.lecture.findUnique({ where: { id: empty.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "lecture.deleted", entityId: empty.id } })).toBe(1);

    const booked = await makeLecture(db, { workshopId: w.id, venueId: ids.venue, lecturerId: ids.lecturer, date: "2031-10-02" });
    await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "LECTURE", lectureIds: [booked.id] });
    const before = await marks(w.id);
    const refused = await callForResult(deleteSessionAction, { kind: "lecture", workshopId: w.id, sessionId: booked.id });
    expect(!refused.ok && refused.code).toBe("CONFLICT");
    expect(!refused.ok && refused.fieldErrors?._form?.[0]).toMatch(/Ställ in det i stället/);
    expect(await marks(w.id)).toEqual(before);

    // A published gathering holds the package participants' seats: not deletable either.
    const g = await makeGathering(db, { workshopId: w.id, venueId: ids.venue, date: "2031-09-11" });
    await book(await person(["PARTICIPANT"]), { workshopId: w.id, kind: "PACKAGE" });
    expect((await failure(deleteSession(admin, { kind: "gathering", workshopId: w.id, sessionId: g.id }, now))).code).toBe("CONFLICT");
  });
});
