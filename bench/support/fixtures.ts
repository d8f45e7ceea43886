import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createLecture, createLecturer, createOrganisation, createOrganiser, createVenue, createWorkshop } from "@/tests/factories";

export type BenchFixtures = {
  runId: string;
  emailDomain: string;
  workshopId: string;
  /** Phase 1: the lecture with exactly `seats` seats. */
  burstLectureId: string;
  /** Phase 2: lectures with ample seats, booked one after another. */
  throughputLectureIds: string[];
  users: { id: string; email: string }[];
};

/**
 * The bench's own world, named after the run so it never meets other data: an organiser, a
 * published workshop, a venue and lecturer, one lecture of `seats` seats for the burst, many roomy
 * lectures for the throughput phase, and `users` participants of one member organisation.
 */
export async function createFixtures(db: PrismaClient, options: { runId: string; users: number; seats: number; throughputLectures: number }): Promise<BenchFixtures> {
  const { runId } = options;
  const emailDomain = `${runId}.bench.verkstad.test`;
  const organiser = await createOrganiser(db, { name: `Bench ${runId}`, orgNumber: `bench-${runId}`, email: `organiser@${emailDomain}` });
  const workshop = await createWorkshop(db, { organiserId: organiser.id, slug: `bench-${runId}`, title: `Bench ${runId}` });
  const venue = await createVenue(db, { name: `Bench ${runId}` });
  const lecturer = await createLecturer(db, { name: `Bench ${runId}` });
  const session = { workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id };
  const burst = await createLecture(db, { ...session, slug: `burst-${runId}`, title: `Burst ${runId}`, capacity: options.seats });

  const template = await createLecture(db, { ...session, slug: `roomy-${runId}-0`, title: `Roomy ${runId} 0`, capacity: 1_000_000 });
  const { id: _id, createdAt: _c, updatedAt: _u, seatsTaken: _s, ...shape } = template;
  await db.lecture.createMany({
    data: Array.from({ length: options.throughputLectures - 1 }, (_, i) => ({ ...shape, slug: `roomy-${runId}-${i + 1}`, title: `Roomy ${runId} ${i + 1}` })),
  });
  const roomy = await db.lecture.findMany({ where: { workshopId: workshop.id, slug: { startsWith: `roomy-${runId}-` } }, select: { id: true } });

  const organisation = await createOrganisation(db, { name: `Bench ${runId}`, type: "MEMBER_MUNICIPALITY" });
  const emails = Array.from({ length: options.users }, (_, i) => `person${i}@${emailDomain}`);
  await db.user.createMany({
    data: emails.map((email, i) => ({ email, name: `Bench person ${i}`, organisationId: organisation.id, profileCompletedAt: new Date() })),
  });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true }, orderBy: { email: "asc" } });
  await db.userRole.createMany({ data: users.map((u) => ({ userId: u.id, role: "PARTICIPANT" as const })) });

  return { runId, emailDomain, workshopId: workshop.id, burstLectureId: burst.id, throughputLectureIds: roomy.map((l) => l.id), users };
}

/** Removes everything the run created, children first. Safe to call twice or after a partial setup. */
export async function removeFixtures(db: PrismaClient, runId: string): Promise<void> {
  const domain = `%@${runId}.bench.verkstad.test`;
  const slug = `bench-${runId}`;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`delete from "OutboxMessage" where "toEmail" like ${domain}`;
    await tx.$executeRaw`delete from "AuditEvent" where "actorId" in (select "id" from "User" where "email" like ${domain})`;
    await tx.$executeRaw`delete from "OrderLine" where "orderId" in (select o."id" from "Order" o join "Workshop" w on w."id" = o."workshopId" where w."slug" = ${slug})`;
    await tx.$executeRaw`delete from "Booking" where "workshopId" in (select "id" from "Workshop" where "slug" = ${slug})`;
    await tx.$executeRaw`delete from "WaitlistEntry" where "workshopId" in (select "id" from "Workshop" where "slug" = ${slug})`;
    await tx.$executeRaw`delete from "Order" where "workshopId" in (select "id" from "Workshop" where "slug" = ${slug})`;
    await tx.$executeRaw`delete from "User" where "email" like ${domain}`;
    await tx.$executeRaw`delete from "Lecture" where "workshopId" in (select "id" from "Workshop" where "slug" = ${slug})`;
    await tx.$executeRaw`delete from "Workshop" where "slug" = ${slug}`;
    await tx.$executeRaw`delete from "Venue" where "name" = ${`Bench ${runId}`}`;
    await tx.$executeRaw`delete from "Lecturer" where "name" = ${`Bench ${runId}`}`;
    await tx.$executeRaw`delete from "Organiser" where "orgNumber" = ${slug}`;
    await tx.$executeRaw`delete from "Organisation" where "name" = ${`Bench ${runId}`}`;
  }, { timeout: 120_000 });
}
