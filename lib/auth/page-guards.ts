import "server-only";
import { can, areaPermission, type Area } from "@/lib/domain/roles";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { PATHNAME_HEADER } from "@/lib/i18n/alternate-path";
import { paths, withQuery } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * Guards for pages (server components). Actions and route handlers use lib/auth/guards.ts, which
 * throw AppErrors; pages instead send a signed-out reader to the sign-in page (and back afterwards),
 * a reader with an unfinished profile to the profile form, and show the 403 page to a signed-in
 * reader whose roles do not include the area.
 */
export async function currentPath(): Promise<string> {
  return (await headers()).get(PATHNAME_HEADER) ?? "/";
}

export async function requirePageUser(locale: AppLocale, options: { allowIncompleteProfile?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  const here = await currentPath();
  if (!user) redirect(withQuery(paths.signIn(locale), { callbackUrl: here }));
  if (!user.profileComplete && !options.allowIncompleteProfile) {
    redirect(withQuery(paths.account(locale), { next: here }));
  }
  return user;
}

export async function requirePageArea(locale: AppLocale, area: Area): Promise<SessionUser> {
  const user = await requirePageUser(locale);
  if (!can(user, areaPermission(area))) forbidden();
  return user;
}
