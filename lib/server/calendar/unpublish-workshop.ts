import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";

export const unpublishWorkshopInput = z.object({ workshopId: idField });
export type UnpublishWorkshopInput = z.infer<typeof unpublishWorkshopInput>;

/**
 * Takes a published workshop back to DRAFT: its calendar, pages, booking page and feeds stop
 * showing it (sessions keep their own status for when it is published again). Refused (CONFLICT)
 * while anyone holds a booking (paid or waiting for payment) or a live waiting-list place: they
 * would lose sight of what they booked. Cancel the sessions instead, which tells them. The
 * workshop's row and its sessions' rows are locked, so a booking that has taken its seat is counted
 * (its seat update holds those rows until it commits).
 */
export async function unpublishWorkshop(
  user: SessionUser,
  input: UnpublishWorkshopInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ changed: boolean }> {
  assertCan(user, "calendar.publish");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Workshop" where id = ${input.workshopId} for update`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    await tx.$queryRaw`select id from "Lecture" where "workshopId" = ${input.workshopId} order by id for update`;
    await tx.$queryRaw`select id from "Gathering" where "workshopId" = ${input.workshopId} order by id for update`;
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: input.workshopId }, select: { id: true, status: true, publishedAt: true } });
    if (workshop.status === "DRAFT") return { changed: false };
    const [bookings, waiting] = await Promise.all([
      tx.booking.count({ where: { workshopId: workshop.id, status: { in: ["PENDING_PAYMENT", "CONFIRMED"] } } }),
      tx.waitlistEntry.count({ where: { workshopId: workshop.id, status: { in: ["WAITING", "OFFERED"] } } }),
    ]);
    if (bookings + waiting > 0) {
      throw new AppError("CONFLICT", `Workshop has ${bookings} bookings and ${waiting} waiting`, {
        _form: [{ key: "workshopHasActiveBookings", params: { bookings, waiting } }],
      });
    }
    await tx.workshop.update({ where: { id: workshop.id }, data: { status: "DRAFT", publishedAt: null, updatedAt: now } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "workshop.unpublished",
      entityType: "Workshop",
      entityId: workshop.id,
      before: { status: workshop.status, publishedAt: workshop.publishedAt?.toISOString() ?? null },
      after: { status: "DRAFT", publishedAt: null },
      requestId: context.requestId,
    });
    return { changed: true };
  });
}
