import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isValidOrgNumber, peppolEndpointFor } from "@/lib/domain/invoicing/org-number";
import { DEMO_USERS, DEMO_WORKSHOP_SLUG } from "@/prisma/demo-data";
import { seedDemo } from "@/prisma/seed";

async function snapshot() {
  const workshop = await db.workshop.findUniqueOrThrow({
    where: { slug: DEMO_WORKSHOP_SLUG },
    include: { gatherings: true, lectures: true },
  });
  return {
    workshop,
    counts: {
      workshops: await db.workshop.count(),
      users: await db.user.count(),
      bookings: await db.booking.count(),
      pms: await db.projectPm.count(),
      organisations: await db.organisation.count(),
    },
  };
}

describe("demo seed", () => {
  it("builds the 2026/27 workshop with everything the demo needs, and can run again", async () => {
    await seedDemo(db);
    const first = await snapshot();
    const { workshop } = first;
    expect(workshop.status).toBe("PUBLISHED");
    expect(workshop.gatherings).toHaveLength(6);
    expect(workshop.lectures).toHaveLength(8);
    const venues = new Set([...workshop.gatherings, ...workshop.lectures].map((s) => s.venueId));
    expect(venues.size).toBe(2);

    expect(await db.organisation.count({ where: { type: "MEMBER_MUNICIPALITY" } })).toBe(10);
    expect(await db.organisation.count({ where: { type: "INTEREST_ORGANISATION" } })).toBe(2);
    for (const role of ["PARTICIPANT", "ORDERER", "COORDINATOR", "SUPERVISOR", "ADMIN"] as const) {
      expect(await db.userRole.count({ where: { role } }), role).toBeGreaterThan(0);
    }
    for (const u of DEMO_USERS) expect(await db.user.count({ where: { email: u.email } }), u.email).toBe(1);

    const bookingStates = await db.booking.groupBy({ by: ["status"], _count: true });
    expect(bookingStates.length).toBeGreaterThanOrEqual(3);
    const pmStates = await db.projectPm.groupBy({ by: ["status"], _count: true });
    expect(pmStates.length).toBeGreaterThanOrEqual(3);
    expect(await db.supervision.count()).toBe(1);
    expect(await db.workshop.count({ where: { status: "DRAFT" } })).toBe(1);

    // Seat counters agree with the active bookings (lectures deliberately filled are the exception).
    const activePackages = await db.booking.count({ where: { workshopId: workshop.id, kind: "PACKAGE", activeSessionKey: { not: null } } });
    expect(workshop.packageSeatsTaken).toBe(activePackages);
    for (const g of workshop.gatherings) expect(g.seatsTaken).toBe(activePackages);
    for (const l of workshop.lectures.filter((l) => !["larande-organisation", "matning-for-forbattring"].includes(l.slug))) {
      const single = await db.booking.count({ where: { lectureId: l.id, activeSessionKey: { not: null } } });
      expect(l.seatsTaken, l.slug).toBe(activePackages + single);
    }
    expect(workshop.lectures.some((l) => l.seatsTaken === l.capacity)).toBe(true);

    await seedDemo(db);
    const second = await snapshot();
    expect(second.counts).toEqual(first.counts);
    expect(second.workshop.packageSeatsTaken).toBe(first.workshop.packageSeatsTaken);
  });

  it("gives the seller and every organisation a valid organisation number, as e-invoices require", async () => {
    await seedDemo(db);
    const organiser = await db.organiser.findFirstOrThrow();
    expect(isValidOrgNumber(organiser.orgNumber)).toBe(true);
    expect(organiser.peppolEndpoint).toBe(peppolEndpointFor(organiser.orgNumber));
    const organisations = await db.organisation.findMany({ select: { name: true, orgNumber: true } });
    expect(organisations.filter((o) => !o.orgNumber || !isValidOrgNumber(o.orgNumber))).toEqual([]);
  });
});
