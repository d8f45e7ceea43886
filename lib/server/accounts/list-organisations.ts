import "server-only";
import { db } from "@/lib/db";

/** Organisations for the profile's searchable list, member municipalities first. */
export async function listOrganisations() {
  return db.organisation.findMany({
    orderBy: [{ type: "asc" }, { name: "asc" }],
    select: { id: true, name: true, type: true },
  });
}
