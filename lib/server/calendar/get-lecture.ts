import "server-only";
import { db } from "@/lib/db";
import type { PublicSessionStatus } from "@/lib/domain/calendar";

export type PublicLecture = {
  slug: string;
  title: string;
  theme: string;
  description: string | null;
  status: PublicSessionStatus;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
  priceMemberOre: number;
  priceNonMemberOre: number;
  vatRateBp: number;
  lecturer: { name: string; affiliation: string | null; bio: string | null };
  venue: {
    name: string;
    streetAddress: string;
    postalCode: string;
    city: string;
    accessibilityNotes: string | null;
    mapUrl: string | null;
  };
  workshop: { slug: string; title: string };
};

/**
 * A published or cancelled lecture of a published workshop, or null. Lecture slugs are unique
 * within their workshop only, so both slugs are needed.
 */
export async function getPublishedLecture(workshopSlug: string, lectureSlug: string): Promise<PublicLecture | null> {
  const lecture = await db.lecture.findFirst({
    where: {
      slug: lectureSlug,
      status: { in: ["PUBLISHED", "CANCELLED"] },
      workshop: { slug: workshopSlug, status: "PUBLISHED" },
    },
    select: {
      slug: true,
      title: true,
      theme: true,
      description: true,
      status: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      seatsTaken: true,
      priceMemberOre: true,
      priceNonMemberOre: true,
      vatRateBp: true,
      lecturer: { select: { name: true, affiliation: true, bio: true } },
      venue: {
        select: { name: true, streetAddress: true, postalCode: true, city: true, accessibilityNotes: true, mapUrl: true },
      },
      workshop: { select: { slug: true, title: true } },
    },
  });
  if (!lecture || lecture.status === "DRAFT") return null;
  return { ...lecture, status: lecture.status };
}
