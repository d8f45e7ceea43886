import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { z } from "zod";
import { verkstadAdapter } from "@/lib/auth/adapter";
import { demoSignInEnabled, type Env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const DEMO_PROVIDER_ID = "demo";
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * next-auth configuration (v4.24, JWT sessions; docs/decisions/007-authentication.md).
 * Sign-in is by magic link only. The link is created and e-mailed by our own use case
 * (lib/server/accounts/request-sign-in-link.ts: validated, rate-limited, outbox in one transaction);
 * next-auth verifies it in its callback route. The demo provider exists only outside production.
 */
export function buildAuthOptions(env: Env, db: PrismaClient): NextAuthOptions {
  const secure = env.APP_URL.startsWith("https://");
  const providers: NextAuthOptions["providers"] = [
    EmailProvider({
      // next-auth's own POST /api/auth/signin/email is closed (app/api/auth/[...nextauth]/route.ts);
      // links are sent by requestSignInLink, never by this function.
      server: { host: "127.0.0.1", port: 1 },
      from: "noreply@verkstad.invalid",
      maxAge: env.MAGIC_LINK_MINUTES * 60,
      sendVerificationRequest: async () => {
        throw new Error("Sign-in links are sent by requestSignInLink");
      },
    }),
  ];
  if (demoSignInEnabled(env)) {
    providers.push(
      CredentialsProvider({
        id: DEMO_PROVIDER_ID,
        name: "Demo",
        credentials: { email: { label: "E-post", type: "email" } },
        async authorize(credentials) {
          const parsed = z.object({ email: z.email() }).safeParse(credentials);
          if (!parsed.success) return null;
          const user = await db.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
          if (!user || user.erasedAt) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    );
  }
  return {
    secret: env.AUTH_SECRET,
    adapter: verkstadAdapter(db),
    providers,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    useSecureCookies: secure,
    pages: { signIn: "/logga-in", verifyRequest: "/logga-in", error: "/logga-in" },
    callbacks: {
      async signIn({ user }) {
        // With an e-mail link, a newcomer is not a user yet (next-auth creates the row after this
        // check): let them in. A person whose data was erased never signs in again with that address.
        if (!user.email) return false;
        const row = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { erasedAt: true } });
        return !row?.erasedAt;
      },
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        // Only the id travels in the cookie; roles and profile are read from the database per request,
        // so a revoked role takes effect at once.
        return { ...session, userId: typeof token.uid === "string" ? token.uid : undefined };
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        await db.$transaction([
          db.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date() } }),
          db.auditEvent.create({
            data: {
              actorId: user.id,
              action: "auth.signed_in",
              entityType: "User",
              entityId: user.id,
              after: { provider: account?.provider ?? "unknown", newUser: Boolean(isNewUser) },
            },
          }),
        ]);
      },
      async signOut({ token }) {
        if (typeof token?.uid === "string") {
          await db.auditEvent.create({
            data: { actorId: token.uid, action: "auth.signed_out", entityType: "User", entityId: token.uid },
          });
        }
      },
    },
  };
}
