import "server-only";
import { db } from "@/lib/db";
import type { PublicSessionStatus } from "@/lib/domain/calendar";
import { Prisma } from "@/lib/generated/prisma/client";

/** A gathering or a lecture as the public sees it; lecture-only fields are null for gatherings. */
export type PublicSession = {
  kind: "gathering" | "lecture";
  id: string;
  /** Lectures only: the lecture's slug within its workshop. */
  slug: string | null;
  /** Gatherings only: 1, 2, 3 … within the workshop. */
  number: number | null;
  title: string;
  theme: string | null;
  status: PublicSessionStatus;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
  priceMemberOre: number | null;
  priceNonMemberOre: number | null;
  vatRateBp: number | null;
  venue: { name: string; city: string };
  lecturer: { name: string; affiliation: string | null } | null;
  workshop: { slug: string; title: string };
};

/** One flat SQL row; nested objects are built from the prefixed columns. */
type Row = Omit<PublicSession, "venue" | "lecturer" | "workshop"> & {
  venueName: string;
  venueCity: string;
  lecturerName: string | null;
  lecturerAffiliation: string | null;
  workshopSlug: string;
  workshopTitle: string;
};

/**
 * Published and cancelled gatherings and lectures of published workshops, in time order, in one
 * round trip: the calendar page is read far more than anything else, so it gets one indexed
 * query with only the columns it shows instead of an include tree. Drafts never leave the database.
 */
export async function findPublicSessions(filter: { endsAfter?: Date; workshopSlug?: string }): Promise<PublicSession[]> {
  const where = Prisma.sql`w.status = 'PUBLISHED'
    ${filter.workshopSlug === undefined ? Prisma.empty : Prisma.sql`AND w.slug = ${filter.workshopSlug}`}`;
  const gatheringEnd = filter.endsAfter ? Prisma.sql`AND g."endsAt" > ${filter.endsAfter}` : Prisma.empty;
  const lectureEnd = filter.endsAfter ? Prisma.sql`AND l."endsAt" > ${filter.endsAfter}` : Prisma.empty;

  const rows = await db.$queryRaw<Row[]>`
    SELECT 'gathering' AS kind, g.id, NULL::text AS slug, g.number, g.title, NULL::text AS theme,
           g.status::text AS status, g."startsAt", g."endsAt", g.capacity, g."seatsTaken",
           NULL::int AS "priceMemberOre", NULL::int AS "priceNonMemberOre", NULL::int AS "vatRateBp",
           v.name AS "venueName", v.city AS "venueCity",
           NULL::text AS "lecturerName", NULL::text AS "lecturerAffiliation",
           w.slug AS "workshopSlug", w.title AS "workshopTitle"
      FROM "Gathering" g
      JOIN "Workshop" w ON w.id = g."workshopId"
      JOIN "Venue" v ON v.id = g."venueId"
     WHERE ${where} AND g.status IN ('PUBLISHED', 'CANCELLED') ${gatheringEnd}
    UNION ALL
    SELECT 'lecture', l.id, l.slug, NULL::int, l.title, l.theme,
           l.status::text, l."startsAt", l."endsAt", l.capacity, l."seatsTaken",
           l."priceMemberOre", l."priceNonMemberOre", l."vatRateBp",
           v.name, v.city,
           lr.name, lr.affiliation,
           w.slug, w.title
      FROM "Lecture" l
      JOIN "Workshop" w ON w.id = l."workshopId"
      JOIN "Venue" v ON v.id = l."venueId"
      JOIN "Lecturer" lr ON lr.id = l."lecturerId"
     WHERE ${where} AND l.status IN ('PUBLISHED', 'CANCELLED') ${lectureEnd}
     ORDER BY "startsAt", kind, id`;

  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    slug: r.slug,
    number: r.number,
    title: r.title,
    theme: r.theme,
    status: r.status,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    capacity: r.capacity,
    seatsTaken: r.seatsTaken,
    priceMemberOre: r.priceMemberOre,
    priceNonMemberOre: r.priceNonMemberOre,
    vatRateBp: r.vatRateBp,
    venue: { name: r.venueName, city: r.venueCity },
    lecturer: r.lecturerName === null ? null : { name: r.lecturerName, affiliation: r.lecturerAffiliation },
    workshop: { slug: r.workshopSlug, title: r.workshopTitle },
  }));
}
