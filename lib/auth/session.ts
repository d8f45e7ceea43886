import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { buildAuthOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/domain/roles";
import { getEnv } from "@/lib/env";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  title: string | null;
  locale: "sv" | "en";
  organisationId: string | null;
  organisationName: string | null;
  roles: RoleName[];
  profileComplete: boolean;
};

let options: ReturnType<typeof buildAuthOptions> | undefined;
export function getAuthOptions() {
  const env = getEnv();
  // next-auth v4 takes its own base URL (for links and redirects) only from NEXTAUTH_URL; ours is APP_URL.
  process.env.NEXTAUTH_URL ??= env.APP_URL;
  options ??= buildAuthOptions(env, db);
  return options;
}

/** The signed-in person with roles fresh from the database, or null. One lookup per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  return session?.userId ? loadSessionUser(session.userId) : null;
});

export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    include: { roles: { select: { role: true } }, organisation: { select: { name: true } } },
  });
  if (!user || user.erasedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    locale: user.locale,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? user.otherOrganisationName,
    roles: user.roles.map((r) => r.role),
    profileComplete: user.profileCompletedAt !== null,
  };
}
