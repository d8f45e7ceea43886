/**
 * The admin's workshop editor against the database: rules refused with translated field errors and
 * nothing written, publishing makes a workshop and its draft sessions public (pages, lecture page,
 * booking options) and a draft never is, unpublishing and deleting refused while people are booked,
 * next year's copy with every session at the same Stockholm wall-clock time across DST, venues and
 * lecturers deleted only when unused, the audit rows, and non-admins refused.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  createVenueAction,
  createWorkshopAction,
  deleteLecturerAction,
  deleteWorkshopAction,
  duplicateWorkshopAction,
  publishWorkshopAction,
  unpublishWorkshopAction,
  updateVenueAction,
  updateWorkshopAction,
} from "@/app/_actions/calendar-admin";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addDays, dateColumnToLocalDate, stockholmToInstant, toStockholmDate, toStockholmTime } from "@/lib/domain/time";
import type { Role } from "@/lib/generated/prisma/enums";
import { createLecturer } from "@/lib/server/calendar/create-lecturer";
import { createVenue } from "@/lib/server/calendar/create-venue";
import { createWorkshop, type CreateWorkshopInput } from "@/lib/server/calendar/create-workshop";
import { deleteLecturer } from "@/lib/server/calendar/delete-lecturer";
import { deleteVenue } from "@/lib/server/calendar/delete-venue";
import { deleteWorkshop } from "@/lib/server/calendar/delete-workshop";
import { duplicateWorkshopAsNextYear } from "@/lib/server/calendar/duplicate-workshop";
import { findPublicSessions } from "@/lib/server/calendar/find-sessions";
import { getPublishedLecture } from "@/lib/server/calendar/get-lecture";
import { getPublishedWorkshop } from "@/lib/server/calendar/get-workshop";
import { getWorkshopForEditing } from "@/lib/server/calendar/get-workshop-for-editing";
import { getWorkshopPreview } from "@/lib/server/calendar/get-workshop-preview";
import { listLecturers } from "@/lib/server/calendar/list-lecturers";
import { listVenues } from "@/lib/server/calendar/list-venues";
import { listWorkshopsForAdmin } from "@/lib/server/calendar/list-workshops-for-admin";
import { publishWorkshop } from "@/lib/server/calendar/publish-workshop";
import { unpublishWorkshop } from "@/lib/server/calendar/unpublish-workshop";
import { updateLecturer } from "@/lib/server/calendar/update-lecturer";
import { updateWorkshop } from "@/lib/server/calendar/update-workshop";
import { getBookingOptions } from "@/lib/server/enrollment/get-booking-options";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer as makeLecturer,
  createOrganiser,
  createUser,
  createVenue as makeVenue,
  createWorkshop as makeWorkshop,
} from "@/tests/factories";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

// Monday 3 March 2031, 10:00 Stockholm time.
const now = new Date("2031-03-03T09:00:00Z");

beforeEach(() => signInAs(null));

function sessionUser(user: { id: string; email: string }, roles: Role[]): SessionUser {
  return { id: user.id, email: user.email, name: "Test", title: null, locale: "sv", organisationId: null, organisationName: null, roles, profileComplete: true };
}

async function admin() {
  const user = await createUser(db, { roles: ["ADMIN"], locale: "sv" });
  return { user, me: sessionUser(user, ["ADMIN"]) };
}

let slugCounter = 0;
async function validInput(overrides: Partial<CreateWorkshopInput> = {}): Promise<CreateWorkshopInput> {
  const organiser = await createOrganiser(db);
  slugCounter += 1;
  return {
    title: "Förbättringsverkstad 2031/32",
    summary: "Ett halvår av lärande och stöd.",
    description: "Samlingar och föreläsningar.\n\nHandledning och uppföljning.",
    edition: "2031/32",
    slug: `verkstad-${slugCounter}-2031-32`,
    organiserId: organiser.id,
    startsOn: "2031-09-11",
    endsOn: "2032-03-25",
    pmDeadline: "2031-09-05",
    cancellationDeadline: "2031-09-01",
    followUpOn: "2032-09-23",
    supervisionMonths: 5,
    noPmPolicy: "KEEP_AS_PACKAGE",
    holdMinutes: 30,
    waitlistOfferHours: 48,
    packageCapacity: 30,
    packagePriceMemberOre: 1_200_000,
    packagePriceNonMemberOre: 1_600_000,
    packageVatRateBp: 0,
    consolidatedInvoicing: false,
    lateCancellationRefundPercent: 0,
    ...overrides,
  };
}

/** The action's input as the admin's form sends it: strings, prices in kronor. */
function asForm(input: CreateWorkshopInput): Record<string, string> {
  const { packagePriceMemberOre, packagePriceNonMemberOre, followUpOn, consolidatedInvoicing, ...rest } = input;
  const form: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) form[k] = String(v);
  form.packagePriceMemberKr = (packagePriceMemberOre / 100).toLocaleString("sv-SE");
  form.packagePriceNonMemberKr = (packagePriceNonMemberOre / 100).toLocaleString("sv-SE");
  form.followUpOn = followUpOn ?? "";
  if (consolidatedInvoicing) form.consolidatedInvoicing = "on";
  return form;
}

