/**
 * "My bookings" and "My staff": who sees which bookings and waiting-list places; the calendar
 * download route (owner, booker, coordinator/admin; 404 for everyone else); and booking e-mails
 * that carry the .ics, delivered over real SMTP and parsed with an independent iCal parser.
 */
import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadCalendar } from "@/app/api/calendar/bookings/[bookingId]/route";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { bookingCalendarAttachment } from "@/lib/calendar-files/booking-calendar";
import { db, getDb } from "@/lib/db";
import { lectureKey } from "@/lib/domain/enrollment";
import { deliverDueEmails } from "@/lib/mail/deliver";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { listMyBookings } from "@/lib/server/enrollment/list-my-bookings";
import { listStaffBookings } from "@/lib/server/enrollment/list-staff-bookings";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
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
} from "@/tests/factories";
import { signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2026-11-23T10:00:00Z");

type Person = SessionUser;
let people: { anna: Person; bo: Person; olle: Person; loner: Person; sara: Person; ordererB: Person; coordinator: Person; lonelyOrderer: Person };
let w: { id: string; gatherings: string[]; lectures: string[] };
let ids: {
  annaLecture: string; annaPast: string; annaCancelled: string; annaExpired: string;
  boPackage: string; lonerPackage: string; saraLecture: string; lonelyBooked: string;
  waitAnna: string; offerAnna: string; waitBo: string; waitSara: string;
};

async function person(roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR")[], organisationId: string | null, name: string): Promise<Person> {
  const row = await createUser(db, { roles, organisationId, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@kommun.test` });
  return (await loadSessionUser(row.id))!;
}

async function book(user: Person, values: Record<string, unknown>) {
  return bookSessions(user, bookSessionsInput.parse({ idempotencyKey: randomUUID(), ...values }), now);
}

// ── SMTP: a server that keeps whole parsed messages, attachments included ──
let smtp: SMTPServer;
let smtpPort = 0;
const received: ParsedMail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => (received.push(mail), callback()), callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const address = smtp.server.address();
  smtpPort = typeof address === "object" && address ? address.port : 0;

  const organiser = await createOrganiser(db, { name: "FoU Sjuhärad Välfärd", email: "fou@sjuharad.test" });
  const venue = await createVenue(db, { name: "Navet", streetAddress: "Västerlånggatan 5", postalCode: "503 30", city: "Borås" });
  const lecturer = await createLecturer(db);
  const orgA = await createOrganisation(db, { type: "MEMBER_MUNICIPALITY" });
  const orgB = await createOrganisation(db, { type: "MEMBER_MUNICIPALITY" });
  people = {
    anna: await person(["PARTICIPANT"], orgA.id, "Anna Lind"),
    bo: await person(["PARTICIPANT"], orgA.id, "Bo Ek"),
    olle: await person(["ORDERER"], orgA.id, "Olle Chef"),
    loner: await person(["PARTICIPANT"], null, "Ludvig Utan"),
    sara: await person(["PARTICIPANT"], orgB.id, "Sara Annan"),
    ordererB: await person(["ORDERER"], orgB.id, "Berit Chef"),
    coordinator: await person(["COORDINATOR"], null, "Cecilia Samordnare"),
    lonelyOrderer: await person(["ORDERER"], null, "Olof Ensam"),
  };

  const workshop = await createWorkshop(db, { organiserId: organiser.id, title: "Förbättringsverkstad 2026/27", holdMinutes: 30 });
  const base = { workshopId: workshop.id, venueId: venue.id };
  const gatherings = [
    await createGathering(db, { ...base, date: "2027-01-14", title: "Samling 1: Uppstart" }),
    await createGathering(db, { ...base, date: "2027-03-11", title: "Samling 2" }),
  ];
  const lectures = [
    await createLecture(db, { ...base, lecturerId: lecturer.id, date: "2027-02-04", title: "Ledarskap i förändring", priceMemberOre: 190_000, vatRateBp: 2500 }),
    await createLecture(db, { ...base, lecturerId: lecturer.id, date: "2027-04-08", title: "Att mäta förbättring" }),
  ];
  await createLecture(db, { ...base, lecturerId: lecturer.id, date: "2027-05-06", title: "Utkast", status: "DRAFT" });
  w = { id: workshop.id, gatherings: gatherings.map((g) => g.id), lectures: lectures.map((l) => l.id) };

  // Last year's edition and a waiting-list workshop.
  const old = await createWorkshop(db, { organiserId: organiser.id, title: "Förbättringsverkstad 2025/26", startsOn: "2026-01-15", endsOn: "2026-06-11", pmDeadline: "2026-01-08", cancellationDeadline: "2025-12-31" });
  const pastLecture = await createLecture(db, { workshopId: old.id, venueId: venue.id, lecturerId: lecturer.id, date: "2026-05-05", title: "Förra vårens föreläsning" });
  const queued = await createWorkshop(db, { organiserId: organiser.id, title: "Fullbokad verkstad" });
  const fullLecture = await createLecture(db, { workshopId: queued.id, venueId: venue.id, lecturerId: lecturer.id, date: "2027-02-18", title: "Fullbokad föreläsning" });
  const offeredLecture = await createLecture(db, { workshopId: queued.id, venueId: venue.id, lecturerId: lecturer.id, date: "2027-02-25", title: "Erbjuden föreläsning" });

  const annaBooking = await book(people.anna, { workshopId: w.id, kind: "LECTURE", lectureIds: [w.lectures[0]] });
  const staffOrder = await book(people.olle, { workshopId: w.id, kind: "PACKAGE", participantEmails: [people.bo.email, people.loner.email], includeSelf: false });
  const packageBookings = await db.booking.findMany({ where: { id: { in: staffOrder.bookingIds } }, select: { id: true, participantId: true } });
  const annaPast = await createBooking(db, { kind: "LECTURE", workshopId: old.id, lectureId: pastLecture.id, participantId: people.anna.id, status: "CONFIRMED" });
  const annaCancelled = await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: w.lectures[1], participantId: people.anna.id, status: "CANCELLED" });
  const annaExpired = await createBooking(db, {
    kind: "LECTURE", workshopId: w.id, lectureId: w.lectures[1], participantId: people.anna.id, status: "PENDING_PAYMENT", holdExpiresAt: new Date("2026-11-23T09:00:00Z"),
  });
  const saraLecture = await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: w.lectures[0], participantId: people.sara.id, status: "CONFIRMED" });
  const lonelyBooked = await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: w.lectures[1], participantId: people.sara.id, bookedById: people.lonelyOrderer.id, status: "CONFIRMED" });

  const wait = (participantId: string, lectureId: string, createdAt: string, extra: { status?: "WAITING" | "OFFERED"; offerExpiresAt?: Date; addedById?: string } = {}) =>
    db.waitlistEntry.create({
      data: {
        kind: "LECTURE", workshopId: queued.id, lectureId, participantId, addedById: extra.addedById ?? participantId, status: extra.status ?? "WAITING",
        activeSessionKey: lectureKey(lectureId), createdAt: new Date(createdAt),
        offeredAt: extra.status === "OFFERED" ? new Date("2026-11-22T10:00:00Z") : null, offerExpiresAt: extra.offerExpiresAt ?? null,
      },
    });
  const waitSara = await wait(people.sara.id, fullLecture.id, "2026-11-01T08:00:00Z");
  const waitAnna = await wait(people.anna.id, fullLecture.id, "2026-11-02T08:00:00Z");
  const waitBo = await wait(people.bo.id, fullLecture.id, "2026-11-03T08:00:00Z", { addedById: people.olle.id });
  const offerAnna = await wait(people.anna.id, offeredLecture.id, "2026-11-04T08:00:00Z", { status: "OFFERED", offerExpiresAt: new Date("2026-11-24T10:00:00Z") });

  ids = {
    annaLecture: annaBooking.bookingIds[0]!,
    annaPast: annaPast.id, annaCancelled: annaCancelled.id, annaExpired: annaExpired.id,
    boPackage: packageBookings.find((b) => b.participantId === people.bo.id)!.id,
    lonerPackage: packageBookings.find((b) => b.participantId === people.loner.id)!.id,
    saraLecture: saraLecture.id, lonelyBooked: lonelyBooked.id,
    waitAnna: waitAnna.id, offerAnna: offerAnna.id, waitBo: waitBo.id, waitSara: waitSara.id,
  };
});

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe("My bookings", () => {
  it("shows a person their own bookings only, each with its status in reading form", async () => {
    const { bookings } = await listMyBookings(people.anna.id, now);
    expect(bookings.map((b) => b.id).sort()).toEqual([ids.annaLecture, ids.annaPast, ids.annaCancelled, ids.annaExpired].sort());
    const byId = new Map(bookings.map((b) => [b.id, b]));
    expect(byId.get(ids.annaLecture)).toMatchObject({ status: "PENDING_PAYMENT", active: true, timing: "upcoming", title: "Ledarskap i förändring", bookedBy: null });
    expect(byId.get(ids.annaLecture)?.holdExpiresAt?.toISOString()).toBe("2026-11-23T10:30:00.000Z");
    // A held seat whose time ran out reads as expired, even before the release job has run.
    expect(byId.get(ids.annaExpired)).toMatchObject({ status: "EXPIRED", active: false });
    expect(byId.get(ids.annaCancelled)).toMatchObject({ status: "CANCELLED", active: false });
    expect(byId.get(ids.annaPast)).toMatchObject({ status: "CONFIRMED", timing: "past" });
    // The past comes last.
    expect(bookings.at(-1)?.id).toBe(ids.annaPast);
  });

  it("gives the order's reference and this booking's amount, VAT included", async () => {
    const { bookings } = await listMyBookings(people.anna.id, now);
    const lecture = bookings.find((b) => b.id === ids.annaLecture)!;
    expect(lecture.order?.reference).toMatch(/^VK-/);
    expect(lecture.amountInclVatOre).toBe(237_500); // 1 900 kr + 25 % VAT
    expect(lecture.sessions).toEqual([expect.objectContaining({ kind: "lecture", id: w.lectures[0], venueName: "Navet", venueCity: "Borås" })]);
  });

  it("lists a package with all its published gatherings and lectures in time order, and who booked it", async () => {
    const { bookings } = await listMyBookings(people.bo.id, now);
    expect(bookings.map((b) => b.id)).toEqual([ids.boPackage]);
    const pkg = bookings[0]!;
    expect(pkg).toMatchObject({ kind: "PACKAGE", title: "Förbättringsverkstad 2026/27", bookedBy: { id: people.olle.id } });
    expect(pkg.sessions.map((s) => s.id)).toEqual([w.gatherings[0], w.lectures[0], w.gatherings[1], w.lectures[1]]); // no draft
  });

  it("shows waiting-list places with the position among all who wait, and an offer with its expiry", async () => {
    const { waitlist } = await listMyBookings(people.anna.id, now);
    expect(waitlist.map((e) => [e.id, e.status, e.position])).toEqual([
      [ids.waitAnna, "WAITING", 2],
      [ids.offerAnna, "OFFERED", null],
    ]);
    expect(waitlist[1]?.offerExpiresAt?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
    expect((await listMyBookings(people.bo.id, now)).waitlist).toEqual([expect.objectContaining({ id: ids.waitBo, position: 3, addedBy: expect.objectContaining({ id: people.olle.id }) })]);
  });
});

describe("My staff", () => {
  it("shows an orderer their organisation's people and whom they booked, grouped by person, and no one else", async () => {
    const staff = await listStaffBookings(people.olle, now);
    expect(staff.map((m) => m.person.name)).toEqual(["Anna Lind", "Bo Ek", "Ludvig Utan"]);
    const bo = staff.find((m) => m.person.id === people.bo.id)!;
    expect(bo.bookings.map((b) => b.id)).toEqual([ids.boPackage]);
    expect(bo.waitlist.map((e) => e.id)).toEqual([ids.waitBo]);
    // Ludvig has no organisation, but Olle booked him.
    expect(staff.find((m) => m.person.id === people.loner.id)?.bookings.map((b) => b.id)).toEqual([ids.lonerPackage]);
    const all = staff.flatMap((m) => [...m.bookings.map((b) => b.id), ...m.waitlist.map((e) => e.id)]);
    expect(all).not.toContain(ids.saraLecture);
    expect(all).not.toContain(ids.waitSara);
  });

  it("shows another organisation's orderer only their own people", async () => {
    const staff = await listStaffBookings(people.ordererB, now);
    expect(staff.map((m) => m.person.id)).toEqual([people.sara.id]);
    expect(staff[0]?.bookings.map((b) => b.id).sort()).toEqual([ids.saraLecture, ids.lonelyBooked].sort());
  });

  it("shows an orderer without an organisation only what they booked", async () => {
    const staff = await listStaffBookings(people.lonelyOrderer, now);
    expect(staff.flatMap((m) => m.bookings.map((b) => b.id))).toEqual([ids.lonelyBooked]);
  });
});

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((v) => ({
      uid: String(v.getFirstPropertyValue("uid")),
      status: String(v.getFirstPropertyValue("status")),
      sequence: Number(v.getFirstPropertyValue("sequence")),
      start: new ICAL.Event(v).startDate.toJSDate().toISOString(),
      attendee: v.getFirstProperty("attendee") ? String(v.getFirstProperty("attendee")!.getFirstValue()).toLowerCase() : null,
    })),
  };
}

describe("the calendar download (GET /api/calendar/bookings/[bookingId])", () => {
  // The route judges holds by the real clock: keep the unpaid bookings' holds open while it runs.
  beforeAll(async () => {
    await db.booking.updateMany({
      where: { id: { in: [ids.boPackage, ids.annaLecture] }, status: "PENDING_PAYMENT" },
      data: { holdExpiresAt: new Date(Date.now() + 60 * 60_000) },
    });
  });

  const get = (bookingId: string, query = "") =>
    downloadCalendar(new Request(`http://localhost:3000/api/calendar/bookings/${bookingId}${query}`), { params: Promise.resolve({ bookingId }) });

  it("gives the participant a calendar file of their booking", async () => {
    signInAs(people.bo);
    const response = await get(ids.boPackage);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="verkstad-forbattringsverkstad-2026-27.ics"');
    const ics = parseIcs(await response.text());
    expect(ics.method).toBe("PUBLISH");
    expect(ics.events.map((e) => e.uid)).toEqual([
      `gathering-${w.gatherings[0]}@verkstad`, `lecture-${w.lectures[0]}@verkstad`, `gathering-${w.gatherings[1]}@verkstad`, `lecture-${w.lectures[1]}@verkstad`,
    ]);
    expect(ics.events[0]?.start).toBe("2027-01-14T08:00:00.000Z"); // 09:00 Stockholm, winter time
  });

  it("lets the orderer who booked it and coordinators download it too", async () => {
    signInAs(people.olle);
    expect((await get(ids.boPackage)).status).toBe(200);
    signInAs(people.coordinator);
    expect((await get(ids.saraLecture)).status).toBe(200);
  });

  it("answers 404 for a stranger's booking, for an orderer who did not book it, for an inactive booking and for a made-up id", async () => {
    signInAs(people.sara);
    expect((await get(ids.boPackage)).status).toBe(404);
    signInAs(people.olle);
    expect((await get(ids.annaLecture)).status).toBe(404); // Anna booked it herself
    signInAs(people.anna);
    expect((await get(ids.annaCancelled)).status).toBe(404);
    expect((await get(ids.annaExpired)).status).toBe(404);
    expect((await get("not-an-id")).status).toBe(404);
    expect((await get("c".repeat(25))).status).toBe(404);
  });

  it("answers 401 when nobody is signed in", async () => {
    signInAs(null);
    expect((await get(ids.annaLecture)).status).toBe(401);
  });

  it("writes the texts in the language asked for", async () => {
    signInAs(people.anna);
    const text = await (await get(ids.annaLecture, "?locale=en")).text();
    expect(text).toContain("Lecture in Förbättringsverkstad 2026/27.");
  });
});

describe("booking e-mails carry the calendar", () => {
  const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
  const options = { from: "Verkstad <noreply@verkstad.test>", appUrl: "http://localhost:3000" };

  function calendarPart(mail: ParsedMail) {
    const part = mail.attachments.find((a) => a.filename?.endsWith(".ics"));
    return part ? parseIcs(part.content.toString("utf8")) : null;
  }

  it("notes, in the booking transaction, only which bookings a colleague's e-mail is about", async () => {
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { template: "booked-by-colleague", toEmail: people.bo.email } });
    expect(queued.payload).toMatchObject({ calendarBookingIds: [ids.boPackage] });
    expect(queued.payload).not.toHaveProperty("calendar");
  });

  it("sends the booker and every colleague booked an e-mail; each participant's has their .ics invitation", async () => {
    received.length = 0;
    expect((await deliverDueEmails(getDb(), transport(), options)).failed).toBe(0);
    const to = (email: string) => received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(email)));

    // Anna booked a lecture for herself: pending payment, so the event is tentative.
    const [anna] = to(people.anna.email);
    expect(anna?.subject).toMatch(/^Vi har tagit emot din bokning VK-/);
    expect(anna?.text).toContain("torsdag 4 februari 2027 kl. 09.00–12.00: Ledarskap i förändring, Navet, Västerlånggatan 5, 503 30 Borås");
    expect(calendarPart(anna!)).toEqual({
      method: "REQUEST",
      events: [{ uid: `lecture-${w.lectures[0]}@verkstad`, status: "TENTATIVE", sequence: 0, start: "2027-02-04T08:00:00.000Z", attendee: `mailto:${people.anna.email}` }],
    });

    // Bo and Ludvig were booked by Olle: each gets the whole package as their own invitation.
    for (const colleague of [people.bo, people.loner]) {
      const [mail] = to(colleague.email);
      expect(mail?.subject).toBe("Du har blivit bokad till Förbättringsverkstad 2026/27");
      const ics = calendarPart(mail!);
      expect(ics?.method).toBe("REQUEST");
      expect(ics?.events).toHaveLength(4);
      expect(new Set(ics?.events.map((e) => e.attendee))).toEqual(new Set([`mailto:${colleague.email}`]));
    }

    // Olle attends nothing himself: his receipt lists the sessions but has no calendar.
    const [olle] = to(people.olle.email);
    expect(olle?.text).toContain("torsdag 14 januari 2027 kl. 09.00–16.00: Samling 1: Uppstart");
    expect(calendarPart(olle!)).toBeNull();
  });

  it("delivers a cancellation as METHOD:CANCEL with the same UID and a higher SEQUENCE", async () => {
    received.length = 0;
    await db.$transaction(async (tx) => {
      const calendar = await bookingCalendarAttachment(tx, [ids.saraLecture], { method: "CANCEL" });
      await enqueueEmail(tx, { to: people.sara.email, locale: "sv", template: "booking-cancelled", params: { workshop: "Förbättringsverkstad 2026/27" }, calendar });
    });
    expect(await deliverDueEmails(getDb(), transport(), options)).toEqual({ sent: 1, failed: 0 });
    const mail = received[0]!;
    expect(mail.subject).toBe("Avbokat: Förbättringsverkstad 2026/27");
    expect(mail.text).toContain("Ledarskap i förändring");
    expect(calendarPart(mail)?.events).toEqual([
      { uid: `lecture-${w.lectures[0]}@verkstad`, status: "CANCELLED", sequence: 1, start: "2027-02-04T08:00:00.000Z", attendee: `mailto:${people.sara.email}` },
    ]);
    // The invitation part tells mail programs what to do with it.
    const invitation = mail.attachments.find((a) => a.contentType === "text/calendar");
    expect((invitation?.headers.get("content-type") as { params?: Record<string, string> } | undefined)?.params?.method).toBe("CANCEL");
  });

  it("leaves out of a cancellation what the person still holds through another booking", async () => {
    const extra = await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: w.lectures[0], participantId: people.bo.id, status: "CONFIRMED" });
    await db.booking.update({ where: { id: extra.id }, data: { status: "CANCELLED", activeSessionKey: null } });
    // Bo's package still includes the lecture: nothing to remove from his calendar.
    expect(await bookingCalendarAttachment(db, [extra.id], { method: "CANCEL" })).toBeNull();
  });

  it("refuses to mix several people's bookings in one calendar", async () => {
    await expect(bookingCalendarAttachment(db, [ids.boPackage, ids.lonerPackage])).rejects.toThrow(/more than one participant/);
  });
});
