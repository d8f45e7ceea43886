import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { assertCan } from "@/lib/domain/roles";
import { canPublishSession } from "@/lib/domain/session-editor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { conflict, entityTypeOf, lockSession, lockWorkshop, sessionRefInput, type SessionRefInput } from "@/lib/server/calendar/session-editing";
import { parseOrInvalid } from "@/lib/server/calendar/session-form-input";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";

export const publishSessionInput = sessionRefInput;
export type PublishSessionInput = SessionRefInput;

/**
 * Publishes a DRAFT lecture or gathering of a PUBLISHED workshop (a draft workshop's sessions are
 * published with the workshop). ADMIN only. Anything but a draft, or a draft workshop, is CONFLICT.
 *
 * A package includes every published session of its workshop, so the people who already hold a
 * package (and open package offers) take their seats in the newly published session at once, as
 * booking the package would have: the capacity must hold them (INVALID_INPUT on capacity otherwise).
 * Lock order as in enrollment: the workshop row, then the session row.
 */
export async function publishSession(user: SessionUser, rawInput: PublishSessionInput, now: Date): Promise<{ seatsTaken: number }> {
  void now;
  assertCan(user, "calendar.publish");
  const input = parseOrInvalid(publishSessionInput, rawInput);
  return runBookingTransaction(async (tx) => {
    const workshop = await lockWorkshop(tx, input.workshopId);
    const session = await lockSession(tx, input.kind, input.sessionId, input.workshopId);
    if (session.status !== "DRAFT") throw conflict("sessionNotDraft", "Only a draft can be published");
    if (!canPublishSession(session.status, workshop.status)) throw conflict("workshopNotPublished", "The workshop is not published");
    const seatsTaken = session.seatsTaken + Number(workshop.packageSeatsTaken);
    if (session.capacity < seatsTaken) {
      throw new AppError("INVALID_INPUT", "Capacity below package seats", { capacity: [{ key: "capacityBelowPackages", params: { seats: seatsTaken } }] });
    }
    if (input.kind === "lecture") {
      await tx.lecture.update({ where: { id: session.id }, data: { status: "PUBLISHED", seatsTaken } });
    } else {
      await tx.gathering.update({ where: { id: session.id }, data: { status: "PUBLISHED", seatsTaken } });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: `${input.kind}.published`,
      entityType: entityTypeOf(input.kind),
      entityId: session.id,
      before: { status: "DRAFT", seatsTaken: session.seatsTaken },
      after: { status: "PUBLISHED", seatsTaken },
    });
    return { seatsTaken };
  });
}
