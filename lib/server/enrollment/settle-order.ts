/**
 * An unpaid order whose bookings no longer hold a seat is settled: CANCELLED when every booking was
 * cancelled, EXPIRED when any ran out unpaid (settledOrderStatus). Paid and invoiced orders are
 * billing's to credit, never changed here. Call with the order row locked.
 *
 * No `server-only` here: the hold-expiry job (scripts/worker.ts) uses it.
 */
import { settledOrderStatus } from "@/lib/domain/enrollment";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export async function settleOrder(tx: Prisma.TransactionClient, orderId: string | null, actorId: string | null): Promise<"CANCELLED" | "EXPIRED" | null> {
  if (!orderId) return null;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, bookings: { select: { status: true } } } });
  const settled = settledOrderStatus(order.bookings.map((b) => b.status));
  if (order.status !== "PENDING_PAYMENT" || !settled) return null;
  await tx.order.update({ where: { id: orderId }, data: { status: settled } });
  await recordAuditEvent(tx, {
    actorId,
    action: settled === "CANCELLED" ? "order.cancelled" : "order.expired",
    entityType: "Order",
    entityId: orderId,
    before: { status: "PENDING_PAYMENT" },
    after: { status: settled },
  });
  return settled;
}
