import "server-only";
import { assertCan } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { fieldsOfRow } from "./workshop-input";

export const deleteWorkshopInput = z.object({ workshopId: idField });
export type DeleteWorkshopInput = z.infer<typeof deleteWorkshopInput>;

/**
 * Deletes a workshop with its gatherings and lectures, only when nobody ever booked, ordered or
 * queued for it (cancelled and expired ones count too: they are someone's history and may be on an
 * invoice), and nothing else hangs on it (PMs, attendance, evaluations, notes, invoices). Otherwise
 * CONFLICT: cancel its sessions instead, which tells the people booked. Change notices of its
 * sessions go with it. The audit row keeps what was deleted.
 */
export async function deleteWorkshop(
  user: SessionUser,
  input: DeleteWorkshopInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<{ deleted: true }> {
  assertCan(user, "calendar.edit");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Workshop" where id = ${input.workshopId} for update`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: input.workshopId } });
    const id = workshop.id;
    const sessionOf = { OR: [{ gathering: { workshopId: id } }, { lecture: { workshopId: id } }] };
    const [bookings, orders, waitlist, pms, extensions, followUps, notes, invoices, attendances, evaluations, lectureLines] = await Promise.all([
      tx.booking.count({ where: { workshopId: id } }),
      tx.order.count({ where: { workshopId: id } }),
      tx.waitlistEntry.count({ where: { workshopId: id } }),
      tx.projectPm.count({ where: { workshopId: id } }),
      tx.deadlineExtension.count({ where: { workshopId: id } }),
      tx.followUp.count({ where: { workshopId: id } }),
      tx.seminarNote.count({ where: { workshopId: id } }),
      tx.invoice.count({ where: { workshopId: id } }),
      tx.attendance.count({ where: sessionOf }),
      tx.evaluation.count({ where: { lecture: { workshopId: id } } }),
      tx.orderLine.count({ where: { lecture: { workshopId: id } } }),
    ]);
    if (bookings + orders + waitlist > 0) {
      throw new AppError("CONFLICT", `Workshop has ${bookings} bookings, ${orders} orders, ${waitlist} waiting-list entries`, {
        _form: ["workshopHasBookings"],
      });
    }
    if (pms + extensions + followUps + notes + invoices + attendances + evaluations + lectureLines > 0) {
      throw new AppError("CONFLICT", "Workshop has records that depend on it", { _form: ["workshopHasRecords"] });
    }
    const [gatherings, lectures] = await Promise.all([
      tx.gathering.findMany({ where: { workshopId: id }, select: { id: true, title: true, startsAt: true, status: true } }),
      tx.lecture.findMany({ where: { workshopId: id }, select: { id: true, title: true, startsAt: true, status: true } }),
    ]);
    await tx.sessionChange.deleteMany({ where: { workshopId: id } });
    await tx.gathering.deleteMany({ where: { workshopId: id } });
    await tx.lecture.deleteMany({ where: { workshopId: id } });
    await tx.workshop.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "workshop.deleted",
      entityType: "Workshop",
      entityId: id,
      before: {
        ...fieldsOfRow(workshop),
        status: workshop.status,
        gatherings: gatherings.map((g) => `${g.title} ${g.startsAt.toISOString()} ${g.status}`),
        lectures: lectures.map((l) => `${l.title} ${l.startsAt.toISOString()} ${l.status}`),
      },
      after: { deletedAt: now.toISOString() },
      requestId: context.requestId,
    });
    return { deleted: true };
  });
}
