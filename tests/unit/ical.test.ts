/**
 * The calendar files Verkstad writes (ical-generator), read back with an independent parser
 * (Mozilla's ical.js): events, UTC instants on both sides of both DST changes, stable UIDs,
 * METHOD, SEQUENCE and STATUS for bookings and cancellations.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, calendarFileName } from "@/lib/calendar-files/build-calendar";
import { calendarFileSchema, sessionUid, type CalendarFile, type CalendarSession } from "@/lib/calendar-files/calendar-data";
import { stockholmToInstant } from "@/lib/domain/time";

const APP = "https://verkstad.example";
const NOW = new Date("2026-10-01T10:00:00Z");
const venue = { name: "Navet", streetAddress: "Västerlånggatan 5", postalCode: "503 30", city: "Borås" };

function session(kind: CalendarSession["kind"], id: string, date: string, from: string, to: string, extra: Partial<CalendarSession> = {}): CalendarSession {
  return {
    kind, id, title: `${kind} ${id}`,
    startsAt: stockholmToInstant(date, from).toISOString(),
    endsAt: stockholmToInstant(date, to).toISOString(),
    sequence: 0, workshopTitle: "Förbättringsverkstad 2026/27", workshopSlug: "verkstad-2026",
    lectureSlug: kind === "lecture" ? `forelasning-${id}` : null, lecturer: kind === "lecture" ? "Karin Berg" : null, venue,
    ...extra,
  };
}

function file(sessions: CalendarSession[], extra: Partial<CalendarFile> = {}): CalendarFile {
  return {
    method: "REQUEST", status: "CONFIRMED",
    organizer: { name: "FoU Sjuhärad Välfärd", email: "fou@sjuharad.test" },
    attendee: { name: "Anna Lind", email: "anna@boras.test" },
    sessions, ...extra,
  };
}

type Parsed = {
  method: string | null;
  events: { uid: string; start: string; end: string; summary: string; location: string; description: string; url: string; sequence: number; status: string; organizer: string; attendee: string | null; partstat: string | null }[];
};

function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue("method") as string | null,
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      const attendee = vevent.getFirstProperty("attendee");
      return {
        uid: event.uid,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        summary: event.summary,
        location: event.location,
        description: event.description,
        url: String(vevent.getFirstPropertyValue("url")),
        sequence: event.sequence,
        status: String(vevent.getFirstPropertyValue("status")),
        // The scheme's case is free (RFC 5545 §3.3.3): compare lower-cased.
        organizer: String(vevent.getFirstPropertyValue("organizer")).toLowerCase(),
        attendee: attendee ? String(attendee.getFirstValue()).toLowerCase() : null,
        partstat: attendee ? String(attendee.getParameter("partstat")) : null,
      };
    }),
  };
}

describe("a booking's calendar file", () => {
  it("holds one event per session with UTC instants that are right on both sides of both DST changes", () => {
    const sessions = [
      session("lecture", "l-autumn-summer", "2026-10-22", "09:00", "12:00"), // CEST, UTC+2
      session("gathering", "g-autumn-change", "2026-10-25", "09:00", "16:00"), // the day clocks go back: CET
      session("lecture", "l-winter", "2026-11-05", "13:00", "16:00"), // CET, UTC+1
      session("gathering", "g-spring-before", "2027-03-25", "09:00", "16:00"), // CET
      session("lecture", "l-spring-change", "2027-03-28", "09:00", "12:00"), // the day clocks go forward: CEST
      session("gathering", "g-spring-after", "2027-04-01", "09:00", "16:00"), // CEST
    ];
    const text = buildCalendar(file(sessions), { locale: "sv", appUrl: APP, now: NOW });
    const parsed = parse(text);
    expect(parsed.method).toBe("REQUEST");
    expect(parsed.events.map((e) => [e.uid, e.start, e.end])).toEqual([
      ["lecture-l-autumn-summer@verkstad", "2026-10-22T07:00:00.000Z", "2026-10-22T10:00:00.000Z"],
      ["gathering-g-autumn-change@verkstad", "2026-10-25T08:00:00.000Z", "2026-10-25T15:00:00.000Z"],
      ["lecture-l-winter@verkstad", "2026-11-05T12:00:00.000Z", "2026-11-05T15:00:00.000Z"],
      ["gathering-g-spring-before@verkstad", "2027-03-25T08:00:00.000Z", "2027-03-25T15:00:00.000Z"],
      ["lecture-l-spring-change@verkstad", "2027-03-28T07:00:00.000Z", "2027-03-28T10:00:00.000Z"],
      ["gathering-g-spring-after@verkstad", "2027-04-01T07:00:00.000Z", "2027-04-01T14:00:00.000Z"],
    ]);
    // Written as UTC, so no VTIMEZONE is needed and no program can read them as floating times.
    expect(text).toContain("DTSTART:20261022T070000Z");
    expect(text).not.toContain("TZID");
  });

  it("names each session, its venue with address, its page, the lecturer and the organiser", () => {
    const text = buildCalendar(file([session("lecture", "a", "2027-02-04", "09:00", "12:00")]), { locale: "sv", appUrl: APP, now: NOW });
    const [event] = parse(text).events;
    expect(event).toMatchObject({
      summary: "lecture a",
      location: "Navet, Västerlånggatan 5, 503 30 Borås",
      url: "https://verkstad.example/verkstad/verkstad-2026/forelasning/forelasning-a",
      sequence: 0,
      status: "CONFIRMED",
      organizer: "mailto:fou@sjuharad.test",
      attendee: "mailto:anna@boras.test",
      partstat: "ACCEPTED",
    });
    expect(event?.description).toContain("Föreläsning i Förbättringsverkstad 2026/27.");
    expect(event?.description).toContain("Föreläsare: Karin Berg.");
    expect(event?.description).toContain("https://verkstad.example/mina-bokningar");
  });

  it("writes English texts and English addresses for an English reader", () => {
    const text = buildCalendar(file([session("gathering", "g", "2027-01-14", "09:00", "16:00")]), { locale: "en", appUrl: APP, now: NOW });
    const [event] = parse(text).events;
    expect(event?.url).toBe("https://verkstad.example/en/workshop/verkstad-2026");
    expect(event?.description).toContain("Gathering in Förbättringsverkstad 2026/27.");
    expect(event?.description).toContain("https://verkstad.example/en/my-bookings");
  });

  it("marks a booking that waits for payment as tentative", () => {
    const text = buildCalendar(file([session("lecture", "a", "2027-02-04", "09:00", "12:00")], { status: "TENTATIVE" }), { locale: "sv", appUrl: APP, now: NOW });
    const [event] = parse(text).events;
    expect(event?.status).toBe("TENTATIVE");
    expect(event?.description).toContain("bekräftas när bokningen är betald");
  });

  it("keeps titles with commas, semicolons and line breaks intact", () => {
    const tricky = session("lecture", "t", "2027-02-04", "09:00", "12:00", { title: "Ledning, styrning; och\nlärande" });
    const [event] = parse(buildCalendar(file([tricky]), { locale: "sv", appUrl: APP, now: NOW })).events;
    expect(event?.summary).toBe("Ledning, styrning; och\nlärande");
  });

  it("lists a session once, also when it comes twice (a lecture booked singly and in the package)", () => {
    const a = session("lecture", "a", "2027-02-04", "09:00", "12:00");
    const events = parse(buildCalendar(file([a, session("gathering", "g", "2027-01-14", "09:00", "16:00"), a]), { locale: "sv", appUrl: APP, now: NOW })).events;
    expect(events.map((e) => e.uid)).toEqual(["gathering-g@verkstad", "lecture-a@verkstad"]);
  });

  it("is a plain PUBLISH file without attendee for a download", () => {
    const text = buildCalendar(file([session("lecture", "a", "2027-02-04", "09:00", "12:00")], { method: "PUBLISH", attendee: null }), { locale: "sv", appUrl: APP, now: NOW });
    const parsed = parse(text);
    expect(parsed.method).toBe("PUBLISH");
    expect(parsed.events[0]?.attendee).toBeNull();
  });
});

describe("a cancellation's calendar file", () => {
  it("has METHOD:CANCEL and, per session, the same UID, STATUS:CANCELLED and a SEQUENCE above the session's", () => {
    const sessions = [session("lecture", "a", "2027-02-04", "09:00", "12:00", { sequence: 3 }), session("gathering", "g", "2027-01-14", "09:00", "16:00")];
    const booked = parse(buildCalendar(file(sessions), { locale: "sv", appUrl: APP, now: NOW }));
    const cancelled = parse(buildCalendar(file(sessions, { method: "CANCEL" }), { locale: "sv", appUrl: APP, now: new Date("2026-11-01T10:00:00Z") }));
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.events.map((e) => e.uid)).toEqual(booked.events.map((e) => e.uid));
    for (const event of cancelled.events) {
      const before = booked.events.find((e) => e.uid === event.uid)!;
      expect(event.status).toBe("CANCELLED");
      expect(event.sequence).toBe(before.sequence + 1);
      expect(event.start).toBe(before.start);
      expect(event.organizer).toBe("mailto:fou@sjuharad.test");
    }
    expect(cancelled.events.find((e) => e.uid === "lecture-a@verkstad")?.sequence).toBe(4);
  });
});

describe("calendar data", () => {
  it("makes UIDs from the kind and the session id", () => {
    expect(sessionUid({ kind: "lecture", id: "clx1" })).toBe("lecture-clx1@verkstad");
    expect(sessionUid({ kind: "gathering", id: "clx2" })).toBe("gathering-clx2@verkstad");
  });

  it("refuses malformed data (it comes back from the outbox as JSON)", () => {
    const bad = { ...file([session("lecture", "a", "2027-02-04", "09:00", "12:00")]), method: "ADD" };
    expect(calendarFileSchema.safeParse(bad).success).toBe(false);
  });

  it("gives ASCII file names", () => {
    expect(calendarFileName("Förbättringsverkstad 2026/27")).toBe("verkstad-forbattringsverkstad-2026-27.ics");
    expect(calendarFileName("")).toBe("verkstad.ics");
  });
});
