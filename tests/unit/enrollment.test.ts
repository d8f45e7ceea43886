import { describe, expect, it } from "vitest";
import {
  bookingMachine,
  bookingRelation,
  canCancelSelf,
  cancelledLate,
  SESSION_CANCELLED_REASON,
  holdExpiresAt,
  holdsSeat,
  isHoldExpired,
  isOfferExpired,
  isOfferOpen,
  keysServedByRelease,
  mayCancel,
  nextInLine,
  offerExpiresAt,
  orderConfirmation,
  packageSeatsLeft,
  parseSessionKey,
  seatsLeft,
  sessionKeyOf,
  sessionRefOf,
  settledOrderStatus,
  shouldBookInstead,
  waitlistMachine,
  waitlistOrder,
  waitlistPosition,
  type BookingStatus,
  type QueueEntry,
  type WaitlistStatus,
} from "@/lib/domain/enrollment";
import { IllegalTransitionError } from "@/lib/domain/status-machine";
import { renderEmail } from "@/lib/mail/render";

const at = (iso: string) => new Date(iso);

describe("seats", () => {
  it.each([
    [{ capacity: 40, seatsTaken: 0 }, 40],
    [{ capacity: 40, seatsTaken: 39 }, 1],
    [{ capacity: 40, seatsTaken: 40 }, 0],
    [{ capacity: 40, seatsTaken: 41 }, 0], // never negative, even if data were wrong
  ])("%j leaves %i", (seats, left) => {
    expect(seatsLeft(seats)).toBe(left);
  });

  it("a package has as many places as its fullest part allows", () => {
    const pkg = { capacity: 30, seatsTaken: 10 };
    expect(packageSeatsLeft(pkg, [{ capacity: 60, seatsTaken: 5 }, { capacity: 40, seatsTaken: 30 }])).toBe(10);
    expect(packageSeatsLeft(pkg, [{ capacity: 60, seatsTaken: 55 }])).toBe(5);
    expect(packageSeatsLeft(pkg, [{ capacity: 40, seatsTaken: 40 }])).toBe(0);
    expect(packageSeatsLeft(pkg, [])).toBe(20);
  });
});

describe("holds", () => {
  const now = at("2026-11-23T10:00:00Z");
  it("expire after the workshop's hold time, not before", () => {
    const expires = holdExpiresAt(now, 30);
    expect(expires.toISOString()).toBe("2026-11-23T10:30:00.000Z");
    expect(isHoldExpired("PENDING_PAYMENT", expires, at("2026-11-23T10:29:59.999Z"))).toBe(false);
    expect(isHoldExpired("PENDING_PAYMENT", expires, at("2026-11-23T10:30:00.000Z"))).toBe(true);
  });
  it("only for unpaid bookings", () => {
    expect(isHoldExpired("CONFIRMED", at("2026-11-22T00:00:00Z"), now)).toBe(false);
    expect(isHoldExpired("PENDING_PAYMENT", null, now)).toBe(false);
  });
  it.each<[BookingStatus, boolean]>([
    ["PENDING_PAYMENT", true],
    ["CONFIRMED", true],
    ["CANCELLED", false],
    ["EXPIRED", false],
  ])("%s holds a seat: %s", (status, holds) => {
    expect(holdsSeat(status)).toBe(holds);
  });
  it("waiting-list offers stand for the given hours", () => {
    expect(offerExpiresAt(now, 48).toISOString()).toBe("2026-11-25T10:00:00.000Z");
  });
});

describe("cancellation cutoff, inclusive, Stockholm time", () => {
  it.each([
    ["2026-12-31", "2026-12-31T22:59:59Z", true], // 23:59:59 in winter time
    ["2026-12-31", "2026-12-31T23:00:00Z", false], // 00:00:00 on 1 January
    ["2027-06-01", "2027-06-01T21:59:59Z", true], // summer time
    ["2027-06-01", "2027-06-01T22:00:00Z", false],
  ])("deadline %s at %s → may cancel: %s", (deadline, now, allowed) => {
    expect(canCancelSelf(deadline, at(now))).toBe(allowed);
  });
});

