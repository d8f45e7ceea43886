import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/domain/roles";
import { canPublishSession, oreToKronorText, sessionMachine, type SessionStatus } from "@/lib/domain/session-editor";
import { dateColumnToLocalDate, toStockholmDate, toStockholmTime, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { sessionHistory } from "@/lib/server/calendar/delete-session";
import { sessionRefInput, type SessionKind, type SessionRefInput } from "@/lib/server/calendar/session-editing";
import { parseOrInvalid } from "@/lib/server/calendar/session-form-input";

export const getSessionForEditingInput = sessionRefInput;

/** The form's values as the admin typed them: Stockholm dates and times, prices in kronor. */
export type SessionFormDefaults = {
  title: string;
  description: string;
  venueId: string;
  startDate: LocalDate;
  startTime: string;
  /** Empty when the session ends on its start day. */
  endDate: LocalDate | "";
  endTime: string;
  capacity: string;
  theme?: string;
  lecturerId?: string;
  priceMember?: string;
  priceNonMember?: string;
  vatRateBp?: string;
};

export type SessionForEditing = {
  kind: SessionKind;
  id: string;
  workshop: { id: string; title: string; edition: string; status: "DRAFT" | "PUBLISHED" | "ARCHIVED"; startsOn: LocalDate; endsOn: LocalDate };
  status: SessionStatus;
  number: number | null;
  slug: string | null;
  sequence: number;
  seatsTaken: number;
  values: SessionFormDefaults;
  /** Who a change would concern: single-lecture bookings, package bookings, live waiting-list entries (lecture and package). */
  affected: { lectureBookings: number; packageBookings: number; waiting: number };
  can: { edit: boolean; publish: boolean; cancel: boolean; delete: boolean };
};

/** One lecture or gathering for its edit page, with counts of who is affected and what may be done. ADMIN only. */
export async function getSessionForEditing(user: SessionUser, rawInput: SessionRefInput): Promise<SessionForEditing> {
  assertCan(user, "calendar.edit");
  const input = parseOrInvalid(getSessionForEditingInput, rawInput);
  const workshop = await db.workshop.findUnique({
    where: { id: input.workshopId },
    select: { id: true, title: true, edition: true, status: true, startsOn: true, endsOn: true },
  });
  if (!workshop) throw new AppError("NOT_FOUND");
  const live = { in: ["WAITING" as const, "OFFERED" as const] };
  const active = { in: ["PENDING_PAYMENT" as const, "CONFIRMED" as const] };

  let base: Omit<SessionForEditing, "workshop" | "affected" | "can">;
  let lectureBookings = 0;
  let lectureWaiting = 0;
  if (input.kind === "lecture") {
    const l = await db.lecture.findUnique({ where: { id: input.sessionId } });
    if (!l || l.workshopId !== workshop.id) throw new AppError("NOT_FOUND");
    [lectureBookings, lectureWaiting] = await Promise.all([
      db.booking.count({ where: { lectureId: l.id, kind: "LECTURE", status: active } }),
      db.waitlistEntry.count({ where: { lectureId: l.id, status: live } }),
    ]);
    base = {
      kind: "lecture",
      id: l.id,
      status: l.status,
      number: null,
      slug: l.slug,
      sequence: l.sequence,
      seatsTaken: l.seatsTaken,
      values: {
        ...times(l.startsAt, l.endsAt),
        title: l.title,
        description: l.description ?? "",
        venueId: l.venueId,
        capacity: String(l.capacity),
        theme: l.theme,
        lecturerId: l.lecturerId,
        priceMember: oreToKronorText(l.priceMemberOre),
        priceNonMember: oreToKronorText(l.priceNonMemberOre),
        vatRateBp: String(l.vatRateBp),
      },
    };
  } else {
    const g = await db.gathering.findUnique({ where: { id: input.sessionId } });
    if (!g || g.workshopId !== workshop.id) throw new AppError("NOT_FOUND");
    base = {
      kind: "gathering",
      id: g.id,
      status: g.status,
      number: g.number,
      slug: null,
      sequence: g.sequence,
      seatsTaken: g.seatsTaken,
      values: { ...times(g.startsAt, g.endsAt), title: g.title, description: g.description ?? "", venueId: g.venueId, capacity: String(g.capacity) },
    };
  }
  const isPublic = base.status !== "DRAFT";
  const [packageBookings, packageWaiting, history] = await Promise.all([
    isPublic ? db.booking.count({ where: { workshopId: workshop.id, kind: "PACKAGE", status: active } }) : 0,
    isPublic ? db.waitlistEntry.count({ where: { workshopId: workshop.id, kind: "PACKAGE", status: live } }) : 0,
    db.$transaction((tx) => sessionHistory(tx, input.kind, input.sessionId, workshop.id, isPublic)),
  ]);
  return {
    ...base,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      edition: workshop.edition,
      status: workshop.status,
      startsOn: dateColumnToLocalDate(workshop.startsOn),
      endsOn: dateColumnToLocalDate(workshop.endsOn),
    },
    affected: { lectureBookings, packageBookings, waiting: lectureWaiting + packageWaiting },
    can: {
      edit: base.status !== "CANCELLED",
      publish: canPublishSession(base.status, workshop.status),
      cancel: sessionMachine.can(base.status, "CANCELLED"),
      delete: history === 0 && base.seatsTaken === 0,
    },
  };
}

function times(startsAt: Date, endsAt: Date) {
  // The end date is left empty when the session ends on the day it starts (the form reads empty as "the same day").
  const startDate = toStockholmDate(startsAt);
  const endDate = toStockholmDate(endsAt);
  return { startDate, startTime: toStockholmTime(startsAt), endDate: endDate === startDate ? "" : endDate, endTime: toStockholmTime(endsAt) };
}
