import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";

export type AdminLecturerRow = { id: string; name: string; affiliation: string | null; bio: string | null; lectures: number };

const select = { id: true, name: true, affiliation: true, bio: true, _count: { select: { lectures: true } } } as const;

/** Every lecturer by name, with how many lectures name them. ADMIN only. */
export async function listLecturers(user: SessionUser): Promise<AdminLecturerRow[]> {
  assertCan(user, "calendar.edit");
  const lecturers = await db.lecturer.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select });
  return lecturers.map(({ _count, ...l }) => ({ ...l, lectures: _count.lectures }));
}

/** One lecturer for its edit page, or null. ADMIN only. */
export async function getLecturer(user: SessionUser, lecturerId: string): Promise<AdminLecturerRow | null> {
  assertCan(user, "calendar.edit");
  const lecturer = await db.lecturer.findUnique({ where: { id: lecturerId }, select });
  if (!lecturer) return null;
  const { _count, ...rest } = lecturer;
  return { ...rest, lectures: _count.lectures };
}
