import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";

/** The organisers (FoU units) a workshop can belong to, for the workshop form. ADMIN only. */
export async function listOrganisers(user: SessionUser): Promise<{ id: string; name: string }[]> {
  assertCan(user, "calendar.edit");
  return db.organiser.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
