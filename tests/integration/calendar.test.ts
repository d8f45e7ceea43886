import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hasMonthPage, splitFrontPage } from "@/lib/domain/calendar";
import { localDateToDateColumn } from "@/lib/domain/time";
import type { SessionStatus, WorkshopStatus } from "@/lib/generated/prisma/client";
import { getPublishedLecture } from "@/lib/server/calendar/get-lecture";
import { getSiteOrganiser } from "@/lib/server/calendar/get-site-organiser";
import { getPublishedWorkshop } from "@/lib/server/calendar/get-workshop";
import { listPublishedCalendar } from "@/lib/server/calendar/list-published-calendar";

/*
 * One small world, built once for the file (the file has its own database):
 *   "ht26"    PUBLISHED  – sessions across the September/October boundary in Stockholm time,
 *                           one draft and one cancelled of each kind
 *   "utkast"  DRAFT      – a published-looking lecture and gathering that must never show
 *   "ht25"    ARCHIVED   – last year's edition, likewise
 */
let ids: { organiser: string; venue: string; lecturer: string } = { organiser: "", venue: "", lecturer: "" };

async function workshop(slug: string, status: WorkshopStatus) {
  return db.workshop.create({
    data: {
      slug,
      edition: slug,
      title: `Förbättringsverkstad ${slug}`,
      summary: "Kort sammanfattning.",
      description: "Första stycket.\n\nAndra stycket.",
      status,
      organiserId: ids.organiser,
      startsOn: localDateToDateColumn("2026-09-13"),
      endsOn: localDateToDateColumn("2027-03-31"),
      pmDeadline: localDateToDateColumn("2026-09-07"),
      cancellationDeadline: localDateToDateColumn("2026-09-01"),
      packageCapacity: 30,
      packageSeatsTaken: 4,
      packagePriceMemberOre: 1_200_000,
      packagePriceNonMemberOre: 1_800_000,
    },
  });
}

async function gathering(workshopId: string, number: number, startsAt: string, status: SessionStatus, seatsTaken = 0) {
  const start = new Date(startsAt);
  return db.gathering.create({
    data: {
      workshopId,
      number,
      title: `Samling ${number}`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * 3_600_000),
      venueId: ids.venue,
      capacity: 30,
      seatsTaken,
      status,
    },
  });
}

async function lecture(workshopId: string, slug: string, startsAt: string, status: SessionStatus, seatsTaken = 0) {
  const start = new Date(startsAt);
  return db.lecture.create({
    data: {
      workshopId,
      slug,
      title: `Föreläsning ${slug}`,
      theme: "Lärande organisation",
      lecturerId: ids.lecturer,
      venueId: ids.venue,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3_600_000),
      capacity: 40,
      seatsTaken,
      priceMemberOre: 150_000,
      priceNonMemberOre: 225_000,
      status,
    },
  });
}

beforeAll(async () => {
  const organiser = await db.organiser.create({
    data: {
      name: "FoU Testhärad Välfärd",
      orgNumber: "222000-0001",
      vatNumber: "SE222000000101",
      bankgiro: "123-4567",
      email: "fou@testharad.se",
      streetAddress: "Storgatan 1",
      postalCode: "501 11",
      city: "Borås",
    },
  });
  const venue = await db.venue.create({
    data: { name: "Högskolan", streetAddress: "Allégatan 1", postalCode: "501 90", city: "Borås" },
  });
  const lecturer = await db.lecturer.create({ data: { name: "Per Ek", affiliation: "Linköpings universitet" } });
  ids = { organiser: organiser.id, venue: venue.id, lecturer: lecturer.id };

  const published = await workshop("ht26", "PUBLISHED");
  // Inserted out of order on purpose: the calendar orders, not the insert.
  await lecture(published.id, "larande", "2026-10-13T07:00:00Z", "PUBLISHED", 40);
  await gathering(published.id, 1, "2026-09-13T07:00:00Z", "PUBLISHED");
  // 00:30 on 1 October in Stockholm (UTC+2): October's, although it is still September in UTC.
  await lecture(published.id, "midnatt", "2026-09-30T22:30:00Z", "PUBLISHED", 10);
  // 23:30 on 30 September in Stockholm: September's.
  await gathering(published.id, 2, "2026-09-30T21:30:00Z", "PUBLISHED");
  await lecture(published.id, "installd", "2026-11-03T08:00:00Z", "CANCELLED");
  await gathering(published.id, 3, "2026-11-20T08:00:00Z", "CANCELLED");
  await lecture(published.id, "hemlig", "2026-10-20T07:00:00Z", "DRAFT");
  await gathering(published.id, 4, "2026-10-21T07:00:00Z", "DRAFT");

  const draft = await workshop("utkast", "DRAFT");
  await lecture(draft.id, "utkast-forelasning", "2026-10-14T07:00:00Z", "PUBLISHED");
  await gathering(draft.id, 1, "2026-10-15T07:00:00Z", "PUBLISHED");

  const archived = await workshop("ht25", "ARCHIVED");
  await lecture(archived.id, "arkiverad", "2026-10-16T07:00:00Z", "PUBLISHED");
  await gathering(archived.id, 1, "2026-10-17T07:00:00Z", "PUBLISHED");
});