async function counts() {
  const [workshops, audits, gatherings, lectures, venues, lecturers] = await Promise.all([
    db.workshop.count(),
    db.auditEvent.count(),
    db.gathering.count(),
    db.lecture.count(),
    db.venue.count(),
    db.lecturer.count(),
  ]);
  return { workshops, audits, gatherings, lectures, venues, lecturers };
}

/** A draft workshop with one gathering and one lecture, both drafts. */
async function draftWorkshop(me: SessionUser, overrides: Partial<CreateWorkshopInput> = {}) {
  const { workshopId, slug } = await createWorkshop(me, await validInput(overrides), now);
  const venue = await makeVenue(db);
  const lecturer = await makeLecturer(db);
  const gathering = await createGathering(db, { workshopId, venueId: venue.id, number: 1, date: "2031-09-11", status: "DRAFT" });
  const lecture = await createLecture(db, { workshopId, venueId: venue.id, lecturerId: lecturer.id, date: "2031-10-02", status: "DRAFT", slug: "malbilder" });
  return { workshopId, slug, gathering, lecture, venue, lecturer };
}

describe("creating and editing a workshop", () => {
  it("creates a draft through the action from the form's strings, prices in kronor, audited", async () => {
    const { user } = await admin();
    signInAs(user);
    const input = await validInput({ packagePriceMemberOre: 1_250_050, consolidatedInvoicing: true, lateCancellationRefundPercent: 50 });
    const result = await callForResult(createWorkshopAction, asForm(input));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.workshop.findUniqueOrThrow({ where: { id: result.data.workshopId } });
    expect(row).toMatchObject({
      status: "DRAFT",
      publishedAt: null,
      packagePriceMemberOre: 1_250_050,
      packagePriceNonMemberOre: 1_600_000,
      consolidatedInvoicing: true,
      lateCancellationRefundPercent: 50,
      description: "Samlingar och föreläsningar.\n\nHandledning och uppföljning.",
    });
    expect(dateColumnToLocalDate(row.pmDeadline)).toBe("2031-09-05");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id } });
    expect(audit).toMatchObject({ action: "workshop.created", entityType: "Workshop", actorId: user.id });
    expect(await getPublishedWorkshop(row.slug)).toBeNull();
  });

  it("refuses end before start, a deadline after the start and a negative price with translated field errors, writing nothing", async () => {
    const { user } = await admin();
    signInAs(user);
    const input = await validInput({ endsOn: "2031-09-01", pmDeadline: "2031-09-20", packagePriceNonMemberOre: -10_000 });
    const before = await counts();
    const result = await callForResult(createWorkshopAction, asForm(input));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID_INPUT");
    expect(result.fieldErrors).toEqual({
      endsOn: ["Sista dagen kan inte vara före första dagen (2031-09-11)."],
      pmDeadline: ["Datumet måste vara före den första dagen med en samling eller föreläsning (2031-09-11)."],
      packagePriceNonMemberOre: ["Priset kan inte vara lägre än 0 kronor."],
    });
    expect(await counts()).toEqual(before);
  });

  it("answers in English for an English-speaking admin, and refuses a VAT rate that is not Swedish", async () => {
    const user = await createUser(db, { roles: ["ADMIN"], locale: "en" });
    signInAs(user);
    const result = await callForResult(createWorkshopAction, { ...asForm(await validInput()), packageVatRateBp: "700", holdMinutes: "abc" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The shape of a field is checked first (zod); the rules between fields only once every field is a value.
    expect(result.fieldErrors).toEqual({ holdMinutes: ["Write a number in digits."] });
    const second = await callForResult(createWorkshopAction, { ...asForm(await validInput()), packageVatRateBp: "700" });
    expect(second.ok === false && second.fieldErrors).toEqual({ packageVatRateBp: ["Choose one of the VAT rates 0, 6, 12 or 25 per cent."] });
  });

  it("refuses a slug another workshop has, on the slug field", async () => {
    const { me } = await admin();
    const first = await createWorkshop(me, await validInput(), now);
    await expect(createWorkshop(me, await validInput({ slug: first.slug }), now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { slug: ["slugTaken"] },
    });
  });

  it("refuses a package capacity below the seats taken and a deadline after the first (draft) session, writing nothing", async () => {
    const { user, me } = await admin();
    const { workshopId } = await draftWorkshop(me);
    await db.workshop.update({ where: { id: workshopId }, data: { packageSeatsTaken: 12 } });
    const current = await getWorkshopForEditing(me, workshopId);
    signInAs(user);
    const before = await counts();
    const result = await callForResult(updateWorkshopAction, {
      ...asForm({ ...current.values, packageCapacity: 11, startsOn: "2031-08-01", cancellationDeadline: "2031-09-11" }),
      workshopId,
    });
    expect(result.ok === false && result.code).toBe("INVALID_INPUT");
    expect(result.ok === false && result.fieldErrors).toEqual({
      packageCapacity: ["12 platser är redan bokade. Antalet platser kan inte vara lägre än så."],
      // Moving the start to 1 August puts both deadlines (5 September, 11 September) after it.
      pmDeadline: ["Datumet måste vara före den första dagen med en samling eller föreläsning (2031-08-01)."],
      cancellationDeadline: ["Datumet måste vara före den första dagen med en samling eller föreläsning (2031-08-01)."],
    });
    expect(await counts()).toEqual(before);
    const row = await db.workshop.findUniqueOrThrow({ where: { id: workshopId } });
    expect(row.packageCapacity).toBe(30);
  });

  it("changes the billing settings, policy, deadlines and prices, audited with before and after", async () => {
    const { me } = await admin();
    const { workshopId } = await draftWorkshop(me);
    const { values } = await getWorkshopForEditing(me, workshopId);
    const changes = {
      consolidatedInvoicing: true,
      lateCancellationRefundPercent: 25,
      noPmPolicy: "RELEASE_SEAT",
      pmDeadline: "2031-09-08",
      followUpOn: "2032-10-07",
      supervisionMonths: 6,
      packagePriceMemberOre: 1_300_000,
      packageVatRateBp: 2500,
    } as const;
    const result = await updateWorkshop(me, { ...values, workshopId, ...changes }, now, { requestId: "req-1" });
    expect(result).toMatchObject({ changed: true });
    const after = await getWorkshopForEditing(me, workshopId);
    expect(after.values).toMatchObject(changes);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: workshopId, action: "workshop.updated" } });
    expect(audit.requestId).toBe("req-1");
    expect(audit.before).toMatchObject({ consolidatedInvoicing: false, noPmPolicy: "KEEP_AS_PACKAGE", pmDeadline: "2031-09-05" });
    expect(audit.after).toMatchObject({ consolidatedInvoicing: true, noPmPolicy: "RELEASE_SEAT", pmDeadline: "2031-09-08" });
    // Saving the same values again changes nothing and writes no audit row.
    expect(await updateWorkshop(me, { ...after.values, workshopId }, now)).toMatchObject({ changed: false });
    expect(await db.auditEvent.count({ where: { entityId: workshopId, action: "workshop.updated" } })).toBe(1);
  });
});