describe("a late cancellation, for billing", () => {
  it.each([
    ["the participant, on the cancellation day", "2026-12-31T22:59:59Z", "Sjuk", false],
    ["the participant, the minute after it", "2026-12-31T23:00:00Z", "Sjuk", true],
    ["without a reason, after it", "2027-01-10T10:00:00Z", null, true],
    ["the organiser cancelled the session, after it", "2027-01-10T10:00:00Z", SESSION_CANCELLED_REASON, false],
  ])("%s → late: %s", (_label, cancelledAt, reason, late) => {
    expect(cancelledLate("2026-12-31", at(cancelledAt), reason)).toBe(late);
  });
});

describe("waiting list", () => {
  const entries: QueueEntry[] = [
    { id: "c", status: "WAITING", createdAt: at("2026-11-23T10:00:02Z") },
    { id: "b", status: "WAITING", createdAt: at("2026-11-23T10:00:01Z") },
    { id: "a", status: "WAITING", createdAt: at("2026-11-23T10:00:01Z") },
    { id: "x", status: "CANCELLED", createdAt: at("2026-11-23T09:00:00Z") },
    { id: "o", status: "OFFERED", createdAt: at("2026-11-23T09:30:00Z") },
  ];
  it("is first come, first served, ties broken by id", () => {
    expect(waitlistOrder(entries).map((e) => e.id)).toEqual(["x", "o", "a", "b", "c"]);
  });
  it("counts positions among those still waiting", () => {
    expect(waitlistPosition(entries, "a")).toBe(1);
    expect(waitlistPosition(entries, "c")).toBe(3);
    expect(waitlistPosition(entries, "o")).toBeNull();
    expect(waitlistPosition(entries, "missing")).toBeNull();
  });
  it("offers a freed seat to the first waiting entry", () => {
    expect(nextInLine(entries)?.id).toBe("a");
    expect(nextInLine(entries.filter((e) => e.status !== "WAITING"))).toBeNull();
  });
});

describe("status machines", () => {
  const bookingStatuses: BookingStatus[] = ["PENDING_PAYMENT", "CONFIRMED", "CANCELLED", "EXPIRED"];
  const legalBooking = new Set(["PENDING_PAYMENT>CONFIRMED", "PENDING_PAYMENT>CANCELLED", "PENDING_PAYMENT>EXPIRED", "CONFIRMED>CANCELLED"]);
  for (const from of bookingStatuses) {
    for (const to of bookingStatuses) {
      const legal = legalBooking.has(`${from}>${to}`);
      it(`booking ${from} → ${to} is ${legal ? "allowed" : "refused"}`, () => {
        if (legal) expect(bookingMachine.transition(from, to)).toBe(to);
        else expect(() => bookingMachine.transition(from, to)).toThrow(IllegalTransitionError);
      });
    }
  }

  const waitStatuses: WaitlistStatus[] = ["WAITING", "OFFERED", "ACCEPTED", "EXPIRED", "CANCELLED"];
  const legalWait = new Set(["WAITING>OFFERED", "WAITING>CANCELLED", "OFFERED>ACCEPTED", "OFFERED>EXPIRED", "OFFERED>CANCELLED"]);
  for (const from of waitStatuses) {
    for (const to of waitStatuses) {
      const legal = legalWait.has(`${from}>${to}`);
      it(`waiting list ${from} → ${to} is ${legal ? "allowed" : "refused"}`, () => {
        expect(waitlistMachine.can(from, to)).toBe(legal);
      });
    }
  }
});

describe("cancellation on the DST change days (Stockholm), for participants and staff", () => {
  it.each([
    // 25 October 2026: clocks go back at 03:00, the day has 25 hours; 23:59:59 is winter time (UTC+1).
    ["2026-10-25", "2026-10-25T22:59:59Z", "participant", true],
    ["2026-10-25", "2026-10-25T23:00:00Z", "participant", false], // 00:00:00 on 26 October
    ["2026-10-25", "2026-10-25T23:00:00Z", "orderer", false],
    ["2026-10-25", "2026-10-25T23:00:00Z", "staff", true],
    // 28 March 2027: clocks go forward at 02:00, the day has 23 hours; 23:59:59 is summer time (UTC+2).
    ["2027-03-28", "2027-03-28T21:59:59Z", "participant", true],
    ["2027-03-28", "2027-03-28T22:00:00Z", "participant", false], // 00:00:00 on 29 March
    ["2027-03-28", "2027-03-28T22:00:00Z", "staff", true],
  ] as const)("deadline %s at %s as %s → may cancel: %s", (deadline, now, relation, allowed) => {
    expect(mayCancel(relation, deadline, at(now))).toBe(allowed);
  });
});