const beforeEverything = new Date("2026-08-01T00:00:00Z");

describe("the public calendar", () => {
  it("lists only published workshops", async () => {
    const calendar = await listPublishedCalendar({ now: beforeEverything });
    expect(calendar.workshops.map((w) => w.slug)).toEqual(["ht26"]);
    expect(calendar.workshops[0]).toMatchObject({ startsOn: "2026-09-13", endsOn: "2027-03-31", pmDeadline: "2026-09-07" });
  });

  it("lists published and cancelled sessions of published workshops, in time order, grouped by Stockholm month", async () => {
    const calendar = await listPublishedCalendar({ now: beforeEverything });
    const byMonth = calendar.months.map((m) => [m.monthKey, m.items.map((s) => `${s.kind}:${s.title}:${s.status}`)]);
    expect(byMonth).toEqual([
      ["2026-09", ["gathering:Samling 1:PUBLISHED", "gathering:Samling 2:PUBLISHED"]],
      ["2026-10", ["lecture:Föreläsning midnatt:PUBLISHED", "lecture:Föreläsning larande:PUBLISHED"]],
      ["2026-11", ["lecture:Föreläsning installd:CANCELLED", "gathering:Samling 3:CANCELLED"]],
    ]);
  });

  it("never shows drafts or sessions of draft and archived workshops", async () => {
    const calendar = await listPublishedCalendar({ now: beforeEverything });
    const sessions = calendar.months.flatMap((m) => m.items);
    const titles = sessions.map((s) => s.title);
    expect(titles).not.toContain("Föreläsning hemlig");
    expect(titles).not.toContain("Samling 4");
    expect(titles).not.toContain("Föreläsning utkast-forelasning");
    expect(titles).not.toContain("Föreläsning arkiverad");
    expect(new Set(sessions.map((s) => s.workshop.slug))).toEqual(new Set(["ht26"]));
  });

  it("carries what a session line shows: venue, lecturer, seats and prices", async () => {
    const calendar = await listPublishedCalendar({ now: beforeEverything });
    const sessions = calendar.months.flatMap((m) => m.items);
    const full = sessions.find((s) => s.slug === "larande");
    expect(full).toMatchObject({
      kind: "lecture",
      capacity: 40,
      seatsTaken: 40,
      priceMemberOre: 150_000,
      priceNonMemberOre: 225_000,
      venue: { name: "Högskolan", city: "Borås" },
      lecturer: { name: "Per Ek", affiliation: "Linköpings universitet" },
      workshop: { slug: "ht26", title: "Förbättringsverkstad ht26" },
    });
    expect(full?.startsAt.toISOString()).toBe("2026-10-13T07:00:00.000Z");
    const first = sessions[0];
    expect(first).toMatchObject({ kind: "gathering", number: 1, lecturer: null, priceMemberOre: null, slug: null });
  });

  it("shows only what has not yet ended", async () => {
    // By 05:00 UTC on 1 October, Samling 1, Samling 2 (ends 04:30) and the midnight lecture (ends 01:30) are over.
    const calendar = await listPublishedCalendar({ now: new Date("2026-10-01T05:00:00Z") });
    expect(calendar.months.map((m) => [m.monthKey, m.items.map((s) => s.title)])).toEqual([
      ["2026-10", ["Föreläsning larande"]],
      ["2026-11", ["Föreläsning installd", "Samling 3"]],
    ]);
    // An edition stays listed while it is published, even when part of it is over.
    expect(calendar.workshops.map((w) => w.slug)).toEqual(["ht26"]);
  });
});

