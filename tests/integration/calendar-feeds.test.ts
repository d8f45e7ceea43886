/**
 * iCal feeds (issue 8) through the real route handlers, read back with ical.js (an independent
 * parser): the public feed of a published workshop has its published and cancelled sessions with
 * UTC times, stable UIDs and SEQUENCE, never a draft, and a draft workshop's feed does not exist;
 * the private feed has exactly the person's booked sessions, stops at once when revoked (or when a
 * new link replaces it), and a guessed token gets the same 404.
 */
import ICAL from "ical.js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/app/_actions/calendar-feed";
import { GET as privateFeed } from "@/app/api/calendar/feed/[token]/route";
import { GET as workshopFeed } from "@/app/api/calendar/workshops/[slug]/route";
import { db } from "@/lib/db";
import { stockholmToInstant } from "@/lib/domain/time";
import { announceSessionChange } from "@/lib/server/calendar/announce-session-change";
import { createFeedToken } from "@/lib/server/calendar/create-feed-token";
import { revokeFeedToken } from "@/lib/server/calendar/revoke-feed-token";
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
import { freshIp, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const NOW = new Date("2031-01-20T10:00:00Z");

let ws: { published: { id: string; slug: string }; draft: { slug: string }; other: { id: string } };
let s: Record<"lecture1" | "lecture2" | "cancelled" | "draftLecture" | "gathering" | "draftGathering" | "otherLecture" | "draftWorkshopLecture", { id: string }>;
let people: Record<"single" | "pkg" | "nobody", { id: string }>;

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  const dates = { startsOn: "2031-01-16", endsOn: "2031-06-12", pmDeadline: "2031-01-09", cancellationDeadline: "2031-01-02", followUpOn: "2031-12-11" };
  const published = await createWorkshop(db, { organiserId: organiser.id, title: "Förbättringsverkstad 2030/31", ...dates });
  const other = await createWorkshop(db, { organiserId: organiser.id, title: "Annan verkstad", ...dates });
  const draft = await createWorkshop(db, { organiserId: organiser.id, title: "Utkast 2031/32", status: "DRAFT", ...dates });
  ws = { published, draft, other };
  const venue = await createVenue(db, { name: "Navet", streetAddress: "Västerlånggatan 5", postalCode: "503 30", city: "Borås" });
  const lecturer = await createLecturer(db, { name: "Karin Berg" });
  const lecture = (workshopId: string, date: string, title: string, extra: { status?: "DRAFT" | "PUBLISHED" | "CANCELLED"; from?: string; to?: string } = {}) =>
    createLecture(db, { workshopId, venueId: venue.id, lecturerId: lecturer.id, date, title, ...extra });
  s = {
    // CET (UTC+1) and, after 30 March 2031, CEST (UTC+2).
    lecture1: await lecture(published.id, "2031-02-04", "Tillit och styrning", { from: "09:00", to: "12:00" }),
    lecture2: await lecture(published.id, "2031-04-08", "Att mäta förbättring", { from: "13:00", to: "16:00" }),
    cancelled: await lecture(published.id, "2031-03-11", "Inställd föreläsning", { status: "CANCELLED" }),
    draftLecture: await lecture(published.id, "2031-05-06", "Hemlig föreläsning", { status: "DRAFT" }),
    gathering: await createGathering(db, { workshopId: published.id, venueId: venue.id, date: "2031-01-16", title: "Samling 1" }),
    draftGathering: await createGathering(db, { workshopId: published.id, venueId: venue.id, date: "2031-05-20", title: "Hemlig samling", status: "DRAFT" }),
    otherLecture: await lecture(other.id, "2031-02-11", "Annan föreläsning"),
    draftWorkshopLecture: await lecture(draft.id, "2031-02-12", "Utkastets föreläsning"),
  };
  people = {
    single: await createUser(db, { name: "Anna Andersson" }),
    pkg: await createUser(db, { name: "Bo Berg", locale: "en" }),
    nobody: await createUser(db, { name: "Ingen Bokning" }),
  };
  await createBooking(db, { kind: "LECTURE", workshopId: published.id, lectureId: s.lecture1.id, participantId: people.single.id });
  await createBooking(db, { kind: "LECTURE", workshopId: other.id, lectureId: s.otherLecture.id, participantId: people.single.id, status: "PENDING_PAYMENT" });
  await createBooking(db, { kind: "LECTURE", workshopId: published.id, lectureId: s.lecture2.id, participantId: people.single.id, status: "CANCELLED" });
  await createBooking(db, { kind: "PACKAGE", workshopId: published.id, participantId: people.pkg.id });
});

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue("method"),
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    ttl: String(calendar.getFirstPropertyValue("x-published-ttl")),
    refresh: String(calendar.getFirstPropertyValue("refresh-interval")),
    timezones: calendar.getAllSubcomponents("vtimezone").length,
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        utc: event.startDate.zone?.tzid === "UTC" && event.endDate.zone?.tzid === "UTC",
        sequence: event.sequence,
        status: String(vevent.getFirstPropertyValue("status")),
        summary: event.summary,
      };
    }),
  };
}