describe("who may change a booking", () => {
  const parties = { participantId: "p", bookedById: "o", orderPlacedById: "o2" };
  it.each([
    [{ id: "p", roles: ["PARTICIPANT"] }, "participant"],
    [{ id: "o", roles: ["ORDERER"] }, "orderer"],
    [{ id: "o2", roles: ["ORDERER"] }, "orderer"],
    [{ id: "c", roles: ["COORDINATOR"] }, "staff"],
    [{ id: "a", roles: ["ADMIN"] }, "staff"],
    [{ id: "x", roles: ["PARTICIPANT", "ORDERER", "SUPERVISOR"] }, null], // someone else's: not found
  ] as const)("%j is %s", (actor, relation) => {
    expect(bookingRelation(parties, actor)).toBe(relation);
  });
  it("a participant who is also staff acts as the participant", () => {
    expect(bookingRelation(parties, { id: "p", roles: ["COORDINATOR"] })).toBe("participant");
  });
});

describe("waiting-list offers", () => {
  const expires = at("2026-11-25T10:00:00Z");
  it("stand until their time runs out, then expire (the same instant decides both)", () => {
    expect(isOfferOpen("OFFERED", expires, at("2026-11-25T09:59:59.999Z"))).toBe(true);
    expect(isOfferExpired("OFFERED", expires, at("2026-11-25T09:59:59.999Z"))).toBe(false);
    expect(isOfferOpen("OFFERED", expires, expires)).toBe(false);
    expect(isOfferExpired("OFFERED", expires, expires)).toBe(true);
  });
  it.each<WaitlistStatus>(["WAITING", "ACCEPTED", "EXPIRED", "CANCELLED"])("%s is no open offer and never expires as one", (status) => {
    expect(isOfferOpen(status, expires, at("2026-11-24T00:00:00Z"))).toBe(false);
    expect(isOfferExpired(status, expires, at("2026-11-26T00:00:00Z"))).toBe(false);
  });
  it("an offer without an expiry is neither open nor expired", () => {
    expect(isOfferOpen("OFFERED", null, expires)).toBe(false);
    expect(isOfferExpired("OFFERED", null, expires)).toBe(false);
  });
  it.each([
    [0, 1, false],
    [1, 1, true],
    [1, 3, false], // fewer seats than people: they all join, the seat is offered to the first in line
    [3, 3, true],
    [5, 2, true],
  ])("%i free seats for %i people → book instead: %s", (free, people, bookInstead) => {
    expect(shouldBookInstead(free, people)).toBe(bookInstead);
  });
});

describe("session keys and what a released seat serves", () => {
  it("name the session of a booking or entry, and back", () => {
    expect(sessionKeyOf({ kind: "LECTURE", workshopId: "w", lectureId: "l1" })).toBe("L:l1");
    expect(sessionKeyOf({ kind: "PACKAGE", workshopId: "w", lectureId: null })).toBe("P:w");
    expect(() => sessionKeyOf({ kind: "LECTURE", workshopId: "w", lectureId: null })).toThrow();
    expect(sessionRefOf({ kind: "LECTURE", workshopId: "w", lectureId: "l1" })).toEqual({ kind: "LECTURE", lectureId: "l1", workshopId: "w" });
    expect(parseSessionKey("L:l1")).toEqual({ kind: "LECTURE", lectureId: "l1" });
    expect(parseSessionKey("P:w")).toEqual({ kind: "PACKAGE", workshopId: "w" });
    expect(parseSessionKey("G:g1")).toBeNull();
    expect(parseSessionKey("L:")).toBeNull();
  });
  it("a lecture seat serves the lecture's queue first, then the package's", () => {
    expect(keysServedByRelease({ kind: "LECTURE", lectureId: "l2", workshopId: "w" }, ["l1", "l2"])).toEqual(["L:l2", "P:w"]);
  });
  it("a package seat serves the package's queue first, then every lecture's (by id)", () => {
    expect(keysServedByRelease({ kind: "PACKAGE", workshopId: "w" }, ["l2", "l1"])).toEqual(["P:w", "L:l1", "L:l2"]);
  });
});

