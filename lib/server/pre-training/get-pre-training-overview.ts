import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { preTrainingClosesAt, summarisePreTraining, type PreTrainingCompletion } from "@/lib/domain/pre-training";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { idField } from "@/lib/validation/fields";

export const preTrainingOverviewInput = z.object({ workshop: idField.optional() });
export type PreTrainingOverviewInput = z.infer<typeof preTrainingOverviewInput>;

export type PreTrainingOverview = {
  /** Every workshop that is not archived, for the filter. */
  workshops: { id: string; title: string; edition: string }[];
  sections: {
    workshop: { id: string; slug: string; title: string; edition: string; status: "DRAFT" | "PUBLISHED"; closesAt: Date };
    organisations: PreTrainingCompletion[];
    total: PreTrainingCompletion;
  }[];
};

/**
 * The coordinator's view of the pre-training forms: per workshop and organisation, how many package
 * participants there are, how many have submitted, how many managers have confirmed, and who is
 * missing. Package participants are those whose booking holds a place (pending payment or confirmed).
 */
export async function getPreTrainingOverview(input: PreTrainingOverviewInput): Promise<PreTrainingOverview> {
  const workshops = await db.workshop.findMany({
    where: { status: { not: "ARCHIVED" } },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      edition: true,
      status: true,
      startsOn: true,
      gatherings: { where: { status: "PUBLISHED" }, select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 },
    },
  });
  const shown = input.workshop ? workshops.filter((w) => w.id === input.workshop) : workshops;
  const bookings = await db.booking.findMany({
    where: { workshopId: { in: shown.map((w) => w.id) }, kind: "PACKAGE", status: { in: ["PENDING_PAYMENT", "CONFIRMED"] } },
    select: {
      workshopId: true,
      participant: { select: { name: true, email: true, otherOrganisationName: true, organisation: { select: { name: true } } } },
      preTrainingForm: { select: { submittedAt: true, managerConfirmedAt: true } },
    },
  });

  return {
    workshops: workshops.map((w) => ({ id: w.id, title: w.title, edition: w.edition })),
    sections: shown.map((w) => {
      const rows = bookings
        .filter((b) => b.workshopId === w.id)
        .map((b) => ({
          participantName: b.participant.name ?? b.participant.email,
          organisationName: b.participant.organisation?.name ?? b.participant.otherOrganisationName ?? null,
          submittedAt: b.preTrainingForm?.submittedAt ?? null,
          managerConfirmedAt: b.preTrainingForm?.managerConfirmedAt ?? null,
        }));
      return {
        workshop: {
          id: w.id,
          slug: w.slug,
          title: w.title,
          edition: w.edition,
          status: w.status === "DRAFT" ? ("DRAFT" as const) : ("PUBLISHED" as const),
          closesAt: preTrainingClosesAt(w.gatherings.map((g) => g.startsAt), dateColumnToLocalDate(w.startsOn)),
        },
        ...summarisePreTraining(rows),
      };
    }),
  };
}
