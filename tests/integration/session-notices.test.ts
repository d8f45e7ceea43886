/**
 * Change notices (issue 8): when a published session moves, changes venue or is cancelled, every
 * affected person gets exactly one e-mail through the outbox — booked people (a single lecture, the
 * package, or both) with a calendar file that replaces the event (same UID, higher SEQUENCE, or
 * METHOD:CANCEL), people on the waiting list without one. The .ics is read back with ical.js, an
 * independent parser. A draft changes silently. The bookings page's list shows the changes.
 */
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { lectureKey, packageKey } from "@/lib/domain/enrollment";
import { formatStockholmDate, stockholmToInstant } from "@/lib/domain/time";
import { getEnv } from "@/lib/env";
import { renderEmail } from "@/lib/mail/render";
import { announceSessionChange, type SessionSnapshot } from "@/lib/server/calendar/announce-session-change";
import { listMySessionChanges } from "@/lib/server/calendar/list-my-session-changes";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer,
  createOrganiser,
  createUser,
  createVenue,
  createWorkshop,
} from "@/tests/factories";

const NOW = new Date("2031-01-20T10:00:00Z");

type Person = { id: string; email: string };
let people: Record<"single" | "pkg" | "both" | "waitLecture" | "waitPackage" | "other" | "cancelledOne" | "admin", Person>;
let ids: { workshop: string; lecture: string; gathering: string; draft: string; otherLecture: string; venueA: string; venueB: string };

beforeAll(async () => {
  const organiser = await createOrganiser(db, { name: "FoU Sjuhärad Välfärd", email: "fou@sjuharad.test" });
  const workshop = await createWorkshop(db, {
    organiserId: organiser.id, title: "Förbättringsverkstad 2030/31",
    startsOn: "2031-01-16", endsOn: "2031-06-12", pmDeadline: "2031-01-09", cancellationDeadline: "2031-01-02", followUpOn: "2031-12-11",
  });
  const venueA = await createVenue(db, { name: "Navet", streetAddress: "Västerlånggatan 5", postalCode: "503 30", city: "Borås" });
  const venueB = await createVenue(db, { name: "Textilmuseet", streetAddress: "Druveforsvägen 8", postalCode: "504 33", city: "Borås" });
  const lecturer = await createLecturer(db);
  const lecture = await createLecture(db, { workshopId: workshop.id, venueId: venueA.id, lecturerId: lecturer.id, date: "2031-02-04", from: "09:00", to: "12:00", title: "Tillit och styrning" });
  const otherLecture = await createLecture(db, { workshopId: workshop.id, venueId: venueA.id, lecturerId: lecturer.id, date: "2031-03-11", title: "Att mäta förbättring" });
  const draft = await createLecture(db, { workshopId: workshop.id, venueId: venueA.id, lecturerId: lecturer.id, date: "2031-04-08", title: "Utkast", status: "DRAFT" });
  const gathering = await createGathering(db, { workshopId: workshop.id, venueId: venueA.id, date: "2031-02-18", title: "Samling 1" });
  ids = { workshop: workshop.id, lecture: lecture.id, gathering: gathering.id, draft: draft.id, otherLecture: otherLecture.id, venueA: venueA.id, venueB: venueB.id };

  const user = (name: string, locale: "sv" | "en" = "sv") => createUser(db, { name, locale });
  people = {
    single: await user("Anna Andersson"),
    pkg: await user("Bo Berg", "en"),
    both: await user("Cecilia Carlsson"),
    waitLecture: await user("David Dahl"),
    waitPackage: await user("Eva Ek"),
    other: await user("Fredrik Fors"),
    cancelledOne: await user("Greta Gran"),
    admin: await createUser(db, { roles: ["ADMIN"], name: "Ada Admin" }),
  };
  await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: people.single.id });
  await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: people.pkg.id });
  await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: people.both.id, status: "PENDING_PAYMENT" });
  await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: people.both.id });
  await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: otherLecture.id, participantId: people.other.id });
  await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: people.cancelledOne.id, status: "CANCELLED" });
  await db.waitlistEntry.create({
    data: { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: people.waitLecture.id, addedById: people.waitLecture.id, activeSessionKey: lectureKey(lecture.id) },
  });
  await db.waitlistEntry.create({
    data: { kind: "PACKAGE", workshopId: workshop.id, participantId: people.waitPackage.id, addedById: people.waitPackage.id, activeSessionKey: packageKey(workshop.id) },
  });
  // A past queue place tells nothing.
  await db.waitlistEntry.create({
    data: { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: people.other.id, addedById: people.other.id, status: "CANCELLED", activeSessionKey: null },
  });
});

