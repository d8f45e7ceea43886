/**
 * What the session editor's use cases share: the row locks (in enrollment's lock order: the workshop
 * row, then gatherings, then lectures — see lib/server/enrollment/seats.ts), the snapshot that change
 * notices compare, and the session's reference in errors and audit events.
 */
import "server-only";
import { z } from "zod";
import type { SessionSnapshot, SessionStatus } from "@/lib/domain/session-editor";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/validation/fields";

type Tx = Prisma.TransactionClient;

export const sessionKindField = z.enum(["lecture", "gathering"], { error: "invalidChoice" });
export type SessionKind = z.infer<typeof sessionKindField>;

/** Which session: its kind, id and workshop (a session of another workshop is NOT_FOUND). */
export const sessionRefInput = z.object({ kind: sessionKindField, workshopId: idField, sessionId: idField });
export type SessionRefInput = z.infer<typeof sessionRefInput>;

export type LockedWorkshop = {
  id: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  startsOn: Date;
  endsOn: Date;
  packageSeatsTaken: number;
  cancellationDeadline: Date;
};

/** Locks the workshop row (first in the lock order) and reads it; NOT_FOUND when there is none. */
export async function lockWorkshop(tx: Tx, workshopId: string): Promise<LockedWorkshop> {
  const [row] = await tx.$queryRaw<LockedWorkshop[]>`
    select "id", "title", "status"::text as "status", "startsOn", "endsOn", "packageSeatsTaken", "cancellationDeadline"
    from "Workshop" where "id" = ${workshopId} for update`;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export type LockedSession = {
  id: string;
  workshopId: string;
  title: string;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  capacity: number;
  seatsTaken: number;
};

/**
 * Locks the session row (SELECT … FOR UPDATE): while it is held no booking can take a seat in it
 * (taking a seat updates the same row), so a capacity checked against seatsTaken stays true until
 * commit. NOT_FOUND when the session does not exist or belongs to another workshop.
 */
export async function lockSession(tx: Tx, kind: SessionKind, sessionId: string, workshopId: string): Promise<LockedSession> {
  const rows =
    kind === "lecture"
      ? await tx.$queryRaw<LockedSession[]>`
          select "id", "workshopId", "title", "status"::text as "status", "startsAt", "endsAt", "venueId", "capacity", "seatsTaken"
          from "Lecture" where "id" = ${sessionId} for update`
      : await tx.$queryRaw<LockedSession[]>`
          select "id", "workshopId", "title", "status"::text as "status", "startsAt", "endsAt", "venueId", "capacity", "seatsTaken"
          from "Gathering" where "id" = ${sessionId} for update`;
  const row = rows[0];
  if (!row || row.workshopId !== workshopId) throw new AppError("NOT_FOUND");
  return { ...row, capacity: Number(row.capacity), seatsTaken: Number(row.seatsTaken) };
}

export function snapshotOf(row: { startsAt: Date; endsAt: Date; venueId: string; status: SessionStatus }): SessionSnapshot {
  return { startsAt: row.startsAt, endsAt: row.endsAt, venueId: row.venueId, status: row.status };
}

/** The audit entity type of a session kind. */
export function entityTypeOf(kind: SessionKind): "Lecture" | "Gathering" {
  return kind === "lecture" ? "Lecture" : "Gathering";
}

/** A form-level conflict with a message key under errors.fields. */
export function conflict(key: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError("CONFLICT", message, { _form: [{ key, params }] });
}

/** Values for an audit event: instants as ISO strings. */
export function auditValues(values: Record<string, unknown>): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[key] = value instanceof Date ? value.toISOString() : (value as Prisma.InputJsonValue | null);
  }
  return out;
}

/** Only what changed, as { before, after }. */
export function changedValues(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const x = before[key];
    const y = after[key];
    const same = x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
    if (!same) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: auditValues(b), after: auditValues(a), changed: Object.keys(a).length > 0 };
}
