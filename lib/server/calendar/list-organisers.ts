import "server-only";
import { assertRole } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** The organisers (FoU units) a workshop can belong to, for the workshop form. ADMIN only. */
export async function listOrganisers(user: SessionUser): Promise<{ id: string; name: string }[]> {
  assertRole(user, ["ADMIN"]);
  return db.organiser.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