describe("the calendar's front page and month pages", () => {
  it("shows the coming three months on the front page and links to the later ones with their counts", async () => {
    const calendar = await listPublishedCalendar({ now: beforeEverything });
    // August 2026 in Stockholm: August, September and October on the front page, November on its own page.
    const { front, later } = splitFrontPage(calendar.months, beforeEverything);
    expect(front.map((m) => [m.monthKey, m.items.map((s) => s.title)])).toEqual([
      ["2026-09", ["Samling 1", "Samling 2"]],
      ["2026-10", ["Föreläsning midnatt", "Föreläsning larande"]],
    ]);
    // November's two cancelled sessions are still listed (and counted), on November's page.
    expect(later).toEqual([{ monthKey: "2026-11", count: 2 }]);
    expect(hasMonthPage("2026-11", beforeEverything)).toBe(true);
  });

  it("has everything on the front page once the later month comes within three months", async () => {
    const now = new Date("2026-10-01T05:00:00Z");
    const { front, later } = splitFrontPage((await listPublishedCalendar({ now })).months, now);
    expect(front.map((m) => m.monthKey)).toEqual(["2026-10", "2026-11"]);
    expect(later).toEqual([]);
  });
});

describe("the workshop page", () => {
  it("returns a published workshop with all its public sessions, past ones too", async () => {
    const workshop = await getPublishedWorkshop("ht26");
    expect(workshop).toMatchObject({
      slug: "ht26",
      pmDeadline: "2026-09-07",
      followUpOn: null,
      packagePriceMemberOre: 1_200_000,
      organiserName: "FoU Testhärad Välfärd",
    });
    expect(workshop?.gatherings.map((g) => g.number)).toEqual([1, 2, 3]);
    expect(workshop?.lectures.map((l) => l.slug)).toEqual(["midnatt", "larande", "installd"]);
  });

  it.each([["utkast"], ["ht25"], ["finns-inte"]])("returns null for %s", async (slug) => {
    expect(await getPublishedWorkshop(slug)).toBeNull();
  });
});

describe("the lecture page", () => {
  it("returns a published lecture with lecturer and venue", async () => {
    const lecture = await getPublishedLecture("ht26", "larande");
    expect(lecture).toMatchObject({
      title: "Föreläsning larande",
      status: "PUBLISHED",
      lecturer: { name: "Per Ek", affiliation: "Linköpings universitet", bio: null },
      venue: { name: "Högskolan", streetAddress: "Allégatan 1", postalCode: "501 90", city: "Borås", mapUrl: null },
      workshop: { slug: "ht26" },
    });
  });

  it("returns a cancelled lecture, so its page can say that it is cancelled", async () => {
    expect((await getPublishedLecture("ht26", "installd"))?.status).toBe("CANCELLED");
  });

  it.each([
    ["a draft lecture", "ht26", "hemlig"],
    ["a lecture of a draft workshop", "utkast", "utkast-forelasning"],
    ["a lecture of an archived workshop", "ht25", "arkiverad"],
    ["a lecture under the wrong workshop", "ht25", "larande"],
    ["an unknown lecture", "ht26", "finns-inte"],
  ])("returns null for %s", async (_label, workshopSlug, lectureSlug) => {
    expect(await getPublishedLecture(workshopSlug, lectureSlug)).toBeNull();
  });
});

describe("the site organiser", () => {
  it("is the first organiser registered", async () => {
    expect(await getSiteOrganiser()).toMatchObject({ name: "FoU Testhärad Välfärd", email: "fou@testharad.se" });
  });
});
