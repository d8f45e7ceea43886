import "server-only";
import { db } from "@/lib/db";
import { dateColumnToLocalDate, type LocalDate } from "@/lib/domain/time";
import { findPublicSessions, type PublicSession } from "./find-sessions";

export type PublicWorkshop = {
  slug: string;
  edition: string;
  title: string;
  summary: string;
  description: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  pmDeadline: LocalDate;
  followUpOn: LocalDate | null;
  supervisionMonths: number;
  packageCapacity: number;
  packageSeatsTaken: number;
  packagePriceMemberOre: number;
  packagePriceNonMemberOre: number;
  packageVatRateBp: number;
  organiserName: string;
  gatherings: PublicSession[];
  lectures: PublicSession[];
};

/** A published workshop with all its public sessions (past ones too), or null: drafts and archived editions are not public. */
export async function getPublishedWorkshop(slug: string): Promise<PublicWorkshop | null> {
  const [workshop, sessions] = await Promise.all([
    db.workshop.findFirst({
      where: { slug, status: "PUBLISHED" },
      select: {
        slug: true,
        edition: true,
        title: true,
        summary: true,
        description: true,
        startsOn: true,
        endsOn: true,
        pmDeadline: true,
        followUpOn: true,
        supervisionMonths: true,
        packageCapacity: true,
        packageSeatsTaken: true,
        packagePriceMemberOre: true,
        packagePriceNonMemberOre: true,
        packageVatRateBp: true,
        organiser: { select: { name: true } },
      },
    }),
    findPublicSessions({ workshopSlug: slug }),
  ]);
  if (!workshop) return null;
  const { organiser, ...rest } = workshop;
  return {
    ...rest,
    startsOn: dateColumnToLocalDate(workshop.startsOn),
    endsOn: dateColumnToLocalDate(workshop.endsOn),
    pmDeadline: dateColumnToLocalDate(workshop.pmDeadline),
    followUpOn: workshop.followUpOn ? dateColumnToLocalDate(workshop.followUpOn) : null,
    organiserName: organiser.name,
    gatherings: sessions.filter((s) => s.kind === "gathering"),
    lectures: sessions.filter((s) => s.kind === "lecture"),
  };
}
