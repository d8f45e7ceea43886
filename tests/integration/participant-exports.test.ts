/**
 * Participant exports (issue 8, part 6) and the per-organisation overview: per session, per
 * workshop and per organisation, exactly the right rows (the CSV parsed back, the .xlsx opened with
 * exceljs), drafts never exported, who may export what through the real route, each export audited,
 * and the overview's counts. Dates in 2031.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/exports/participants/route";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getOrganisationOverview } from "@/lib/server/attendance/get-organisation-overview";
import { listOrganisationOverview } from "@/lib/server/attendance/list-organisation-overview";
import { exportParticipants, exportParticipantsInput } from "@/lib/server/exports/export-participants";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createProjectPm,
  createUser,
  createVenue,
  createWorkshop,
} from "@/tests/factories";
import { signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2031-03-20T10:00:00Z");

type Names = "coordinator" | "admin" | "orderer" | "otherOrderer" | "anna" | "bo" | "cia" | "dan" | "eva" | "fia";
const people = {} as Record<Names, SessionUser>;
const ids = {} as Record<"w" | "draftWorkshop" | "boras" | "ulricehamn" | "l1" | "draftLecture" | "draftWorkshopGathering", string>;

async function person(name: string, roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[], organisationId: string | null = null) {
  const row = await createUser(db, { roles, organisationId, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@export.test` });
  return (await loadSessionUser(row.id))!;
}

/** RFC 4180 with `;`: quoted fields may hold `;`, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") endField();
    else if (c === "\r" && body[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  const boras = await createOrganisation(db, { name: "Borås Stad" });
  const ulricehamn = await createOrganisation(db, { name: "Ulricehamns kommun" });
  await createOrganisation(db, { name: "Tranemo kommun" });
  const w = await createWorkshop(db, {
    organiserId: organiser.id, title: "Förbättringsverkstad 2030/31",
    startsOn: "2031-02-13", endsOn: "2031-06-12", pmDeadline: "2031-02-06", cancellationDeadline: "2031-01-30", followUpOn: "2031-12-11",
  });
  const draftWorkshop = await createWorkshop(db, {
    organiserId: organiser.id, title: "Förbättringsverkstad 2031/32", status: "DRAFT",
    startsOn: "2031-09-11", endsOn: "2032-02-12", pmDeadline: "2031-09-04", cancellationDeadline: "2031-08-28", followUpOn: "2032-09-09",
  });
  const venue = await createVenue(db);
  const lecturer = await createLecturer(db);
  const lecture = (date: string, title: string, status: "PUBLISHED" | "DRAFT" | "CANCELLED" = "PUBLISHED") =>
    createLecture(db, { workshopId: w.id, venueId: venue.id, lecturerId: lecturer.id, date, title, status });
  const g1 = await createGathering(db, { workshopId: w.id, venueId: venue.id, date: "2031-02-13", title: "Samling 1" });
  const l1 = await lecture("2031-03-13", "Tillit och styrning");
  const l2 = await lecture("2031-04-10", "Att mäta förbättring");
  const draftLecture = await lecture("2031-05-08", "Hemlig föreläsning", "DRAFT");
  await lecture("2031-03-06", "Inställd föreläsning", "CANCELLED");
  const gd = await createGathering(db, { workshopId: draftWorkshop.id, venueId: venue.id, date: "2031-09-11", title: "Samling i utkast" });
  Object.assign(ids, { w: w.id, draftWorkshop: draftWorkshop.id, boras: boras.id, ulricehamn: ulricehamn.id, l1: l1.id, draftLecture: draftLecture.id, draftWorkshopGathering: gd.id });

  Object.assign(people, {
    coordinator: await person("Cecilia Samordnare", ["COORDINATOR"]),
    admin: await person("Ada Admin", ["ADMIN"]),
    orderer: await person("Olle Chef", ["ORDERER"], boras.id),
    otherOrderer: await person("Ulla Chef", ["ORDERER"], ulricehamn.id),
    anna: await person("Anna Andersson", ["PARTICIPANT"], boras.id),
    bo: await person("Bo Berg", ["PARTICIPANT"], boras.id),
    cia: await person("Cia Carlsson", ["PARTICIPANT"], ulricehamn.id),
    dan: await person("Dan Dahl", ["PARTICIPANT"], ulricehamn.id),
    eva: await person("Eva Ek", ["PARTICIPANT"]),
    fia: await person("Fia Fors", ["PARTICIPANT"], boras.id),
  });
  const anna = await createBooking(db, { kind: "PACKAGE", workshopId: w.id, participantId: people.anna.id, ownProject: true });
  await db.booking.update({ where: { id: anna.id }, data: { dietaryNeeds: "Vegetarisk; inga nötter", accessibilityNeeds: "Hörslinga" } });
  await createProjectPm(db, { bookingId: anna.id, workshopId: w.id, participantId: people.anna.id, status: "ACCEPTED", reviewerId: people.coordinator.id });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.bo.id, bookedById: people.orderer.id });
  const cia = await createBooking(db, { kind: "PACKAGE", workshopId: w.id, participantId: people.cia.id, ownProject: true });
  await createProjectPm(db, { bookingId: cia.id, workshopId: w.id, participantId: people.cia.id, status: "DRAFT" });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.cia.id });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.dan.id, status: "PENDING_PAYMENT" });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.eva.id, status: "CANCELLED" });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l2.id, participantId: people.fia.id });
  // Fia is also booked in next year's draft workshop: that must never show.
  await createBooking(db, { kind: "PACKAGE", workshopId: draftWorkshop.id, participantId: people.fia.id });

  const mark = (participantId: string, sessionKey: string, present: boolean, session: { lectureId?: string; gatheringId?: string }) =>
    db.attendance.create({ data: { participantId, sessionKey, present, recordedById: people.coordinator.id, ...session } });
  await mark(people.anna.id, `L:${l1.id}`, true, { lectureId: l1.id });
  await mark(people.bo.id, `L:${l1.id}`, false, { lectureId: l1.id });
  await mark(people.cia.id, `G:${g1.id}`, true, { gatheringId: g1.id });
  await mark(people.fia.id, `G:${gd.id}`, true, { gatheringId: gd.id });
});

const HEADER_SV = ["Namn", "E-post", "Organisation", "Typ av bokning", "Bokningens status", "Förbättringsverkstad", "Tillfälle", "Börjar", "Närvaro", "Kostbehov", "Tillgänglighetsbehov"];
const W = "Förbättringsverkstad 2030/31";
const ANNA = ["Anna Andersson", "anna.andersson@export.test", "Borås Stad", "Hela verkstaden, eget förbättringsarbete", "Bekräftad", W];
const ANNA_NEEDS = ["Vegetarisk; inga nötter", "Hörslinga"];
const BO = ["Bo Berg", "bo.berg@export.test", "Borås Stad", "Enstaka föreläsning", "Bekräftad", W];
const CIA = ["Cia Carlsson", "cia.carlsson@export.test", "Ulricehamns kommun", "Hela verkstaden, eget förbättringsarbete", "Bekräftad", W];
const DAN = ["Dan Dahl", "dan.dahl@export.test", "Ulricehamns kommun", "Enstaka föreläsning", "Väntar på betalning", W];
const FIA = ["Fia Fors", "fia.fors@export.test", "Borås Stad", "Enstaka föreläsning", "Bekräftad", W];
const G1 = ["Samling 1", "2031-02-13 09:00"];
const L1 = ["Tillit och styrning", "2031-03-13 09:00"];
const L2 = ["Att mäta förbättring", "2031-04-10 09:00"];

const csv = async (user: SessionUser, values: Record<string, string>, locale: "sv" | "en" = "sv") => {
  const file = await exportParticipants(user, exportParticipantsInput.parse({ format: "csv", ...values }), now, { locale });
  return parseCsv(new TextDecoder().decode(file.body));
};

describe("exportParticipants: exactly the right rows", () => {
  it("per session: the lecture's bookings holding a seat and the workshop's packages, once each, with attendance and needs", async () => {
    expect(await csv(people.coordinator, { scope: "session", id: `l-${ids.l1}` })).toEqual([
      HEADER_SV,
      [...ANNA, ...L1, "Närvarande", ...ANNA_NEEDS],
      [...BO, ...L1, "Frånvarande", "", ""],
      [...CIA, ...L1, "Inte registrerad", "", ""],
      [...DAN, ...L1, "Inte registrerad", "", ""],
    ]);
  });

  it("per workshop: one row per person and published session, in time order; no cancelled or draft sessions", async () => {
    expect(await csv(people.admin, { scope: "workshop", id: ids.w })).toEqual([
      HEADER_SV,
      [...ANNA, ...G1, "Inte registrerad", ...ANNA_NEEDS],
      [...CIA, ...G1, "Närvarande", "", ""],
      [...ANNA, ...L1, "Närvarande", ...ANNA_NEEDS],
      [...BO, ...L1, "Frånvarande", "", ""],
      [...CIA, ...L1, "Inte registrerad", "", ""],
      [...DAN, ...L1, "Inte registrerad", "", ""],
      [...ANNA, ...L2, "Inte registrerad", ...ANNA_NEEDS],
      [...CIA, ...L2, "Inte registrerad", "", ""],
      [...FIA, ...L2, "Inte registrerad", "", ""],
    ]);
  });

  it("per organisation: only its people, never the draft workshop's sessions", async () => {
    const rows = await csv(people.coordinator, { scope: "organisation", id: ids.boras });
    expect(rows).toEqual([
      HEADER_SV,
      [...ANNA, ...G1, "Inte registrerad", ...ANNA_NEEDS],
      [...ANNA, ...L1, "Närvarande", ...ANNA_NEEDS],
      [...BO, ...L1, "Frånvarande", "", ""],
      [...ANNA, ...L2, "Inte registrerad", ...ANNA_NEEDS],
      [...FIA, ...L2, "Inte registrerad", "", ""],
    ]);
    expect(rows.flat().join(" ")).not.toMatch(/Samling i utkast|Hemlig/);
    expect(await csv(people.coordinator, { scope: "organisation", id: ids.boras, workshopId: ids.w })).toEqual(rows);
  });

  it("writes headers and values in the reader's language", async () => {
    const [header, first] = await csv(people.coordinator, { scope: "session", id: `l-${ids.l1}` }, "en");
    expect(header).toEqual(["Name", "E-mail", "Organisation", "Booking type", "Booking status", "Improvement workshop", "Session", "Starts", "Attendance", "Dietary needs", "Accessibility needs"]);
    expect(first).toEqual(["Anna Andersson", "anna.andersson@export.test", "Borås Stad", "Whole workshop, own improvement project", "Confirmed", W, ...L1, "Present", ...ANNA_NEEDS]);
  });

  it("never exports drafts: a draft session, a session of a draft workshop, a draft workshop → NOT_FOUND", async () => {
    const drafts: Record<string, string>[] = [
      { scope: "session", id: `l-${ids.draftLecture}` },
      { scope: "session", id: `g-${ids.draftWorkshopGathering}` },
      { scope: "workshop", id: ids.draftWorkshop },
      { scope: "organisation", id: ids.boras, workshopId: ids.draftWorkshop },
    ];
    for (const values of drafts) {
      await expect(csv(people.admin, values)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("records each export in the audit log: who, which scope, how many rows", async () => {
    const before = await db.auditEvent.count({ where: { action: "participants.exported" } });
    await exportParticipants(people.orderer, exportParticipantsInput.parse({ scope: "organisation", id: ids.boras, format: "xlsx" }), now, { locale: "sv", requestId: "req-9" });
    expect(await db.auditEvent.count({ where: { action: "participants.exported" } })).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "participants.exported" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({
      actorId: people.orderer.id, entityType: "ParticipantExport", entityId: ids.boras, requestId: "req-9",
      after: { scope: "organisation", id: ids.boras, workshopId: null, format: "xlsx", rows: 5 },
    });
  });
});

describe("GET /api/exports/participants", () => {
  const get = (query: string) => exportRoute(new Request(`http://localhost:3000/api/exports/participants?${query}`));

  it("gives an Excel file that opens with the same rows as the CSV", async () => {
    signInAs(people.coordinator);
    const response = await get(`scope=workshop&id=${ids.w}&format=xlsx&lang=sv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="deltagare-verkstad-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Deltagare");
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        HEADER_SV.map((_, i) => {
          const v = values[i];
          if (v instanceof Date) return v.toISOString().slice(0, 16).replace("T", " ");
          return v === undefined || v === null ? "" : String(v);
        }),
      );
    });
    expect(rows).toEqual(await csv(people.coordinator, { scope: "workshop", id: ids.w }));
  });

  it("lets an orderer export their own organisation, and answers 404 for another organisation, 403 for other scopes", async () => {
    signInAs(people.orderer);
    const own = await get(`scope=organisation&id=${ids.boras}&format=csv&lang=en`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toMatch(/filename="participants-organisation-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(parseCsv(await own.text())).toHaveLength(6);

    const before = await db.auditEvent.count({ where: { action: "participants.exported" } });
    const other = await get(`scope=organisation&id=${ids.ulricehamn}&format=csv`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ ok: false, code: "NOT_FOUND", message: "Vi hittar inte det du söker." });
    expect((await get(`scope=workshop&id=${ids.w}&format=csv`)).status).toBe(403);
    expect((await get(`scope=session&id=l-${ids.l1}&format=csv`)).status).toBe(403);
    signInAs(people.otherOrderer);
    expect((await get(`scope=organisation&id=${ids.boras}&format=xlsx`)).status).toBe(404);
    signInAs(people.anna);
    expect((await get(`scope=organisation&id=${ids.boras}&format=csv`)).status).toBe(403);
    expect(await db.auditEvent.count({ where: { action: "participants.exported" } })).toBe(before);
  });

  it("answers 401 when signed out and 400 with translated field messages for a bad query", async () => {
    signInAs(null);
    const anonymous = await get(`scope=workshop&id=${ids.w}&format=csv`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "UNAUTHENTICATED", message: "Du behöver logga in först." });

    signInAs(people.coordinator);
    const badScope = await get(`scope=people&id=${ids.w}&format=csv`);
    expect(badScope.status).toBe(400);
    expect(await badScope.json()).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { scope: ["Välj ett av alternativen."] } });
    const badFormat = await get(`scope=workshop&id=${ids.w}&format=pdf&lang=en`);
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({ fieldErrors: { format: ["Choose one of the options."] } });
    expect((await get("scope=workshop&id=not%20an%20id&format=csv")).status).toBe(400);
    expect((await get("scope=workshop&format=csv")).status).toBe(400);
    expect((await get(`scope=session&id=x-${ids.l1}&format=csv`)).status).toBe(404);
  });
});

describe("the per-organisation overview", () => {
  it("counts each organisation's participants, bookings, own projects, attendance and PMs for the current published workshop", async () => {
    const overview = await listOrganisationOverview(people.coordinator, {}, now);
    expect(overview.workshops.map((w) => w.id)).toEqual([ids.w]); // the draft is not offered
    expect(overview.workshop?.id).toBe(ids.w);
    const byName = Object.fromEntries(overview.rows.map((r) => [r.organisation.name, r.counts]));
    expect(byName["Borås Stad"]).toEqual({
      participants: 3, packageBookings: 1, lectureBookings: 2, ownProjects: 1, present: 1, absent: 1, attendanceRate: 50, pmsSubmitted: 1, pmsAccepted: 1,
    });
    expect(byName["Ulricehamns kommun"]).toEqual({
      participants: 2, packageBookings: 1, lectureBookings: 2, ownProjects: 1, present: 1, absent: 0, attendanceRate: 100, pmsSubmitted: 0, pmsAccepted: 0,
    });
    expect(byName["Tranemo kommun"]).toMatchObject({ participants: 0, attendanceRate: null });
    expect(overview.withoutOrganisation.participants).toBe(0); // Eva's booking is cancelled
    expect(overview.totals).toMatchObject({ participants: 5, packageBookings: 2, lectureBookings: 4, present: 2, absent: 1, attendanceRate: 67 });

    // The counts agree with the export: the same people.
    const exported = await csv(people.coordinator, { scope: "organisation", id: ids.boras });
    expect(new Set(exported.slice(1).map((r) => r[1])).size).toBe(byName["Borås Stad"]!.participants);

    await expect(listOrganisationOverview(people.coordinator, { workshop: ids.draftWorkshop }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listOrganisationOverview(people.orderer, {}, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows one organisation with its people to coordinators and its own orderer; anyone else gets NOT_FOUND", async () => {
    const page = await getOrganisationOverview(people.orderer, { organisationId: ids.boras }, now);
    expect(page.counts).toMatchObject({ participants: 3, attendanceRate: 50 });
    expect(page.people.map((p) => [p.name, p.bookings.map((b) => b.lectureTitle ?? b.kind), p.attendance])).toEqual([
      ["Anna Andersson", ["PACKAGE"], { sessions: 2, present: 1, absent: 0 }],
      ["Bo Berg", ["Tillit och styrning"], { sessions: 1, present: 0, absent: 1 }],
      ["Fia Fors", ["Att mäta förbättring"], { sessions: 0, present: 0, absent: 0 }],
    ]);
    expect((await getOrganisationOverview(people.coordinator, { organisationId: ids.ulricehamn }, now)).people.map((p) => p.name)).toEqual(["Cia Carlsson", "Dan Dahl"]);
    for (const who of [people.otherOrderer, people.anna]) {
      await expect(getOrganisationOverview(who, { organisationId: ids.boras }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(getOrganisationOverview(people.admin, { organisationId: ids.boras, workshop: ids.draftWorkshop }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
