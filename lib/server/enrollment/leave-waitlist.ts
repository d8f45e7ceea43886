import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { sessionRefOf, waitlistMachine, type WaitlistStatus } from "@/lib/domain/enrollment";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { releaseAndOffer } from "@/lib/server/enrollment/offer-freed-seats";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { idField } from "@/lib/validation/fields";

export const leaveWaitlistInput = z.object({ entryId: idField });
export type LeaveWaitlistInput = z.infer<typeof leaveWaitlistInput>;

export type LeaveWaitlistResult = { entryId: string; was: "WAITING" | "OFFERED"; offeredNext: number };

/**
 * Leaves the waiting list, or declines an offer (which is leaving the list while holding an offer):
 * the entry becomes CANCELLED. A declined offer gives its seat back at once and the next in line is
 * offered it. The participant or the one who queued them may do this; anyone else gets NOT_FOUND.
 */
export async function leaveWaitlist(user: SessionUser, input: LeaveWaitlistInput, now: Date): Promise<LeaveWaitlistResult> {
  return runBookingTransaction((tx) => leave(tx, user, input.entryId, now));
}

async function leave(tx: Prisma.TransactionClient, user: SessionUser, entryId: string, now: Date): Promise<LeaveWaitlistResult> {
  const entry = await tx.waitlistEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true, kind: true, workshopId: true, lectureId: true, participantId: true, addedById: true, activeSessionKey: true,
      participant: { select: { email: true, name: true, locale: true } },
      workshop: { select: { title: true } },
      lecture: { select: { title: true } },
    },
  });
  if (!entry || (entry.participantId !== user.id && entry.addedById !== user.id)) throw new AppError("NOT_FOUND");
  // Lock the entry, then decide on its current status (an offer may be expiring right now).
  const [locked] = await tx.$queryRaw<{ status: WaitlistStatus }[]>`
    select "status"::text as "status" from "WaitlistEntry" where "id" = ${entry.id} for update`;
  const was = locked?.status;
  if (was !== "WAITING" && was !== "OFFERED") throw new AppError("CONFLICT", "Not on the waiting list any more", { _form: ["notOnWaitlist"] });
  waitlistMachine.transition(was, "CANCELLED");
  await tx.waitlistEntry.update({ where: { id: entry.id }, data: { status: "CANCELLED", activeSessionKey: null } });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: was === "OFFERED" ? "waitlist.offer-declined" : "waitlist.left",
    entityType: "WaitlistEntry",
    entityId: entry.id,
    before: { status: was, session: entry.activeSessionKey },
    after: { status: "CANCELLED" },
  });
  const offeredNext = was === "OFFERED" ? (await releaseAndOffer(tx, sessionRefOf(entry), now)).length : 0;

  const params = {
    entryId: entry.id,
    workshop: entry.workshop.title,
    session: entry.lecture?.title ?? entry.workshop.title,
    participant: entry.participant.name ?? entry.participant.email,
  };
  await enqueueEmail(tx, { to: entry.participant.email, locale: entry.participant.locale, template: "waitlist-left", params });
  if (user.id !== entry.participantId) await enqueueEmail(tx, { to: user.email, locale: user.locale, template: "waitlist-left", params });
  return { entryId: entry.id, was, offeredNext };
}
