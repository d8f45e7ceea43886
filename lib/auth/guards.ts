import "server-only";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The throwing guard for route handlers that are not file downloads (those go through
 * lib/server/serve-download.ts, actions through lib/server/action.ts). What a signed-in person may
 * do is asked of the permission table with `assertCan` (lib/domain/roles.ts); hidden buttons are
 * never the only check.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
