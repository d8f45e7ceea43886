import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";

/**
 * The choices of the billing filter: every workshop (newest first), and the organisations that
 * have an order or an invoice (the others would only ever show an empty list).
 */
export async function listBillingFilterOptions(user: SessionUser) {
  assertCan(user, "billing.readAll");
  const [workshops, organisations] = await Promise.all([
    db.workshop.findMany({ orderBy: [{ startsOn: "desc" }, { title: "asc" }], select: { id: true, title: true, edition: true } }),
    db.organisation.findMany({
      where: { OR: [{ orders: { some: {} } }, { invoices: { some: {} } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { workshops, organisations };
}
