import { describe, expect, it } from "vitest";
import {
  attendanceOpensOn,
  attendanceRatePercent,
  attendanceSessionKey,
  attendanceState,
  expectedBookings,
  mayRecordAttendance,
  onePerPerson,
  parseAttendanceSessionKey,
  parseSessionRef,
  sessionRefParam,
  summariseAttendance,
  type BookingForAttendance,
} from "@/lib/domain/attendance";

describe("session references", () => {
  it.each([
    [{ kind: "lecture", id: "clx1abc" }, "l-clx1abc", "L:clx1abc"],
    [{ kind: "gathering", id: "g2def" }, "g-g2def", "G:g2def"],
  ] as const)("%j is %s in an address and %s in the database, and back", (session, ref, key) => {
    expect(sessionRefParam(session)).toBe(ref);
    expect(parseSessionRef(ref)).toEqual(session);
    expect(attendanceSessionKey(session)).toBe(key);
    expect(parseAttendanceSessionKey(key)).toEqual(session);
  });

  it.each(["", "l-", "x-abc", "L-abc", "l:abc", "l-ABC", "l-a b", "l-abc/def", "p-abc", `l-${"a".repeat(65)}`])("refuses %j", (ref) => {
    expect(parseSessionRef(ref)).toBeNull();
  });

  it.each(["P:abc", "L-abc", "G:", "W:abc", "l:abc"])("refuses the key %j", (key) => {
    expect(parseAttendanceSessionKey(key)).toBeNull();
  });
});

describe("who is expected", () => {
  const b = (id: string, participantId: string, kind: "LECTURE" | "PACKAGE", status: BookingForAttendance["status"] = "CONFIRMED", lectureId: string | null = kind === "LECTURE" ? "lec1" : null, workshopId = "w1"): BookingForAttendance => ({
    id, participantId, kind, status, lectureId, workshopId,
  });
  const bookings = [
    b("1", "anna", "LECTURE"),
    b("2", "bo", "PACKAGE"),
    b("3", "cia", "LECTURE", "CONFIRMED", "lec2"),
    b("4", "dan", "LECTURE", "PENDING_PAYMENT"),
    b("5", "eva", "PACKAGE", "CANCELLED"),
    b("6", "fia", "LECTURE", "EXPIRED"),
    b("7", "anna", "PACKAGE"),
    b("8", "gun", "PACKAGE", "CONFIRMED", null, "w2"),
    b("9", "hans", "LECTURE", "CONFIRMED", "lec1", "w2"),
  ];

  it("a lecture expects its confirmed lecture bookings and the workshop's confirmed packages, each person once (by the package)", () => {
    const ids = expectedBookings({ kind: "lecture", id: "lec1", workshopId: "w1" }, bookings).map((x) => `${x.participantId}:${x.id}`);
    expect(ids.sort()).toEqual(["anna:7", "bo:2"]);
  });

  it("another lecture of the workshop expects its own bookings and the packages", () => {
    const ids = expectedBookings({ kind: "lecture", id: "lec2", workshopId: "w1" }, bookings).map((x) => `${x.participantId}:${x.id}`);
    expect(ids.sort()).toEqual(["anna:7", "bo:2", "cia:3"]);
  });

  it("a gathering expects only the package bookings", () => {
    const ids = expectedBookings({ kind: "gathering", id: "g1", workshopId: "w1" }, bookings).map((x) => x.participantId);
    expect(ids.sort()).toEqual(["anna", "bo"]);
  });

  it("pending, cancelled and expired bookings are not expected; onePerPerson (exports) keeps pending ones", () => {
    const session = { kind: "lecture" as const, id: "lec1", workshopId: "w1" };
    expect(expectedBookings(session, bookings).map((x) => x.participantId)).not.toContain("dan");
    const active = bookings.filter((x) => x.status === "CONFIRMED" || x.status === "PENDING_PAYMENT");
    expect(onePerPerson(session, active).map((x) => x.participantId).sort()).toEqual(["anna", "bo", "dan"]);
  });

  it("a lecture booking listed after the package does not replace it", () => {
    const ids = expectedBookings({ kind: "lecture", id: "lec1", workshopId: "w1" }, [b("p", "x", "PACKAGE"), b("l", "x", "LECTURE")]).map((x) => x.id);
    expect(ids).toEqual(["p"]);
  });
});

describe("when attendance may be recorded (Stockholm day of the start)", () => {
  // 2031-03-13 09:00 Stockholm (CET) = 08:00 UTC.
  const startsAt = new Date("2031-03-13T08:00:00Z");
  it.each([
    ["2031-03-12T22:59:59.999Z", false], // 23:59:59.999 the day before, Stockholm time
    ["2031-03-12T23:00:00.000Z", true], // 00:00 on the day
    ["2031-03-13T07:59:00Z", true], // before the start, the same day
    ["2031-03-20T10:00:00Z", true], // afterwards: still editable
  ])("at %s: %s", (now, allowed) => {
    expect(mayRecordAttendance(startsAt, new Date(now))).toBe(allowed);
  });

  it("in summer time the day starts at 22:00 UTC the evening before", () => {
    const summer = new Date("2031-09-18T07:00:00Z"); // 09:00 CEST
    expect(attendanceOpensOn(summer)).toBe("2031-09-18");
    expect(mayRecordAttendance(summer, new Date("2031-09-17T21:59:59Z"))).toBe(false);
    expect(mayRecordAttendance(summer, new Date("2031-09-17T22:00:00Z"))).toBe(true);
  });

  it("a session starting at 00:30 Stockholm time belongs to its Stockholm day, not UTC's", () => {
    expect(attendanceOpensOn(new Date("2031-01-09T23:30:00Z"))).toBe("2031-01-10");
  });
});

describe("marks and summaries", () => {
  it("a mark is present, absent, or not recorded", () => {
    expect(attendanceState({ present: true })).toBe("present");
    expect(attendanceState({ present: false })).toBe("absent");
    expect(attendanceState(null)).toBe("notRecorded");
    expect(attendanceState(undefined)).toBe("notRecorded");
  });

  it("sums the states", () => {
    expect(summariseAttendance(["present", "absent", "notRecorded", "present"])).toEqual({ expected: 4, present: 2, absent: 1, notRecorded: 1 });
    expect(summariseAttendance([])).toEqual({ expected: 0, present: 0, absent: 0, notRecorded: 0 });
  });

  it.each([
    [0, 0, null],
    [1, 0, 100],
    [0, 3, 0],
    [2, 1, 67],
    [1, 2, 33],
  ])("rate of %i present and %i absent is %s", (present, absent, rate) => {
    expect(attendanceRatePercent(present, absent)).toBe(rate);
  });
});