type Kind = "lecture" | "gathering";

/** What the calendar editor does: update the row, then announce, in one transaction. */
async function change(kind: Kind, id: string, patch: Partial<SessionSnapshot>, now = NOW) {
  return db.$transaction(async (tx) => {
    const row = kind === "lecture"
      ? await tx.lecture.findUniqueOrThrow({ where: { id }, select: { startsAt: true, endsAt: true, venueId: true, status: true } })
      : await tx.gathering.findUniqueOrThrow({ where: { id }, select: { startsAt: true, endsAt: true, venueId: true, status: true } });
    const before: SessionSnapshot = { ...row };
    const after: SessionSnapshot = { ...before, ...patch };
    if (kind === "lecture") await tx.lecture.update({ where: { id }, data: after });
    else await tx.gathering.update({ where: { id }, data: after });
    return announceSessionChange(tx, { session: { kind, id }, before, after, actorId: people.admin.id, now });
  });
}

async function mailsOf(changeId: string) {
  const rows = await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `session-change:${changeId}:` } }, orderBy: { toEmail: "asc" } });
  return rows.map((m) => ({ ...m, rendered: renderEmail(m.template, m.payload, m.locale, getEnv().APP_URL, NOW) }));
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: String(vevent.getFirstPropertyValue("status")),
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        location: event.location,
        // UTC times: "Z" on the value, no TZID.
        utc: event.startDate.zone?.tzid === "UTC" && vevent.getFirstProperty("dtstart")?.getParameter("tzid") == null,
      };
    }),
  };
}

const emailOf = (p: Person) => p.email.toLowerCase();
const sequenceOf = async (kind: Kind, id: string) =>
  kind === "lecture"
    ? (await db.lecture.findUniqueOrThrow({ where: { id }, select: { sequence: true } })).sequence
    : (await db.gathering.findUniqueOrThrow({ where: { id }, select: { sequence: true } })).sequence;

