/**
 * What the session editor's use cases share: the row locks (in enrollment's lock order: the workshop
 * row, then gatherings, then lectures — see lib/server/enrollment/seats.ts), the snapshot that change
 * notices compare, the session's reference in errors and audit events, and the steps that adding
 * and editing a lecture or a gathering have in common (createSession, updateSession).
 */
import "server-only";
import { z } from "zod";
import {
  checkSessionRules,
  hasIssues,
  needsAnnouncement,
  type FieldIssues,
  type SessionSnapshot,
  type SessionStatus,
} from "@/lib/domain/session-editor";
import { dateColumnToLocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { announceSessionChange } from "@/lib/server/calendar/announce-session-change";
import { checkChoices } from "@/lib/server/calendar/list-session-choices";
import { invalid, type SessionFields } from "@/lib/server/calendar/session-form-input";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
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

/** A session's values as its form gives them; a lecture's also name its lecturer (and prices). */
type EditedFields = SessionFields & { lecturerId?: string };

/**
 * The checks that need the database, after the form's own (session-form-input): the chosen venue
 * (and lecturer) exist, the session lies within the workshop's days and its capacity is not below
 * the seats taken. Throws one INVALID_INPUT with every issue.
 */
async function assertSessionFits(
  tx: Tx,
  fields: EditedFields,
  workshop: { startsOn: Date; endsOn: Date },
  seatsTaken: number,
): Promise<void> {
  const issues: FieldIssues = {
    ...(await checkChoices(tx, { venueId: fields.venueId, lecturerId: fields.lecturerId })),
    ...checkSessionRules({
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      capacity: fields.capacity,
      seatsTaken,
      workshop: { startsOn: dateColumnToLocalDate(workshop.startsOn), endsOn: dateColumnToLocalDate(workshop.endsOn) },
    }),
  };
  if (hasIssues(issues)) throw invalid(issues);
}

/**
 * Adds a lecture or a gathering to a workshop, as a DRAFT. The workshop row is locked first, so
 * concurrent additions get distinct names (a lecture's slug, a gathering's number); then the fields
 * are checked against the workshop, `insert` writes the row (and returns what names it), and
 * "<kind>.created" is audited with the workshop, that name, the status and the fields.
 */
export async function createSession<Name extends Record<string, string | number>>(
  actorId: string,
  kind: SessionKind,
  workshopId: string,
  fields: EditedFields,
  insert: (tx: Tx, workshopId: string) => Promise<{ id: string; name: Name }>,
): Promise<{ id: string; name: Name }> {
  return runBookingTransaction(async (tx) => {
    const workshop = await lockWorkshop(tx, workshopId);
    await assertSessionFits(tx, fields, workshop, 0);
    const created = await insert(tx, workshop.id);
    await recordAuditEvent(tx, {
      actorId,
      action: `${kind}.created`,
      entityType: entityTypeOf(kind),
      entityId: created.id,
      after: auditValues({ workshop: workshop.id, ...created.name, status: "DRAFT", ...fields }),
    });
    return created;
  });
}

export type UpdateSessionResult = { changed: boolean; notified: number };

/** How one kind of session's row is read and written, for updateSession. */
export type SessionRowAccess<F> = {
  /** The row's editable values now (the fields' keys), to tell what changed. */
  read: (tx: Tx, id: string) => Promise<Record<string, unknown>>;
  write: (tx: Tx, id: string, fields: F) => Promise<unknown>;
};

/**
 * Edits a lecture or a gathering (draft or published; a cancelled one is CONFLICT). The session
 * row is locked first, so a capacity below the seats taken is refused even while bookings come in
 * (a booking waits for the lock, then finds the new capacity). Nothing changed: nothing written.
 * A published session whose time or venue changes is announced (announceSessionChange) in the same
 * transaction, right after the row is updated; a draft's edits tell nobody. Audited as
 * "<kind>.updated" with what changed, before and after, and the notice when there was one.
 */
export async function updateSession<F extends EditedFields>(
  actorId: string,
  kind: SessionKind,
  ref: { workshopId: string; sessionId: string },
  fields: F,
  now: Date,
  row: SessionRowAccess<F>,
): Promise<UpdateSessionResult> {
  return runBookingTransaction(async (tx) => {
    const locked = await lockSession(tx, kind, ref.sessionId, ref.workshopId);
    if (locked.status === "CANCELLED") throw conflict("sessionCancelled", `A cancelled ${kind} cannot be edited`);
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: ref.workshopId }, select: { startsOn: true, endsOn: true } });
    await assertSessionFits(tx, fields, workshop, locked.seatsTaken);
    const diff = changedValues(await row.read(tx, locked.id), fields);
    if (!diff.changed) return { changed: false, notified: 0 };
    await row.write(tx, locked.id, fields);
    const before = snapshotOf(locked);
    const after = snapshotOf({ ...fields, status: locked.status });
    const announced = needsAnnouncement(before, after)
      ? await announceSessionChange(tx, { session: { kind, id: locked.id }, before, after, actorId, now })
      : { changeId: null, notified: 0 };
    await recordAuditEvent(tx, {
      actorId,
      action: `${kind}.updated`,
      entityType: entityTypeOf(kind),
      entityId: locked.id,
      before: diff.before,
      after: { ...diff.after, ...(announced.changeId ? { notice: announced.changeId, notified: announced.notified } : {}) },
    });
    return { changed: true, notified: announced.notified };
  });
}