describe("publishing", () => {
  it("keeps a draft out of every public read, and publishing shows the workshop and its sessions", async () => {
    const { user, me } = await admin();
    const { workshopId, slug, lecture, gathering } = await draftWorkshop(me);
    const participant = sessionUser(await createUser(db), ["PARTICIPANT"]);

    expect(await getPublishedWorkshop(slug)).toBeNull();
    expect((await findPublicSessions({ workshopSlug: slug })).length).toBe(0);
    expect(await getPublishedLecture(slug, "malbilder")).toBeNull();
    expect(await getBookingOptions(participant, slug, now)).toBeNull();
    // The preview shows the drafts as they will look.
    const preview = await getWorkshopPreview(me, workshopId);
    expect(preview.draftSessions).toBe(2);
    expect(preview.workshop.lectures.map((l) => [l.id, l.status])).toEqual([[lecture.id, "PUBLISHED"]]);
    expect(preview.workshop.gatherings.map((g) => [g.id, g.status])).toEqual([[gathering.id, "PUBLISHED"]]);

    signInAs(user);
    const result = await callForResult(publishWorkshopAction, { workshopId });
    expect(result).toMatchObject({ ok: true, data: { changed: true, sessionsPublished: 2 } });

    const published = await getPublishedWorkshop(slug);
    expect(published?.lectures.map((l) => l.id)).toEqual([lecture.id]);
    expect(published?.gatherings.map((g) => g.id)).toEqual([gathering.id]);
    // What the preview showed is what the public page now shows.
    expect(published).toEqual(preview.workshop);
    expect((await findPublicSessions({ workshopSlug: slug })).length).toBe(2);
    expect(await getPublishedLecture(slug, "malbilder")).not.toBeNull();
    expect((await getBookingOptions(participant, slug, now))?.lectures.map((l) => l.id)).toEqual([lecture.id]);
    const row = await db.workshop.findUniqueOrThrow({ where: { id: workshopId } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.publishedAt).not.toBeNull();
    expect(await db.auditEvent.findFirst({ where: { entityId: workshopId, action: "workshop.published", actorId: user.id } })).not.toBeNull();

    // Publishing again changes nothing.
    expect(await publishWorkshop(me, { workshopId }, now)).toEqual({ changed: false, sessionsPublished: 0 });
  });

  it("leaves a cancelled session cancelled when publishing", async () => {
    const { me } = await admin();
    const { workshopId, slug, venue } = await draftWorkshop(me);
    const cancelled = await createGathering(db, { workshopId, venueId: venue.id, number: 2, date: "2031-10-09", status: "CANCELLED" });
    await publishWorkshop(me, { workshopId }, now);
    const published = await getPublishedWorkshop(slug);
    expect(published?.gatherings.find((g) => g.id === cancelled.id)?.status).toBe("CANCELLED");
  });

  it("refuses a workshop without sessions, with the reason", async () => {
    const { user, me } = await admin();
    const { workshopId } = await createWorkshop(me, await validInput(), now);
    signInAs(user);
    const result = await callForResult(publishWorkshopAction, { workshopId });
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { _form: ["Verkstaden har inga samlingar eller föreläsningar än. Lägg till minst en innan du publicerar."] },
    });
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshopId } })).status).toBe("DRAFT");
  });

  it("refuses settings that a session added later breaks (a deadline after the first session)", async () => {
    const { me } = await admin();
    const { workshopId, venue } = await draftWorkshop(me);
    await createGathering(db, { workshopId, venueId: venue.id, number: 9, date: "2031-09-02", status: "DRAFT" });
    await expect(publishWorkshop(me, { workshopId }, now)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["workshopSettingsInvalid"] } });
    expect(await db.gathering.count({ where: { workshopId, status: "PUBLISHED" } })).toBe(0);
  });

  it("unpublishes back to a draft when nobody is booked, and refuses while someone is booked or queued", async () => {
    const { user, me } = await admin();
    const { workshopId, slug, lecture } = await draftWorkshop(me);
    await publishWorkshop(me, { workshopId }, now);

    const participant = await createUser(db);
    const booking = await createBooking(db, { kind: "LECTURE", workshopId, lectureId: lecture.id, participantId: participant.id });
    signInAs(user);
    const refused = await callForResult(unpublishWorkshopAction, { workshopId });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(refused.ok === false && refused.fieldErrors?._form?.[0]).toContain("1 bokning och ingen i kö");
    expect(await getPublishedWorkshop(slug)).not.toBeNull();

    // A cancelled booking no longer blocks, a live waiting-list place does.
    await db.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", activeSessionKey: null } });
    const waiting = await db.waitlistEntry.create({
      data: { kind: "LECTURE", workshopId, lectureId: lecture.id, participantId: participant.id, addedById: participant.id, activeSessionKey: `L:${lecture.id}` },
    });
    await expect(unpublishWorkshop(me, { workshopId }, now)).rejects.toMatchObject({ code: "CONFLICT" });
    await db.waitlistEntry.update({ where: { id: waiting.id }, data: { status: "CANCELLED", activeSessionKey: null } });

    expect(await unpublishWorkshop(me, { workshopId }, now)).toEqual({ changed: true });
    expect(await getPublishedWorkshop(slug)).toBeNull();
    expect(await getPublishedLecture(slug, "malbilder")).toBeNull();
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshopId } })).status).toBe("DRAFT");
    expect(await db.auditEvent.count({ where: { entityId: workshopId, action: "workshop.unpublished" } })).toBe(1);
  });
});

