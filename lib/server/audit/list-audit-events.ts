import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, startOfStockholmDay } from "@/lib/domain/time";

/** A real calendar day (2026-02-30 is refused), as the audit filter's from/to. */
const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalid" })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { error: "invalid" })
  .optional()
  .or(z.literal("").transform(() => undefined));

export const listAuditEventsInput = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  actor: z.string().trim().max(254).optional(),
  from: dateField,
  to: dateField,
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

const PAGE_SIZE = 50;

/** The audit log for admins, newest first; dates are Stockholm days, inclusive. */
export async function listAuditEvents(input: z.infer<typeof listAuditEventsInput>) {
  const where: Prisma.AuditEventWhereInput = {
    ...(input.action && { action: { startsWith: input.action } }),
    ...(input.entityType && { entityType: input.entityType }),
    ...(input.entityId && { entityId: input.entityId }),
    ...(input.actor && { actor: { email: { contains: input.actor.toLowerCase() } } }),
    ...((input.from || input.to) && {
      createdAt: {
        ...(input.from && { gte: startOfStockholmDay(input.from) }),
        ...(input.to && { lt: startOfStockholmDay(addDays(input.to, 1)) }),
      },
    }),
  };
  const [total, events, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { actor: { select: { email: true, name: true } } },
    }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { total, pageSize: PAGE_SIZE, events, actions: actions.map((a) => a.action) };
}