describe("announcing a change to a published session", () => {
  it("moving a lecture sends exactly one e-mail to each affected person: booked ones with an updated .ics, waiting ones without", async () => {
    const newStart = stockholmToInstant("2031-02-05", "13:00");
    const newEnd = stockholmToInstant("2031-02-05", "16:00");
    const result = await change("lecture", ids.lecture, { startsAt: newStart, endsAt: newEnd });
    expect(result.changeId).not.toBeNull();
    expect(result.notified).toBe(5);
    expect(await sequenceOf("lecture", ids.lecture)).toBe(1);

    const stored = await db.sessionChange.findUniqueOrThrow({ where: { id: result.changeId! } });
    expect(stored).toMatchObject({ kind: "TIME", lectureId: ids.lecture, gatheringId: null, workshopId: ids.workshop, createdById: people.admin.id });
    expect(stored.before).toMatchObject({ startsAt: stockholmToInstant("2031-02-04", "09:00").toISOString(), venue: { name: "Navet" } });
    expect(stored.after).toMatchObject({ startsAt: newStart.toISOString(), endsAt: newEnd.toISOString(), venue: { name: "Navet" } });

    const mails = await mailsOf(result.changeId!);
    // One each, also for Cecilia who has the lecture singly and the package; nobody else.
    expect(mails.map((m) => m.toEmail).sort()).toEqual(
      [people.single, people.pkg, people.both, people.waitLecture, people.waitPackage].map(emailOf).sort(),
    );
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(["session-changed"]));

    for (const person of [people.single, people.pkg, people.both]) {
      const mail = mails.find((m) => m.toEmail === emailOf(person))!;
      expect(mail.rendered.calendar?.method).toBe("REQUEST");
      const ics = parseIcs(mail.rendered.calendar!.content);
      expect(ics.method).toBe("REQUEST");
      expect(ics.events).toEqual([
        { uid: `lecture-${ids.lecture}@verkstad`, sequence: 1, status: "CONFIRMED", start: newStart.toISOString(), end: newEnd.toISOString(), location: "Navet, Västerlånggatan 5, 503 30 Borås", utc: true },
      ]);
      // 13:00 Stockholm (CET) is 12:00 UTC.
      expect(ics.events[0]!.start).toBe("2031-02-05T12:00:00.000Z");
    }
    for (const person of [people.waitLecture, people.waitPackage]) {
      const mail = mails.find((m) => m.toEmail === emailOf(person))!;
      expect(mail.rendered.calendar).toBeNull();
      expect(mail.rendered.text).toContain("Du står kvar på väntelistan");
    }

    // Old → new in Stockholm time, in the reader's language.
    const anna = mails.find((m) => m.toEmail === emailOf(people.single))!.rendered;
    expect(anna.subject).toBe("Ny tid: Tillit och styrning");
    expect(anna.text).toContain(`Ny tid: ${formatStockholmDate(newStart, "sv")} kl. 13.00–16.00`);
    expect(anna.text).toContain("Tidigare: tisdag 4 februari 2031 kl. 09.00–12.00");
    expect(anna.text).toContain("Plats: Navet, Västerlånggatan 5, 503 30 Borås (samma som förut)");
    const bo = mails.find((m) => m.toEmail === emailOf(people.pkg))!.rendered;
    expect(bo.subject).toBe("New time: Tillit och styrning");
    expect(bo.text).toContain("Before: Tuesday, 4 February 2031, 09:00–12:00");
    expect(bo.text).toContain("New time: Wednesday, 5 February 2031, 13:00–16:00");
  });

  it("a second move raises the SEQUENCE again, and the new e-mails carry it", async () => {
    const result = await change("lecture", ids.lecture, { startsAt: stockholmToInstant("2031-02-05", "14:00"), endsAt: stockholmToInstant("2031-02-05", "17:00"), venueId: ids.venueB });
    expect(result.notified).toBe(5);
    expect(await sequenceOf("lecture", ids.lecture)).toBe(2);
    const mails = await mailsOf(result.changeId!);
    expect(mails).toHaveLength(5);
    const anna = mails.find((m) => m.toEmail === emailOf(people.single))!.rendered;
    expect(anna.subject).toBe("Ny tid och plats: Tillit och styrning");
    expect(anna.text).toContain("Ny plats: Textilmuseet, Druveforsvägen 8, 504 33 Borås\nTidigare: Navet, Västerlånggatan 5, 503 30 Borås");
    const ics = parseIcs(anna.calendar!.content);
    expect(ics.events.map((e) => [e.uid, e.sequence, e.location])).toEqual([[`lecture-${ids.lecture}@verkstad`, 2, "Textilmuseet, Druveforsvägen 8, 504 33 Borås"]]);
  });

  it("a gathering concerns only the package: its booked people and its waiting list", async () => {
    const result = await change("gathering", ids.gathering, { venueId: ids.venueB });
    expect(result.notified).toBe(3);
    const mails = await mailsOf(result.changeId!);
    expect(mails.map((m) => m.toEmail).sort()).toEqual([people.pkg, people.both, people.waitPackage].map(emailOf).sort());
    const bo = mails.find((m) => m.toEmail === emailOf(people.pkg))!.rendered;
    expect(bo.subject).toBe("New venue: Samling 1");
    const ics = parseIcs(bo.calendar!.content);
    expect(ics.events.map((e) => [e.uid, e.sequence])).toEqual([[`gathering-${ids.gathering}@verkstad`, 1]]);
  });

  it("cancelling sends METHOD:CANCEL with a SEQUENCE above the last one sent, and says a single lecture's money is given back", async () => {
    const result = await change("lecture", ids.lecture, { status: "CANCELLED" });
    expect(result.notified).toBe(5);
    expect(await sequenceOf("lecture", ids.lecture)).toBe(3);
    expect((await db.sessionChange.findUniqueOrThrow({ where: { id: result.changeId! } })).kind).toBe("CANCELLED");
    const mails = await mailsOf(result.changeId!);
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(["session-cancelled"]));
    for (const person of [people.single, people.pkg, people.both]) {
      const rendered = mails.find((m) => m.toEmail === emailOf(person))!.rendered;
      expect(rendered.calendar?.method).toBe("CANCEL");
      const ics = parseIcs(rendered.calendar!.content);
      expect(ics.method).toBe("CANCEL");
      expect(ics.events.map((e) => [e.uid, e.status])).toEqual([[`lecture-${ids.lecture}@verkstad`, "CANCELLED"]]);
      expect(ics.events[0]!.sequence).toBeGreaterThan(2);
    }
    const anna = mails.find((m) => m.toEmail === emailOf(people.single))!.rendered;
    expect(anna.subject).toBe("Inställt: Tillit och styrning");
    expect(anna.text).toContain("du får tillbaka pengarna");
    const bo = mails.find((m) => m.toEmail === emailOf(people.pkg))!.rendered;
    expect(bo.text).toContain("Your booking of the whole workshop stands for the other sessions.");
    expect(bo.text).not.toContain("money");
    const david = mails.find((m) => m.toEmail === emailOf(people.waitLecture))!.rendered;
    expect(david.calendar).toBeNull();
    expect(david.text).toContain("Din plats i kön till föreläsningen tas bort.");
  });

  it("a change to a draft, or no change at all, sends nothing and raises nothing", async () => {
    const mailsBefore = await db.outboxMessage.count();
    const changesBefore = await db.sessionChange.count();
    await createBooking(db, { kind: "LECTURE", workshopId: ids.workshop, lectureId: ids.draft, participantId: people.other.id });
    expect(await change("lecture", ids.draft, { startsAt: stockholmToInstant("2031-04-09", "09:00"), endsAt: stockholmToInstant("2031-04-09", "12:00"), venueId: ids.venueB })).toEqual({ changeId: null, notified: 0 });
    expect(await change("lecture", ids.draft, { status: "CANCELLED" })).toEqual({ changeId: null, notified: 0 });
    expect(await change("lecture", ids.otherLecture, {})).toEqual({ changeId: null, notified: 0 });
    expect(await sequenceOf("lecture", ids.draft)).toBe(0);
    expect(await sequenceOf("lecture", ids.otherLecture)).toBe(0);
    expect(await db.outboxMessage.count()).toBe(mailsBefore);
    expect(await db.sessionChange.count()).toBe(changesBefore);
  });

  it("a transaction that fails after announcing leaves no e-mail, no change and the old SEQUENCE", async () => {
    const mailsBefore = await db.outboxMessage.count();
    await expect(
      db.$transaction(async (tx) => {
        await announceSessionChange(tx, {
          session: { kind: "lecture", id: ids.otherLecture },
          before: { startsAt: stockholmToInstant("2031-03-11", "09:00"), endsAt: stockholmToInstant("2031-03-11", "12:00"), venueId: ids.venueA, status: "PUBLISHED" },
          after: { startsAt: stockholmToInstant("2031-03-12", "09:00"), endsAt: stockholmToInstant("2031-03-12", "12:00"), venueId: ids.venueA, status: "PUBLISHED" },
          actorId: people.admin.id, now: NOW,
        });
        throw new Error("the editor's next step failed");
      }),
    ).rejects.toThrow("the editor's next step failed");
    expect(await db.outboxMessage.count()).toBe(mailsBefore);
    expect(await sequenceOf("lecture", ids.otherLecture)).toBe(0);
  });
});