describe("deleting", () => {
  it("refuses a workshop anyone ever booked (cancelled too), telling to cancel the sessions instead", async () => {
    const { user, me } = await admin();
    const { workshopId, lecture } = await draftWorkshop(me);
    await publishWorkshop(me, { workshopId }, now);
    const participant = await createUser(db);
    await createBooking(db, { kind: "LECTURE", workshopId, lectureId: lecture.id, participantId: participant.id, status: "CANCELLED" });
    signInAs(user);
    const before = await counts();
    const result = await callForResult(deleteWorkshopAction, { workshopId });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(result.ok === false && result.fieldErrors?._form?.[0]).toContain("Ställ in samlingarna och föreläsningarna i stället");
    expect(await counts()).toEqual(before);
  });

  it("deletes an unbooked workshop with its sessions, audited", async () => {
    const { user, me } = await admin();
    const { workshopId } = await draftWorkshop(me);
    signInAs(user);
    expect(await callForResult(deleteWorkshopAction, { workshopId })).toMatchObject({ ok: true });
    expect(await db.workshop.findUnique({ where: { id: workshopId } })).toBeNull();
    expect(await db.gathering.count({ where: { workshopId } })).toBe(0);
    expect(await db.lecture.count({ where: { workshopId } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: workshopId, action: "workshop.deleted" } });
    expect(audit.before).toMatchObject({ title: "Förbättringsverkstad 2031/32" });
    await expect(deleteWorkshop(me, { workshopId }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("duplicate as next year", () => {
  /** Stockholm date and wall-clock time. */
  const wall = (d: Date) => `${toStockholmDate(d)} ${toStockholmTime(d)}`;

  it("copies every setting and session as a draft, 52 weeks on, at the same Stockholm time across DST", async () => {
    const { user, me } = await admin();
    const { workshopId } = await createWorkshop(me, await validInput({ slug: "verkstad-2031-32", consolidatedInvoicing: true, lateCancellationRefundPercent: 40 }), now);
    const venue = await makeVenue(db);
    const lecturer = await makeLecturer(db);
    // Summer time (UTC+2) → summer time.
    const g1 = await createGathering(db, { workshopId, venueId: venue.id, number: 1, date: "2031-09-11", from: "09:00", to: "16:00", capacity: 35 });
    // Winter time on 27 October 2031 (after the 26th) → summer time on 25 October 2032 (before the 31st).
    const l1 = await createLecture(db, { workshopId, venueId: venue.id, lecturerId: lecturer.id, slug: "hosten", date: "2031-10-27", from: "09:00", to: "12:00" });
    // Late evening, winter → summer: a fixed 364 × 24 h would land after midnight, on the next day.
    const l2 = await createLecture(db, { workshopId, venueId: venue.id, lecturerId: lecturer.id, slug: "kvall", date: "2031-10-31", from: "21:00", to: "23:30" });
    // Winter → winter, the example from the spring: Friday 28 March.
    const l3 = await createLecture(db, { workshopId, venueId: venue.id, lecturerId: lecturer.id, slug: "varen", date: "2032-03-26", from: "09:00", to: "12:00", priceMemberOre: 210_000, vatRateBp: 600 });
    const cancelled = await createGathering(db, { workshopId, venueId: venue.id, number: 2, date: "2031-11-06", status: "CANCELLED" });
    // The original has bookings, seats taken and a raised sequence: none of it comes along.
    await db.workshop.update({ where: { id: workshopId }, data: { status: "PUBLISHED", publishedAt: now } });
    await db.lecture.update({ where: { id: l1.id }, data: { sequence: 3 } });
    const participant = await createUser(db);
    await createBooking(db, { kind: "PACKAGE", workshopId, participantId: participant.id });
    await createBooking(db, { kind: "LECTURE", workshopId, lectureId: l3.id, participantId: (await createUser(db)).id });

    signInAs(user);
    const result = await callForResult(duplicateWorkshopAction, { workshopId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ slug: "verkstad-2032-33", edition: "2032/33", gatherings: 1, lectures: 3 });

    const copy = await db.workshop.findUniqueOrThrow({
      where: { id: result.data.workshopId },
      include: { gatherings: true, lectures: { orderBy: { startsAt: "asc" } }, bookings: true, waitlistEntries: true, orders: true },
    });
    expect(copy).toMatchObject({
      status: "DRAFT",
      publishedAt: null,
      title: "Förbättringsverkstad 2032/33",
      edition: "2032/33",
      packageSeatsTaken: 0,
      packageCapacity: 30,
      consolidatedInvoicing: true,
      lateCancellationRefundPercent: 40,
      bookings: [],
      waitlistEntries: [],
      orders: [],
    });
    expect([copy.startsOn, copy.endsOn, copy.pmDeadline, copy.cancellationDeadline, copy.followUpOn].map((d) => d && dateColumnToLocalDate(d))).toEqual([
      addDays("2031-09-11", 364),
      addDays("2032-03-25", 364),
      "2032-09-03",
      "2032-08-30",
      "2033-09-22",
    ]);

    expect(copy.gatherings.map((g) => [g.number, wall(g.startsAt), wall(g.endsAt), g.capacity, g.seatsTaken, g.status, g.sequence])).toEqual([
      [1, "2032-09-09 09:00", "2032-09-09 16:00", 35, 0, "DRAFT", 0],
    ]);
    expect(copy.gatherings.some((g) => g.number === cancelled.number)).toBe(false);
    expect(copy.lectures.map((l) => [l.slug, wall(l.startsAt), wall(l.endsAt), l.seatsTaken, l.status, l.sequence])).toEqual([
      ["hosten", "2032-10-25 09:00", "2032-10-25 12:00", 0, "DRAFT", 0],
      ["kvall", "2032-10-29 21:00", "2032-10-29 23:30", 0, "DRAFT", 0],
      ["varen", "2033-03-25 09:00", "2033-03-25 12:00", 0, "DRAFT", 0],
    ]);
    // Across the change of offset the instant moves by 364 days less one hour, so the clock stays.
    const hosten = copy.lectures[0]!;
    expect(hosten.startsAt.getTime() - l1.startsAt.getTime()).toBe((364 * 24 - 1) * 3_600_000);
    expect(hosten.startsAt.toISOString()).toBe("2032-10-25T07:00:00.000Z");
    expect(copy.lectures[1]!.endsAt.toISOString()).toBe("2032-10-29T21:30:00.000Z");
    expect(copy.lectures[2]).toMatchObject({ priceMemberOre: 210_000, vatRateBp: 600, lecturerId: lecturer.id, venueId: venue.id });
    expect(g1.startsAt.getTime()).toBeLessThan(copy.gatherings[0]!.startsAt.getTime());
    void l2;

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: copy.id, action: "workshop.duplicated" } });
    expect(audit.after).toMatchObject({ copiedFrom: workshopId, days: 364, lectures: 3, gatherings: 1 });
    // The copy is a draft: nothing of it is public.
    expect(await getPublishedWorkshop(copy.slug)).toBeNull();
    // A second copy of the same edition gets a slug of its own.
    expect(await duplicateWorkshopAsNextYear(me, { workshopId }, now)).toMatchObject({ slug: "verkstad-2032-33-2" });
  });

  it("shifts spring sessions across the start of summer time with another number of days", async () => {
    const { me } = await admin();
    const { workshopId } = await createWorkshop(me, await validInput({ startsOn: "2031-03-20", endsOn: "2031-04-30", pmDeadline: "2031-03-10", cancellationDeadline: "2031-03-10", followUpOn: null }), now);
    const venue = await makeVenue(db);
    await createGathering(db, { workshopId, venueId: venue.id, number: 1, date: "2031-03-28", from: "09:00", to: "16:00" });
    const copy = await duplicateWorkshopAsNextYear(me, { workshopId, days: 7, edition: "Våren 2031 B", slug: "varen-b" }, now);
    const g = await db.gathering.findFirstOrThrow({ where: { workshopId: copy.workshopId } });
    // Friday 28 March 09:00 (UTC+1) → Friday 4 April 09:00 (UTC+2).
    expect(wall(g.startsAt)).toBe("2031-04-04 09:00");
    expect(g.startsAt.toISOString()).toBe("2031-04-04T07:00:00.000Z");
    expect(stockholmToInstant("2031-03-28", "09:00").toISOString()).toBe("2031-03-28T08:00:00.000Z");
  });

  it("asks for the edition when the old one has no year, and refuses a slug in use", async () => {
    const { me } = await admin();
    const { workshopId, slug } = await createWorkshop(me, await validInput({ edition: "Hösten", slug: "hosten" }), now);
    await expect(duplicateWorkshopAsNextYear(me, { workshopId }, now)).rejects.toMatchObject({ fieldErrors: { edition: ["editionNeeded"] } });
    await expect(duplicateWorkshopAsNextYear(me, { workshopId, edition: "Hösten 2032", slug }, now)).rejects.toMatchObject({
      fieldErrors: { slug: ["slugTaken"] },
    });
  });
});

describe("venues and lecturers", () => {
  it("creates a venue with an https map link only, and deletes it only while unused", async () => {
    const { user, me } = await admin();
    signInAs(user);
    const bad = await callForResult(createVenueAction, {
      name: "Navet",
      streetAddress: "Sandwalls plats 1",
      postalCode: "50336",
      city: "Borås",
      mapUrl: "http://kartor.example.se/navet",
      accessibilityNotes: "",
    });
    expect(bad.ok === false && bad.fieldErrors).toEqual({
      mapUrl: ["Skriv en hel webbadress som börjar med https://, till exempel https://kartor.se/plats."],
    });
    const good = await callForResult(createVenueAction, {
      name: "Navet",
      streetAddress: "Sandwalls plats 1",
      postalCode: "50336",
      city: "Borås",
      mapUrl: "https://kartor.example.se/navet",
      accessibilityNotes: "Hiss till alla våningar.\nHörslinga i stora salen.",
    });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const venue = await db.venue.findUniqueOrThrow({ where: { id: good.data.venueId } });
    expect(venue).toMatchObject({ postalCode: "503 36", accessibilityNotes: "Hiss till alla våningar.\nHörslinga i stora salen." });

    const updated = await callForResult(updateVenueAction, { venueId: venue.id, name: "Navet", streetAddress: "Sandwalls plats 1", postalCode: "503 36", city: "Borås", mapUrl: "" });
    expect(updated).toMatchObject({ ok: true, data: { changed: true } });
    expect((await db.venue.findUniqueOrThrow({ where: { id: venue.id } })).mapUrl).toBeNull();

    const organiser = await createOrganiser(db);
    const workshop = await makeWorkshop(db, { organiserId: organiser.id });
    await createGathering(db, { workshopId: workshop.id, venueId: venue.id });
    await expect(deleteVenue(me, { venueId: venue.id }, now)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: [{ key: "venueInUse", params: { count: 1 } }] } });
    expect((await listVenues(me)).find((v) => v.id === venue.id)?.sessions).toBe(1);

    const unused = await createVenue(me, { name: "Tomma salen", streetAddress: "Gatan 1", postalCode: "503 30", city: "Borås", accessibilityNotes: null, mapUrl: null }, now);
    await deleteVenue(me, { venueId: unused.venueId }, now);
    expect(await db.venue.findUnique({ where: { id: unused.venueId } })).toBeNull();
    expect(await db.auditEvent.findMany({ where: { entityType: "Venue", entityId: { in: [venue.id, unused.venueId] } }, select: { action: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { action: "venue.created" },
      { action: "venue.updated" },
      { action: "venue.created" },
      { action: "venue.deleted" },
    ]);
  });

  it("changes a lecturer and deletes one only while no lecture names them", async () => {
    const { user, me } = await admin();
    const { lecturerId } = await createLecturer(me, { name: "Eva Ek", affiliation: "Högskolan i Borås", bio: null }, now);
    await updateLecturer(me, { lecturerId, name: "Eva Ek", affiliation: null, bio: "Forskar om förbättringsarbete." }, now);
    expect(await db.lecturer.findUniqueOrThrow({ where: { id: lecturerId } })).toMatchObject({ affiliation: null, bio: "Forskar om förbättringsarbete." });

    const organiser = await createOrganiser(db);
    const workshop = await makeWorkshop(db, { organiserId: organiser.id });
    const venue = await makeVenue(db);
    const lecture = await createLecture(db, { workshopId: workshop.id, venueId: venue.id, lecturerId });
    signInAs(user);
    const refused = await callForResult(deleteLecturerAction, { lecturerId });
    expect(refused.ok === false && refused.fieldErrors?._form).toEqual([
      "Föreläsaren kan inte tas bort, för 1 föreläsning har personen som föreläsare. Byt föreläsare på dem först.",
    ]);
    await db.lecture.delete({ where: { id: lecture.id } });
    expect(await callForResult(deleteLecturerAction, { lecturerId })).toMatchObject({ ok: true });
    expect((await listLecturers(me)).some((l) => l.id === lecturerId)).toBe(false);
    await expect(deleteLecturer(me, { lecturerId }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("who may edit", () => {
  it("refuses non-admins at the action and in the use case, and signed-out callers", async () => {
    const { me } = await admin();
    const { workshopId } = await draftWorkshop(me);
    const before = await counts();
    for (const role of ["COORDINATOR", "PARTICIPANT", "ORDERER", "SUPERVISOR"] as const) {
      const person = await createUser(db, { roles: [role] });
      signInAs(person);
      expect(await callForResult(publishWorkshopAction, { workshopId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await callForResult(createWorkshopAction, asForm(await validInput()))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const asThem = sessionUser(person, [role]);
      await expect(publishWorkshop(asThem, { workshopId }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteWorkshop(asThem, { workshopId }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(duplicateWorkshopAsNextYear(asThem, { workshopId }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getWorkshopPreview(asThem, workshopId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listWorkshopsForAdmin(asThem)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createVenue(asThem, { name: "X", streetAddress: "Y", postalCode: "503 30", city: "Z", accessibilityNotes: null, mapUrl: null }, now)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    signInAs(null);
    expect(await callForResult(deleteWorkshopAction, { workshopId })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const after = await counts();
    // Only the four people were added (users are not counted here); nothing else was written.
    expect(after).toEqual(before);
  });

  it("lists workshops with their counts for the admin", async () => {
    const { me } = await admin();
    const { workshopId, lecture } = await draftWorkshop(me);
    await publishWorkshop(me, { workshopId }, now);
    await createBooking(db, { kind: "LECTURE", workshopId, lectureId: lecture.id, participantId: (await createUser(db)).id });
    const row = (await listWorkshopsForAdmin(me)).find((w) => w.id === workshopId);
    expect(row).toMatchObject({ status: "PUBLISHED", sessions: 2, draftSessions: 0, bookings: 1 });
    const editing = await getWorkshopForEditing(me, workshopId);
    expect(editing).toMatchObject({ canPublish: false, canUnpublish: false, canDelete: false, counts: { activeBookings: 1 } });
  });
});
