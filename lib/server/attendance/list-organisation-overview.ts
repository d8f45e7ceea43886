import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { attendanceRatePercent } from "@/lib/domain/attendance";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/validation/fields";
import { countByOrganisation, emptyCounts, publishedWorkshops, type OrganisationCounts, type WorkshopChoice } from "./organisation-counts";

export const organisationOverviewInput = z.object({ workshop: idField.optional() });
export type OrganisationOverviewInput = z.output<typeof organisationOverviewInput>;

export type OrganisationOverviewRow = { organisation: { id: string; name: string }; counts: OrganisationCounts };

export type OrganisationOverviewList = {
  workshops: WorkshopChoice[];
  /** The workshop shown (the chosen one, else the current published one); null when none is published. */
  workshop: WorkshopChoice | null;
  /** Every organisation, by name, with its figures for the workshop (zeros when it has none). */
  rows: OrganisationOverviewRow[];
  /** People whose employer is not in the organisation list. */
  withoutOrganisation: OrganisationCounts;
  totals: OrganisationCounts;
};

/**
 * Coordinators' per-organisation overview of one published workshop: participants, whole-workshop
 * and single-lecture bookings, own projects, attendance rate, PMs submitted and accepted. A draft
 * or unknown workshop in the address is NOT_FOUND.
 */
export async function listOrganisationOverview(user: SessionUser, input: OrganisationOverviewInput, now: Date): Promise<OrganisationOverviewList> {
  assertCan(user, "organisation.readAny");
  return db.$transaction(
    async (tx) => {
      const { workshops, current } = await publishedWorkshops(tx, now);
      const workshop = workshops.find((w) => w.id === (input.workshop ?? current)) ?? null;
      if (input.workshop && !workshop) throw new AppError("NOT_FOUND");
      const organisations = await tx.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
      const counts = workshop ? await countByOrganisation(tx, workshop.id) : new Map<string, OrganisationCounts>();
      const rows = organisations.map((o) => ({ organisation: o, counts: counts.get(o.id) ?? emptyCounts() }));
      const withoutOrganisation = counts.get("") ?? emptyCounts();
      const totals = [...counts.values()].reduce((sum, c) => {
        for (const key of Object.keys(sum) as (keyof OrganisationCounts)[]) {
          if (key !== "attendanceRate") sum[key] += c[key];
        }
        return sum;
      }, emptyCounts());
      totals.attendanceRate = attendanceRatePercent(totals.present, totals.absent);
      return { workshops, workshop, rows, withoutOrganisation, totals };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
