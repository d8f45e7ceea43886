import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

export const listUsersInput = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES, { error: "invalidChoice" }).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

const PAGE_SIZE = 50;

/** Admin's list of people: search by name or e-mail, filter by role. */
export async function listUsers(input: z.infer<typeof listUsersInput>) {
  const where: Prisma.UserWhereInput = {
    erasedAt: null,
    ...(input.q && {
      OR: [{ email: { contains: input.q, mode: "insensitive" } }, { name: { contains: input.q, mode: "insensitive" } }],
    }),
    ...(input.role && { roles: { some: { role: input.role } } }),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: (input.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        title: true,
        organisation: { select: { name: true } },
        otherOrganisationName: true,
        roles: { select: { role: true } },
      },
    }),
  ]);
  return {
    total,
    pageSize: PAGE_SIZE,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      title: u.title,
      organisation: u.organisation?.name ?? u.otherOrganisationName,
      roles: u.roles.map((r) => r.role),
    })),
  };
}
