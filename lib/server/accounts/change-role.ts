import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { idField } from "@/lib/validation/fields";

export const changeRoleInput = z.object({
  userId: idField,
  role: z.enum(ROLES, { error: "invalidChoice" }),
  grant: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

/**
 * An admin grants or revokes one role. Granting tells the person by e-mail. The last admin cannot
 * lose the admin role (someone must be able to grant it back). Audited with before and after.
 */
export async function changeRole(adminId: string, input: ChangeRoleInput, requestId?: string): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, locale: true, erasedAt: true, roles: { select: { role: true } } },
    });
    if (!target || target.erasedAt) throw new AppError("NOT_FOUND");
    const before = target.roles.map((r) => r.role).sort();
    const has = before.includes(input.role);
    if (has === input.grant) return { changed: false };

    if (input.grant) {
      // skipDuplicates: a concurrent grant of the same role is a no-op, not an error.
      const { count } = await tx.userRole.createMany({
        data: [{ userId: target.id, role: input.role, grantedById: adminId }],
        skipDuplicates: true,
      });
      if (count === 0) return { changed: false };
      const admin = await tx.user.findUniqueOrThrow({ where: { id: adminId }, select: { name: true, email: true } });
      await enqueueEmail(tx, {
        to: target.email,
        locale: target.locale,
        template: "role-granted",
        params: { role: input.role, grantedBy: admin.name ?? admin.email },
      });
    } else {
      if (input.role === "ADMIN") {
        // Lock the admin rows so two admins revoking each other at once cannot both succeed.
        const admins = await tx.$queryRaw<{ userId: string }[]>`
          select "userId" from "UserRole" where "role" = 'ADMIN' for update`;
        if (admins.length <= 1) throw new AppError("LAST_ADMIN");
      }
      const { count } = await tx.userRole.deleteMany({ where: { userId: target.id, role: input.role } });
      if (count === 0) return { changed: false };
    }
    const after = input.grant ? [...before, input.role].sort() : before.filter((r) => r !== input.role);
    await recordAuditEvent(tx, {
      actorId: adminId,
      action: input.grant ? "role.granted" : "role.revoked",
      entityType: "User",
      entityId: target.id,
      before: { roles: before },
      after: { roles: after },
      requestId,
    });
    return { changed: true };
  });
}
