import "server-only";
import { db } from "@/lib/db";
import { ROLE_RANK, type RoleName } from "@/lib/domain/roles";
import { demoSignInEnabled, getEnv } from "@/lib/env";

/**
 * The people one can sign in as on the demo sign-in form: everyone with a role, most powerful
 * first. Empty whenever demo sign-in is off (always in production mode), so the page cannot list
 * users by accident.
 */
export async function listDemoUsers(): Promise<{ email: string; name: string; roles: RoleName[] }[]> {
  if (!demoSignInEnabled(getEnv())) return [];
  const users = await db.user.findMany({
    where: { erasedAt: null, roles: { some: {} }, email: { endsWith: "@verkstad.test" } },
    select: { email: true, name: true, roles: { select: { role: true } } },
    orderBy: { email: "asc" },
    take: 30,
  });
  const weight = (roles: RoleName[]) => Math.min(...roles.map((r) => ROLE_RANK.indexOf(r)));
  return users
    .map((u) => ({ email: u.email, name: u.name ?? u.email, roles: u.roles.map((r) => r.role) }))
    .sort((a, b) => weight(a.roles) - weight(b.roles) || a.email.localeCompare(b.email));
}