describe("orders after their bookings change", () => {
  it.each<[BookingStatus[], "CANCELLED" | "EXPIRED" | null]>([
    [["PENDING_PAYMENT", "CANCELLED"], null],
    [["CONFIRMED"], null],
    [["CANCELLED", "CANCELLED"], "CANCELLED"],
    [["EXPIRED", "EXPIRED"], "EXPIRED"],
    [["CANCELLED", "EXPIRED"], "EXPIRED"],
    [[], null],
  ])("%j → %s", (statuses, settled) => {
    expect(settledOrderStatus(statuses)).toBe(settled);
  });

  it("payment confirms the unpaid bookings and skips cancelled (substituted) ones", () => {
    expect(orderConfirmation([{ id: "a", status: "PENDING_PAYMENT" }, { id: "b", status: "CANCELLED" }, { id: "c", status: "PENDING_PAYMENT" }])).toEqual({
      kind: "confirm",
      bookingIds: ["a", "c"],
    });
  });
  it("refuses when a booking's hold ran out: its seat is gone", () => {
    expect(orderConfirmation([{ id: "a", status: "PENDING_PAYMENT" }, { id: "b", status: "EXPIRED" }])).toEqual({ kind: "seats-gone", bookingIds: ["b"] });
  });
  it("refuses an order with nothing left holding a seat", () => {
    expect(orderConfirmation([{ id: "a", status: "CANCELLED" }])).toEqual({ kind: "seats-gone", bookingIds: [] });
    expect(orderConfirmation([])).toEqual({ kind: "seats-gone", bookingIds: [] });
  });
  it("a second confirmation finds nothing to do", () => {
    expect(orderConfirmation([{ id: "a", status: "CONFIRMED" }, { id: "b", status: "CANCELLED" }])).toEqual({ kind: "already-confirmed" });
  });
});

describe("e-mails about waiting lists and expiry", () => {
  const cases: [string, Record<string, string | number>][] = [
    ["waitlist-joined", { entryId: "e1", workshop: "Förbättringsverkstad 2026/27", session: "Föreläsning <1>", participant: "Ada Lund", position: 3 }],
    ["waitlist-offer", { entryId: "e1", workshop: "Förbättringsverkstad 2026/27", session: "Föreläsning 1", participant: "Ada Lund", offerExpiresAt: "2026-10-25T23:30:00.000Z" }],
    ["waitlist-offer-expired", { entryId: "e1", workshop: "Förbättringsverkstad 2026/27", session: "Föreläsning 1", participant: "Ada Lund" }],
    ["waitlist-left", { entryId: "e1", workshop: "Förbättringsverkstad 2026/27", session: "Föreläsning 1", participant: "Ada Lund" }],
    ["booking-expired", { reference: "VK-2611-ABCDEF", workshop: "Förbättringsverkstad 2026/27", sessions: "Föreläsning 1" }],
  ];
  it.each(cases.flatMap(([template, params]) => (["sv", "en"] as const).map((locale) => [template, locale, params] as const)))(
    "%s renders in %s with every value filled in and links to the bookings page",
    (template, locale, params) => {
      const mail = renderEmail(template, params, locale, "https://verkstad.example");
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
      expect(mail.text).toContain(locale === "sv" ? "https://verkstad.example/mina-bokningar" : "https://verkstad.example/en/my-bookings");
      expect(mail.html).not.toContain("<1>");
    },
  );
  it("states the offer's last moment in Stockholm time", () => {
    const params = { entryId: "e1", workshop: "W", session: "S", participant: "Ada", offerExpiresAt: "2026-10-25T23:30:00.000Z" };
    expect(renderEmail("waitlist-offer", params, "sv", "https://verkstad.example").text).toContain("måndag 26 oktober 2026 00.30");
    expect(renderEmail("waitlist-offer", params, "en", "https://verkstad.example").text).toContain("Monday, 26 October 2026 00:30");
  });
});
