import "server-only";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hasAnyRole, type RoleName } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";

/**
 * Throwing guards for actions and route handlers. Every server entry point calls one of them;
 * middleware and hidden buttons are never the only check.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

export function assertRole(user: SessionUser, roles: readonly RoleName[]): void {
  if (!hasAnyRole(user.roles, roles)) throw new AppError("FORBIDDEN");
}

export async function requireRole(...roles: RoleName[]): Promise<SessionUser> {
  const user = await requireUser();
  assertRole(user, roles);
  return user;
}

/**
 * The resource belongs to the user, or the user holds one of the roles that may see everyone's.
 * Otherwise NOT_FOUND, not FORBIDDEN: guessing ids must not reveal what exists.
 */
export function requireOwner(user: SessionUser, ownerId: string, options: { orRoles?: readonly RoleName[] } = {}): void {
  if (user.id === ownerId) return;
  if (options.orRoles && hasAnyRole(user.roles, options.orRoles)) return;
  throw new AppError("NOT_FOUND");
}
