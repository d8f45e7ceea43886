import { DEFAULT_ROLE } from "@/lib/domain/roles";
import type { Adapter, AdapterAccount, AdapterUser, VerificationToken } from "next-auth/adapters";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type UserRow = { id: string; email: string; emailVerified: Date | null; name: string | null };

const toAdapterUser = (u: UserRow): AdapterUser => ({ id: u.id, email: u.email, emailVerified: u.emailVerified, name: u.name });

/**
 * next-auth's adapter over Verkstad's own tables (User, Account, VerificationToken). Sessions are
 * JWTs, so no session table. E-mail addresses are stored lower-case: one person, one account.
 * A new account is a participant; other roles are granted by an admin.
 */
export function verkstadAdapter(db: PrismaClient): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const email = user.email.trim().toLowerCase();
      const created = await db.$transaction(async (tx) => {
        const row = await tx.user.create({
          data: { email, emailVerified: user.emailVerified, roles: { create: { role: DEFAULT_ROLE } } },
        });
        await tx.auditEvent.create({
          data: { actorId: row.id, action: "user.created", entityType: "User", entityId: row.id, after: { email } },
        });
        return row;
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const u = await db.user.findUnique({ where: { id } });
      return u && !u.erasedAt ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
      return u && !u.erasedAt ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account && !account.user.erasedAt ? toAdapterUser(account.user) : null;
    },
    async updateUser(user) {
      const u = await db.user.update({
        where: { id: user.id },
        data: { ...(user.emailVerified !== undefined && { emailVerified: user.emailVerified }) },
      });
      return toAdapterUser(u);
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        },
      });
    },
    async createVerificationToken(token: VerificationToken) {
      const row = await db.verificationToken.create({ data: token });
      return row;
    },
    async useVerificationToken({ identifier, token }) {
      // deleteMany + a count keeps a link single-use even when it is clicked twice at once.
      const row = await db.verificationToken.findUnique({ where: { token } });
      if (!row || row.identifier !== identifier) return null;
      const { count } = await db.verificationToken.deleteMany({ where: { token, identifier } });
      return count === 1 ? row : null;
    },
  };
}
