import { describe, expect, it } from "vitest";
import {
  bookingMachine,
  canCancelSelf,
  holdExpiresAt,
  holdsSeat,
  isHoldExpired,
  nextInLine,
  offerExpiresAt,
  packageSeatsLeft,
  seatsLeft,
  waitlistMachine,
  waitlistOrder,
  waitlistPosition,
  type BookingStatus,
  type QueueEntry,
  type WaitlistStatus,
} from "@/lib/domain/enrollment";
import { IllegalTransitionError } from "@/lib/domain/status-machine";

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
