/**
 * Attendance (issue 8, part 5): who is expected at a session, recording present/absent for them
 * (one at a time and the whole list at once, idempotently, audited), the refusals (someone not
 * booked, a draft session, a cancelled one, before the session's Stockholm day), the session list
 * around today, and the participant's own record. Dates in 2031, `now` passed in.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { recordAttendanceAction, recordAttendanceBatchAction } from "@/app/_actions/attendance";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getAttendanceSheet } from "@/lib/server/attendance/get-attendance-sheet";
import { listAttendanceSessions } from "@/lib/server/attendance/list-attendance-sessions";
import { listMyAttendance } from "@/lib/server/attendance/list-my-attendance";
import { recordAttendance } from "@/lib/server/attendance/record-attendance";
import { recordAttendanceBatch } from "@/lib/server/attendance/record-attendance-batch";
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
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

/** 11:00 Stockholm time on the day of lecture L1 (13 March 2031, 09:00–12:00). */
const lectureDay = new Date("2031-03-13T10:00:00Z");

type Names = "coordinator" | "admin" | "orderer" | "anna" | "bo" | "cia" | "dan" | "eva" | "fia";
const people = {} as Record<Names, SessionUser>;
const ref = {} as Record<"g1" | "l1" | "l2" | "draft" | "cancelled" | "draftWorkshopGathering", string>;

