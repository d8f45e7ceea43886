import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import type { WorkshopStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { PublicSession } from "./find-sessions";
import type { PublicWorkshop } from "./get-workshop";

export type WorkshopPreview = {
  workshopId: string;
  status: WorkshopStatus;
  /** How many sessions are drafts, shown here as they will look once published. */
  draftSessions: number;
  workshop: PublicWorkshop;
};

/**
 * The public workshop page's data for any workshop, drafts included, for the admin's preview: the
 * same shape as getPublishedWorkshop, so the same component renders it. Draft sessions are shown
 * as published (that is what publishing the workshop will make them); cancelled ones as cancelled.
 * ADMIN only; never used by a public page.
 */
export async function getWorkshopPreview(user: SessionUser, workshopId: string): Promise<WorkshopPreview> {
  assertCan(user, "calendar.edit");
  const venue = { select: { name: true, city: true } };
  const workshop = await db.workshop.findUnique({
    where: { id: workshopId },
    include: {
      organiser: { select: { name: true } },
      gatherings: { include: { venue }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
      lectures: {
        include: { venue, lecturer: { select: { name: true, affiliation: true } } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!workshop) throw new AppError("NOT_FOUND");
  const parent = { slug: workshop.slug, title: workshop.title };
  const asPublic = (status: "DRAFT" | "PUBLISHED" | "CANCELLED") => (status === "CANCELLED" ? "CANCELLED" : "PUBLISHED");

  const gatherings: PublicSession[] = workshop.gatherings.map((g) => ({
    kind: "gathering",
    id: g.id,
    slug: null,
    number: g.number,
    title: g.title,
    theme: null,
    status: asPublic(g.status),
    startsAt: g.startsAt,
    endsAt: g.endsAt,
    capacity: g.capacity,
    seatsTaken: g.seatsTaken,
    priceMemberOre: null,
    priceNonMemberOre: null,
    vatRateBp: null,
    venue: { name: g.venue.name, city: g.venue.city },
    lecturer: null,
    workshop: parent,
  }));
  const lectures: PublicSession[] = workshop.lectures.map((l) => ({
    kind: "lecture",
    id: l.id,
    slug: l.slug,
    number: null,
    title: l.title,
    theme: l.theme,
    status: asPublic(l.status),
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    capacity: l.capacity,
    seatsTaken: l.seatsTaken,
    priceMemberOre: l.priceMemberOre,
    priceNonMemberOre: l.priceNonMemberOre,
    vatRateBp: l.vatRateBp,
    venue: { name: l.venue.name, city: l.venue.city },
    lecturer: { name: l.lecturer.name, affiliation: l.lecturer.affiliation },
    workshop: parent,
  }));

  return {
    workshopId: workshop.id,
    status: workshop.status,
    draftSessions: [...workshop.gatherings, ...workshop.lectures].filter((s) => s.status === "DRAFT").length,
    workshop: {
      slug: workshop.slug,
      edition: workshop.edition,
      title: workshop.title,
      summary: workshop.summary,
      description: workshop.description,
      startsOn: dateColumnToLocalDate(workshop.startsOn),
      endsOn: dateColumnToLocalDate(workshop.endsOn),
      pmDeadline: dateColumnToLocalDate(workshop.pmDeadline),
      followUpOn: workshop.followUpOn ? dateColumnToLocalDate(workshop.followUpOn) : null,
      supervisionMonths: workshop.supervisionMonths,
      packageCapacity: workshop.packageCapacity,
      packageSeatsTaken: workshop.packageSeatsTaken,
      packagePriceMemberOre: workshop.packagePriceMemberOre,
      packagePriceNonMemberOre: workshop.packagePriceNonMemberOre,
      packageVatRateBp: workshop.packageVatRateBp,
      organiserName: workshop.organiser.name,
      gatherings,
      lectures,
    },
  };
}
