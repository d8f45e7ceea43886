import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import type { WorkshopStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { fieldsOfRow, type WorkshopFields } from "./workshop-input";

export type WorkshopForEditing = {
  id: string;
  status: WorkshopStatus;
  publishedAt: Date | null;
  packageSeatsTaken: number;
  /** The form's values: dates "YYYY-MM-DD" in Stockholm, prices in öre. */
  values: WorkshopFields;
  counts: {
    gatherings: number;
    lectures: number;
    draftSessions: number;
    /** Paid or waiting for payment. */
    activeBookings: number;
    /** Waiting or offered a seat. */
    liveWaitlist: number;
    /** Everything ever: any of these stops deletion. */
    allBookings: number;
    allOrders: number;
    allWaitlist: number;
  };
  /** What the buttons may offer (the use cases check again). */
  canPublish: boolean;
  canUnpublish: boolean;
  canDelete: boolean;
};

/** A workshop with its form values and what may be done with it now. ADMIN only. */
export async function getWorkshopForEditing(user: SessionUser, workshopId: string): Promise<WorkshopForEditing> {
  assertCan(user, "calendar.edit");
  const workshop = await db.workshop.findUnique({ where: { id: workshopId } });
  if (!workshop) throw new AppError("NOT_FOUND");
  const [gatherings, lectures, draftGatherings, draftLectures, activeBookings, liveWaitlist, allBookings, allOrders, allWaitlist] = await Promise.all([
    db.gathering.count({ where: { workshopId } }),
    db.lecture.count({ where: { workshopId } }),
    db.gathering.count({ where: { workshopId, status: "DRAFT" } }),
    db.lecture.count({ where: { workshopId, status: "DRAFT" } }),
    db.booking.count({ where: { workshopId, status: { in: ["PENDING_PAYMENT", "CONFIRMED"] } } }),
    db.waitlistEntry.count({ where: { workshopId, status: { in: ["WAITING", "OFFERED"] } } }),
    db.booking.count({ where: { workshopId } }),
    db.order.count({ where: { workshopId } }),
    db.waitlistEntry.count({ where: { workshopId } }),
  ]);
  return {
    id: workshop.id,
    status: workshop.status,
    publishedAt: workshop.publishedAt,
    packageSeatsTaken: workshop.packageSeatsTaken,
    values: fieldsOfRow(workshop),
    counts: {
      gatherings,
      lectures,
      draftSessions: draftGatherings + draftLectures,
      activeBookings,
      liveWaitlist,
      allBookings,
      allOrders,
      allWaitlist,
    },
    canPublish: workshop.status === "DRAFT" && gatherings + lectures > 0,
    canUnpublish: workshop.status !== "DRAFT" && activeBookings + liveWaitlist === 0,
    canDelete: allBookings + allOrders + allWaitlist === 0,
  };
}