async function person(name: string, roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[], organisationId: string | null = null) {
  const row = await createUser(db, { roles, organisationId, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@attendance.test` });
  return (await loadSessionUser(row.id))!;
}

beforeAll(async () => {
  const organiser = await createOrganiser(db);
  const boras = await createOrganisation(db, { name: "Borås Stad" });
  const ulricehamn = await createOrganisation(db, { name: "Ulricehamns kommun" });
  const w = await createWorkshop(db, { organiserId: organiser.id, title: "Förbättringsverkstad 2030/31", startsOn: "2031-02-13", endsOn: "2031-06-12", pmDeadline: "2031-02-06", cancellationDeadline: "2031-01-30", followUpOn: "2031-12-11" });
  const draftWorkshop = await createWorkshop(db, { organiserId: organiser.id, title: "Förbättringsverkstad 2031/32", status: "DRAFT", startsOn: "2031-09-11", endsOn: "2032-02-12", pmDeadline: "2031-09-04", cancellationDeadline: "2031-08-28", followUpOn: "2032-09-09" });
  const venue = await createVenue(db, { name: "Navet" });
  const lecturer = await createLecturer(db);
  const lecture = (date: string, title: string, status: "PUBLISHED" | "DRAFT" | "CANCELLED" = "PUBLISHED") =>
    createLecture(db, { workshopId: w.id, venueId: venue.id, lecturerId: lecturer.id, date, title, status });
  const g1 = await createGathering(db, { workshopId: w.id, venueId: venue.id, date: "2031-02-13", title: "Samling 1" });
  const l1 = await lecture("2031-03-13", "Tillit och styrning");
  const l2 = await lecture("2031-04-10", "Att mäta förbättring");
  const draft = await lecture("2031-05-08", "Utkast till föreläsning", "DRAFT");
  const cancelled = await lecture("2031-03-06", "Inställd föreläsning", "CANCELLED");
  const gd = await createGathering(db, { workshopId: draftWorkshop.id, venueId: venue.id, date: "2031-03-13", title: "Samling i utkast" });
  Object.assign(ref, { g1: `g-${g1.id}`, l1: `l-${l1.id}`, l2: `l-${l2.id}`, draft: `l-${draft.id}`, cancelled: `l-${cancelled.id}`, draftWorkshopGathering: `g-${gd.id}` });

  Object.assign(people, {
    coordinator: await person("Cecilia Samordnare", ["COORDINATOR"]),
    admin: await person("Ada Admin", ["ADMIN"]),
    orderer: await person("Olle Chef", ["ORDERER"], boras.id),
    anna: await person("Anna Andersson", ["PARTICIPANT"], boras.id),
    bo: await person("Bo Berg", ["PARTICIPANT"], boras.id),
    cia: await person("Cia Carlsson", ["PARTICIPANT"], ulricehamn.id),
    dan: await person("Dan Dahl", ["PARTICIPANT"], ulricehamn.id),
    eva: await person("Eva Ek", ["PARTICIPANT"]),
    fia: await person("Fia Fors", ["PARTICIPANT"], boras.id),
  });
  const anna = await createBooking(db, { kind: "PACKAGE", workshopId: w.id, participantId: people.anna.id, ownProject: true });
  await db.booking.update({ where: { id: anna.id }, data: { dietaryNeeds: "Vegetarisk", accessibilityNeeds: "Hörslinga" } });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.bo.id, bookedById: people.orderer.id });
  await createBooking(db, { kind: "PACKAGE", workshopId: w.id, participantId: people.cia.id });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.cia.id }); // counted once, by the package
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.dan.id, status: "PENDING_PAYMENT" });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l1.id, participantId: people.eva.id, status: "CANCELLED" });
  await createBooking(db, { kind: "LECTURE", workshopId: w.id, lectureId: l2.id, participantId: people.fia.id });
  await createBooking(db, { kind: "PACKAGE", workshopId: draftWorkshop.id, participantId: people.fia.id });
});

/** Actions read the clock themselves: pretend it is `at` while calling them (only Date is faked). */
async function at<T>(when: Date, call: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: when });
  try {
    return await call();
  } finally {
    vi.useRealTimers();
  }
}

const sheet = (sessionRef: string, now = lectureDay, q?: string) => getAttendanceSheet(people.coordinator, { sessionRef, q }, now);
const states = async (sessionRef: string, now = lectureDay) =>
  Object.fromEntries((await sheet(sessionRef, now)).rows.map((r) => [r.name, r.state]));
const attendanceCount = () => db.attendance.count();
const auditCount = () => db.auditEvent.count({ where: { action: "attendance.recorded" } });

describe("the attendance list of a session", () => {
  it("expects a lecture's confirmed lecture bookings and the workshop's packages, each person once", async () => {
    const l1 = await sheet(ref.l1);
    expect(l1.rows.map((r) => [r.name, r.organisation, r.bookingKind, r.ownProject])).toEqual([
      ["Anna Andersson", "Borås Stad", "PACKAGE", true],
      ["Bo Berg", "Borås Stad", "LECTURE", false],
      ["Cia Carlsson", "Ulricehamns kommun", "PACKAGE", false],
    ]);
    expect(l1.rows[0]).toMatchObject({ dietaryNeeds: "Vegetarisk", accessibilityNeeds: "Hörslinga", state: "notRecorded" });
    expect(l1.canRecord).toBe(true);
    expect(l1.summary).toEqual({ expected: 3, present: 0, absent: 0, notRecorded: 3 });
  });

  it("expects only the package bookings at a gathering", async () => {
    expect((await sheet(ref.g1)).rows.map((r) => r.name)).toEqual(["Anna Andersson", "Cia Carlsson"]);
  });

  it("searches by name or organisation, and the summary still counts everyone", async () => {
    const byName = await sheet(ref.l1, lectureDay, "berg");
    expect(byName.rows.map((r) => r.name)).toEqual(["Bo Berg"]);
    expect(byName.summary.expected).toBe(3);
    expect((await sheet(ref.l1, lectureDay, "ulricehamn")).rows.map((r) => r.name)).toEqual(["Cia Carlsson"]);
    expect((await sheet(ref.l1, lectureDay, "BORÅS")).rows.map((r) => r.name)).toEqual(["Anna Andersson", "Bo Berg"]);
  });

  it("is NOT_FOUND for a draft session, a session of a draft workshop, or a made-up reference", async () => {
    for (const r of [ref.draft, ref.draftWorkshopGathering, "l-doesnotexist", "x-123", "l-ABC"]) {
      await expect(sheet(r)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("is for coordinators and admins only", async () => {
    await expect(getAttendanceSheet(people.anna, { sessionRef: ref.l1 }, lectureDay)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAttendanceSheet(people.orderer, { sessionRef: ref.l1 }, lectureDay)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAttendanceSheet(people.admin, { sessionRef: ref.l1 }, lectureDay)).resolves.toBeTruthy();
  });

  it("says when recording opens for a session that has not begun", async () => {
    const l2 = await sheet(ref.l2);
    expect(l2).toMatchObject({ canRecord: false, opensOn: "2031-04-10" });
  });
});

describe("recording attendance", () => {
  it("records present and absent for expected people through the form's action, audited", async () => {
    signInAs(people.coordinator);
    const auditsBefore = await auditCount();
    const form = new FormData();
    form.set("sessionRef", ref.l1);
    form.set(`mark.${people.anna.id}`, "present");
    form.set(`mark.${people.bo.id}`, "absent");
    // Cia left without a choice: stays not recorded.
    const result = await at(lectureDay, () => callForResult(recordAttendanceBatchAction, form));
    expect(result).toEqual({ ok: true, data: { saved: 2, unchanged: 0 } });
    expect(await states(ref.l1)).toEqual({ "Anna Andersson": "present", "Bo Berg": "absent", "Cia Carlsson": "notRecorded" });

    const rows = await db.attendance.findMany({ where: { sessionKey: `L:${ref.l1.slice(2)}` }, orderBy: { present: "asc" } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ recordedById: people.coordinator.id, lectureId: ref.l1.slice(2), gatheringId: null });
      expect(row.bookingId).not.toBeNull();
    }
    expect(await auditCount()).toBe(auditsBefore + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "attendance.recorded" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ actorId: people.coordinator.id, entityType: "Attendance", entityId: `L:${ref.l1.slice(2)}` });
    expect(event.after).toEqual(expect.arrayContaining([{ participantId: people.anna.id, present: true }, { participantId: people.bo.id, present: false }]));
  });

  it("saving the same marks again changes nothing and logs nothing (idempotent)", async () => {
    const before = { rows: await db.attendance.findMany({ orderBy: { id: "asc" } }), audits: await auditCount() };
    const again = await recordAttendanceBatch(
      people.coordinator,
      { sessionRef: ref.l1, marks: [{ participantId: people.anna.id, present: true }, { participantId: people.bo.id, present: false }] },
      new Date("2031-03-13T15:00:00Z"),
    );
    expect(again).toEqual({ saved: 0, unchanged: 2 });
    expect(await db.attendance.findMany({ orderBy: { id: "asc" } })).toEqual(before.rows);
    expect(await auditCount()).toBe(before.audits);
  });

  it("can be changed afterwards, by another coordinator or an admin, one person at a time", async () => {
    const weekLater = new Date("2031-03-20T09:00:00Z");
    signInAs(people.admin);
    const result = await at(weekLater, () => callForResult(recordAttendanceAction, { sessionRef: ref.l1, participantId: people.bo.id, present: true }));
    expect(result).toMatchObject({ ok: true, data: { saved: 1 } });
    await recordAttendance(people.coordinator, { sessionRef: ref.l1, participantId: people.cia.id, present: true }, weekLater);
    expect(await states(ref.l1, weekLater)).toEqual({ "Anna Andersson": "present", "Bo Berg": "present", "Cia Carlsson": "present" });
    const bo = await db.attendance.findFirstOrThrow({ where: { participantId: people.bo.id, sessionKey: `L:${ref.l1.slice(2)}` } });
    expect(bo.recordedById).toBe(people.admin.id);
    const cia = await db.attendance.findFirstOrThrow({ where: { participantId: people.cia.id } });
    expect(cia.recordedAt).toEqual(weekLater);
  });

  it("refuses someone not expected (not booked, pending payment, cancelled, another lecture's) and saves nothing of the batch", async () => {
    const [rows, audits] = [await attendanceCount(), await auditCount()];
    for (const stranger of [people.fia, people.dan, people.eva, people.orderer]) {
      await expect(
        recordAttendanceBatch(
          people.coordinator,
          { sessionRef: ref.l1, marks: [{ participantId: people.anna.id, present: false }, { participantId: stranger.id, present: true }] },
          lectureDay,
        ),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { marks: ["attendanceNotExpected"] } });
    }
    // A lecture booking does not make you expected at a gathering.
    await expect(recordAttendance(people.coordinator, { sessionRef: ref.g1, participantId: people.bo.id, present: true }, lectureDay)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await attendanceCount()).toBe(rows);
    expect(await auditCount()).toBe(audits);
    expect((await states(ref.l1))["Anna Andersson"]).toBe("present");
  });

  it("refuses a draft session and a session of a draft workshop as NOT_FOUND", async () => {
    const rows = await attendanceCount();
    for (const sessionRef of [ref.draft, ref.draftWorkshopGathering]) {
      await expect(recordAttendance(people.coordinator, { sessionRef, participantId: people.fia.id, present: true }, lectureDay)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await attendanceCount()).toBe(rows);
  });

  it("refuses a cancelled session", async () => {
    await expect(recordAttendance(people.coordinator, { sessionRef: ref.cancelled, participantId: people.anna.id, present: true }, lectureDay)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { sessionRef: ["attendanceCancelled"] },
    });
  });

  it("refuses before the session's Stockholm day, and says from which day, in the reader's words", async () => {
    // L2 starts 10 April 2031 09:00 CEST; its day begins 2031-04-09T22:00Z.
    const mark = { sessionRef: ref.l2, participantId: people.fia.id, present: true };
    await expect(recordAttendance(people.coordinator, mark, new Date("2031-04-09T21:59:59.999Z"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { sessionRef: [{ key: "attendanceNotYet", params: { date: "2031-04-10" } }] },
    });
    signInAs(people.coordinator);
    const refused = await callForResult(recordAttendanceAction, mark); // the real clock is years before 2031
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!refused.ok && refused.fieldErrors?.sessionRef?.[0]).toMatch(/^Närvaro kan registreras först från och med 2031-04-10/);
    await expect(recordAttendance(people.coordinator, mark, new Date("2031-04-09T22:00:00Z"))).resolves.toEqual({ saved: 1, unchanged: 0 });
  });

  it("is refused to participants and orderers, and to the signed-out", async () => {
    const rows = await attendanceCount();
    for (const who of [people.anna, people.orderer]) {
      signInAs(who);
      expect(await callForResult(recordAttendanceAction, { sessionRef: ref.l1, participantId: who.id, present: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await callForResult(recordAttendanceBatchAction, { sessionRef: ref.l1, marks: [] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs(null);
    expect(await callForResult(recordAttendanceAction, { sessionRef: ref.l1, participantId: people.anna.id, present: true })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await attendanceCount()).toBe(rows);
  });

  it("answers a bad form with field errors", async () => {
    signInAs(people.coordinator);
    const form = new FormData();
    form.set("sessionRef", ref.l1);
    form.set(`mark.${people.anna.id}`, "maybe");
    expect(await at(lectureDay, () => callForResult(recordAttendanceBatchAction, form))).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { "marks.0.present": ["Välj ett av alternativen."] } });
  });
});

describe("the list of sessions", () => {
  it("lists published and cancelled sessions of published workshops around today, with counts; never drafts", async () => {
    await recordAttendance(people.coordinator, { sessionRef: ref.g1, participantId: people.cia.id, present: false }, lectureDay);
    const list = await listAttendanceSessions(people.coordinator, lectureDay);
    expect(list.open.map((s) => [s.ref, s.status])).toEqual([
      [ref.l1, "PUBLISHED"],
      [ref.cancelled, "CANCELLED"],
      [ref.g1, "PUBLISHED"],
    ]);
    expect(list.upcoming.map((s) => s.ref)).toEqual([ref.l2]);
    expect(list.open[0]).toMatchObject({ expected: 3, present: 3, recorded: 3 });
    expect(list.open[2]).toMatchObject({ expected: 2, present: 0, recorded: 1 });
    await expect(listAttendanceSessions(people.anna, lectureDay)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the participant's own record", () => {
  it("shows the sessions that have begun and whether they were there", async () => {
    const anna = await listMyAttendance(people.anna, lectureDay);
    expect(anna.rows.map((r) => [r.title, r.state])).toEqual([
      ["Tillit och styrning", "present"],
      ["Samling 1", "notRecorded"],
    ]);
    expect(anna.summary).toEqual({ expected: 2, present: 1, absent: 0, notRecorded: 1 });

    const cia = await listMyAttendance(people.cia, lectureDay);
    expect(cia.rows.map((r) => [r.title, r.state])).toEqual([
      ["Tillit och styrning", "present"],
      ["Samling 1", "absent"],
    ]);
    // Fia's lecture (L2) was recorded on its own day; on the L1 day it has not begun yet.
    expect((await listMyAttendance(people.fia, lectureDay)).rows).toEqual([]);
    expect((await listMyAttendance(people.fia, new Date("2031-04-10T12:00:00Z"))).rows.map((r) => [r.title, r.state])).toEqual([["Att mäta förbättring", "present"]]);
    // Nothing of anyone else's, and nothing of a draft workshop.
    expect((await listMyAttendance(people.dan, lectureDay)).rows).toEqual([]);
  });
});