const uid = (kind: "lecture" | "gathering", id: string) => `${kind}-${id}@verkstad`;

const getPublic = (slug: string, lang?: string) =>
  workshopFeed(new Request(`http://localhost:3000/api/calendar/workshops/${slug}${lang ? `?lang=${lang}` : ""}`), { params: Promise.resolve({ slug }) });
const getPrivate = (token: string, lang?: string) =>
  privateFeed(new Request(`http://localhost:3000/api/calendar/feed/${token}${lang ? `?lang=${lang}` : ""}`, { headers: { "x-forwarded-for": freshIp() } }), {
    params: Promise.resolve({ token }),
  });
const tokenOf = (url: string) => url.split("/").at(-1)!;

describe("the public feed of a workshop", () => {
  it("has the published and cancelled sessions of a published workshop, in UTC with stable UIDs, and no draft", async () => {
    const response = await getPublic(ws.published.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const ics = parseIcs(await response.text());
    expect(ics.method).toBe("PUBLISH");
    expect(ics.name).toBe("Förbättringsverkstad 2030/31");
    expect([ics.ttl, ics.refresh]).toEqual(["PT1H", "PT1H"]);
    expect(ics.timezones).toBe(0);
    expect(ics.events.map((e) => [e.uid, e.start, e.end, e.status, e.sequence])).toEqual([
      [uid("gathering", s.gathering.id), stockholmToInstant("2031-01-16", "09:00").toISOString(), stockholmToInstant("2031-01-16", "16:00").toISOString(), "CONFIRMED", 0],
      [uid("lecture", s.lecture1.id), "2031-02-04T08:00:00.000Z", "2031-02-04T11:00:00.000Z", "CONFIRMED", 0],
      [uid("lecture", s.cancelled.id), stockholmToInstant("2031-03-11", "09:00").toISOString(), stockholmToInstant("2031-03-11", "12:00").toISOString(), "CANCELLED", 0],
      // Summer time: 13:00 in Stockholm is 11:00 UTC.
      [uid("lecture", s.lecture2.id), "2031-04-08T11:00:00.000Z", "2031-04-08T14:00:00.000Z", "CONFIRMED", 0],
    ]);
    expect(ics.events.every((e) => e.utc)).toBe(true);
    expect(ics.events.find((e) => e.status === "CANCELLED")?.summary).toBe("Inställt: Inställd föreläsning");
    const english = parseIcs(await (await getPublic(ws.published.slug, "en")).text());
    expect(english.events.find((e) => e.status === "CANCELLED")?.summary).toBe("Cancelled: Inställd föreläsning");
  });

  it("does not exist for a draft workshop or an unknown slug", async () => {
    for (const slug of [ws.draft.slug, "finns-inte", "%00"]) {
      const response = await getPublic(slug);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });

  it("shows a moved session with the raised SEQUENCE", async () => {
    await db.$transaction(async (tx) => {
      const before = { startsAt: stockholmToInstant("2031-02-04", "09:00"), endsAt: stockholmToInstant("2031-02-04", "12:00"), venueId: (await tx.lecture.findUniqueOrThrow({ where: { id: s.lecture1.id } })).venueId, status: "PUBLISHED" as const };
      const after = { ...before, startsAt: stockholmToInstant("2031-02-04", "10:00"), endsAt: stockholmToInstant("2031-02-04", "13:00") };
      await tx.lecture.update({ where: { id: s.lecture1.id }, data: after });
      await announceSessionChange(tx, { session: { kind: "lecture", id: s.lecture1.id }, before, after, actorId: people.nobody.id, now: NOW });
    });
    const ics = parseIcs(await (await getPublic(ws.published.slug)).text());
    expect(ics.events.find((e) => e.uid === uid("lecture", s.lecture1.id))).toMatchObject({ start: "2031-02-04T09:00:00.000Z", sequence: 1 });
  });
});

describe("the private feed of a person", () => {
  it("has exactly the person's booked sessions, not cached, in their language", async () => {
    const annaLink = await createFeedToken(people.single, {}, NOW);
    expect(annaLink.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
    expect(annaLink.webcalUrl).toBe(annaLink.url.replace("http:", "webcal:"));
    const response = await getPrivate(tokenOf(annaLink.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const anna = parseIcs(await response.text());
    expect(anna.name).toBe("Mina tillfällen i Verkstad");
    // Her lecture and her unpaid one in the other workshop; not the lecture she cancelled.
    expect(anna.events.map((e) => e.uid)).toEqual([uid("lecture", s.lecture1.id), uid("lecture", s.otherLecture.id)]);
    expect(anna.events[0]).toMatchObject({ sequence: 1, utc: true, start: "2031-02-04T09:00:00.000Z" });

    const boLink = await createFeedToken(people.pkg, {}, NOW);
    const bo = parseIcs(await (await getPrivate(tokenOf(boLink.url))).text());
    expect(bo.name).toBe("My sessions in Verkstad");
    // The package: every public session of the workshop, the cancelled one struck, no drafts.
    expect(bo.events.map((e) => [e.uid, e.status])).toEqual([
      [uid("gathering", s.gathering.id), "CONFIRMED"],
      [uid("lecture", s.lecture1.id), "CONFIRMED"],
      [uid("lecture", s.cancelled.id), "CANCELLED"],
      [uid("lecture", s.lecture2.id), "CONFIRMED"],
    ]);
    const ids = bo.events.map((e) => e.uid).join(" ");
    for (const hidden of [s.draftLecture, s.draftGathering, s.draftWorkshopLecture, s.otherLecture]) expect(ids).not.toContain(hidden.id);
    expect(parseIcs(await (await getPrivate(tokenOf(boLink.url), "sv")).text()).name).toBe("Mina tillfällen i Verkstad");

    // Someone with no bookings gets an empty calendar, not an error.
    const empty = await createFeedToken(people.nobody, {}, NOW);
    expect(parseIcs(await (await getPrivate(tokenOf(empty.url))).text()).events).toEqual([]);
  });

  it("stores only a hash, and a guessed or malformed token is 404 like a revoked one", async () => {
    const link = await createFeedToken(people.single, {}, NOW);
    const token = tokenOf(link.url);
    const rows = await db.calendarFeedToken.findMany({ where: { userId: people.single.id } });
    expect(rows.map((r) => r.tokenHash).join(" ")).not.toContain(token);
    // A new link replaced the one from the test before: one live link per person.
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);

    for (const guess of [Buffer.alloc(32, 7).toString("base64url"), `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "abc", "../../etc"]) {
      const response = await getPrivate(guess);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
    expect((await getPrivate(token)).status).toBe(200);
    expect(await revokeFeedToken(people.single, {}, NOW)).toEqual({ revoked: 1 });
    expect((await getPrivate(token)).status).toBe(404);
    expect(await revokeFeedToken(people.single, {}, NOW)).toEqual({ revoked: 0 });
  });

  it("making a new link through the action stops the old one; the revoke action stops the new one; audited", async () => {
    signInAs(people.pkg);
    const first = await createCalendarFeedAction({});
    const second = await createCalendarFeedAction({});
    if (!first.ok || !second.ok) throw new Error("the action failed");
    expect((await getPrivate(tokenOf(first.data.url))).status).toBe(404);
    expect((await getPrivate(tokenOf(second.data.url))).status).toBe(200);
    const revoked = await revokeCalendarFeedAction({});
    expect(revoked).toMatchObject({ ok: true, data: { revoked: 1 } });
    expect((await getPrivate(tokenOf(second.data.url))).status).toBe(404);
    const actions = await db.auditEvent.findMany({ where: { actorId: people.pkg.id, entityType: "CalendarFeedToken" }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["calendar_feed.created", "calendar_feed.created", "calendar_feed.created", "calendar_feed.revoked"]);

    signInAs(null);
    expect(await createCalendarFeedAction({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await revokeCalendarFeedAction({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