describe("the bookings page's list of changes", () => {
  it("shows each person the changes of the last 60 days to the sessions they hold, newest first", async () => {
    const anna = await listMySessionChanges(people.single, NOW);
    expect(anna.map((c) => [c.kind, c.session.title])).toEqual([
      ["CANCELLED", "Tillit och styrning"], ["TIME", "Tillit och styrning"], ["TIME", "Tillit och styrning"],
    ]);
    expect(anna[2]!.before).toEqual({ startsAt: stockholmToInstant("2031-02-04", "09:00"), endsAt: stockholmToInstant("2031-02-04", "12:00"), venueName: "Navet" });
    // The package holds the gathering too.
    expect((await listMySessionChanges(people.pkg, NOW)).map((c) => c.kind)).toEqual(["CANCELLED", "VENUE", "TIME", "TIME"]);
    // Only a queue place, a cancelled booking, another lecture: nothing.
    expect(await listMySessionChanges(people.waitLecture, NOW)).toEqual([]);
    expect(await listMySessionChanges(people.cancelledOne, NOW)).toEqual([]);
    expect(await listMySessionChanges(people.other, NOW)).toEqual([]);
    // 61 days later they are gone.
    expect(await listMySessionChanges(people.single, new Date(NOW.getTime() + 61 * 24 * 3600_000))).toEqual([]);
  });
});
