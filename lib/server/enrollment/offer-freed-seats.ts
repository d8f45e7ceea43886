/**
 * The waiting list's engine: when seats free, the first in line get an offer by e-mail.
 *
 * Design ("seats on offer"): an offer TAKES its seat at once, with the same
 * conditional UPDATE a booking uses, so a seat promised to someone can never be booked by another
 * and nothing else in the system needs to know about offers to stay oversell-proof. Accepting turns
 * the offer into a PENDING_PAYMENT booking on that seat without taking another; a declined,
 * withdrawn or expired offer releases it and the next in line is offered.
 *
 * No `server-only` here: the job worker (scripts/worker.ts) runs the expiry jobs that use this.
 */
import { keysServedByRelease, offerExpiresAt, sessionRefOf, waitlistOrder, type SessionRef } from "@/lib/domain/enrollment";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { releaseSeats, takeLectureSeats, takePackageSeats } from "@/lib/server/enrollment/seats";
import { lockSessionSeats } from "@/lib/server/enrollment/session-seats";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

type Tx = Prisma.TransactionClient;

/**
 * While the session has free seats and people waiting, the next WAITING entry (queue order)
 * becomes OFFERED, takes a seat and gets an e-mail with a link to their bookings. Returns the ids
 * of the entries offered. A session that can no longer be booked (cancelled, begun) offers nothing.
 */
export async function offerFreedSeats(tx: Tx, sessionKey: string, now: Date): Promise<string[]> {
  const session = await lockSessionSeats(tx, sessionKey, now);
  if (!session || !session.bookable || session.free <= 0) return [];
  const waiting = await tx.waitlistEntry.findMany({
    where: { activeSessionKey: session.key, status: "WAITING" },
    select: { id: true, status: true, createdAt: true },
  });
  const offered: string[] = [];
  let free = session.free;
  for (const candidate of waitlistOrder(waiting)) {
    if (free <= 0) break;
    const expires = offerExpiresAt(now, session.waitlistOfferHours);
    // Conditional: an entry that left the list a moment ago is skipped, the next one gets the seat.
    const claimed = await tx.waitlistEntry.updateMany({
      where: { id: candidate.id, status: "WAITING" },
      data: { status: "OFFERED", offeredAt: now, offerExpiresAt: expires },
    });
    if (claimed.count === 0) continue;
    // Rows are locked and the seat counted free: this cannot come back FULL.
    if (session.ref.kind === "LECTURE") await takeLectureSeats(tx, [session.ref.lectureId], 1, new Map([[session.ref.lectureId, session.title]]));
    else await takePackageSeats(tx, session.ref.workshopId, 1, session.title);
    free -= 1;
    offered.push(candidate.id);

    const entry = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id: candidate.id },
      select: {
        id: true, participantId: true, addedById: true,
        participant: { select: { email: true, locale: true, name: true } },
        addedBy: { select: { email: true, locale: true } },
      },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "waitlist.offered",
      entityType: "WaitlistEntry",
      entityId: entry.id,
      before: { status: "WAITING" },
      after: { status: "OFFERED", session: session.key, offerExpiresAt: expires.toISOString(), participant: entry.participant.email },
    });
    const recipients = [{ id: entry.participantId, ...entry.participant }];
    if (entry.addedById !== entry.participantId) recipients.push({ id: entry.addedById, name: null, ...entry.addedBy });
    for (const r of recipients) {
      await enqueueEmail(tx, {
        to: r.email,
        locale: r.locale,
        template: "waitlist-offer",
        params: {
          entryId: entry.id,
          workshop: session.workshopTitle,
          session: session.title,
          participant: entry.participant.name ?? entry.participant.email,
          offerExpiresAt: expires.toISOString(),
        },
        // A retried job or transaction queues the offer once.
        dedupeKey: `waitlist-offer:${entry.id}:${r.id}`,
      });
    }
  }
  return offered;
}

/**
 * Gives back `count` seats of a session and offers what is free to the waiting lists the seats
 * serve: the session's own first, then those sharing its seats (a lecture seat may complete a
 * package; a package seat frees one in every lecture). Returns the entries offered.
 *
 * Lock order: when a package list may be served by a lecture seat, the package's rows are locked
 * before the lecture is released, so this keeps seats.ts' order (workshop, gatherings, lectures).
 */
export async function releaseAndOffer(tx: Tx, ref: SessionRef, now: Date, count = 1): Promise<string[]> {
  const lectureIds =
    ref.kind === "PACKAGE"
      ? (await tx.lecture.findMany({ where: { workshopId: ref.workshopId, status: "PUBLISHED" }, select: { id: true } })).map((l) => l.id)
      : [];
  const keys = keysServedByRelease(ref, lectureIds);
  const waitingKeys = new Set(
    (
      await tx.waitlistEntry.findMany({
        where: { activeSessionKey: { in: keys }, status: "WAITING" },
        select: { activeSessionKey: true },
        distinct: ["activeSessionKey"],
      })
    ).map((e) => e.activeSessionKey),
  );
  if (ref.kind === "LECTURE" && waitingKeys.has(`P:${ref.workshopId}`)) await lockSessionSeats(tx, `P:${ref.workshopId}`, now);
  await releaseSeats(tx, ref, count);
  const offered: string[] = [];
  for (const key of keys) {
    if (waitingKeys.has(key)) offered.push(...(await offerFreedSeats(tx, key, now)));
  }
  return offered;
}

/**
 * People who get a place by other means (they booked, or a booking passed to them) leave the
 * waiting lists of those sessions. An open offer's seat is given back: with `offerNext` to the
 * next in line; without, because the caller takes the seat for the same person straight after
 * (booking). Returns how many entries were withdrawn.
 */
export async function withdrawFromWaitlists(
  tx: Tx,
  options: { participantIds: readonly string[]; keys: readonly string[]; actorId: string | null; reason: "booked" | "substituted"; offerNext: boolean; now: Date },
): Promise<number> {
  const entries = await tx.waitlistEntry.findMany({
    where: { participantId: { in: [...options.participantIds] }, activeSessionKey: { in: [...options.keys] } },
    select: { id: true, status: true, kind: true, workshopId: true, lectureId: true, offerExpiresAt: true, activeSessionKey: true },
    orderBy: { activeSessionKey: "asc" },
  });
  let withdrawn = 0;
  for (const entry of entries) {
    const done = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, status: entry.status },
      data: { status: "CANCELLED", activeSessionKey: null },
    });
    if (done.count === 0) continue;
    withdrawn += 1;
    await recordAuditEvent(tx, {
      actorId: options.actorId,
      action: "waitlist.withdrawn",
      entityType: "WaitlistEntry",
      entityId: entry.id,
      before: { status: entry.status, session: entry.activeSessionKey },
      after: { status: "CANCELLED", reason: options.reason },
    });
    // An offer holds its seat until it is answered or expires, whatever its clock says.
    if (entry.status === "OFFERED") {
      const ref = sessionRefOf(entry);
      if (options.offerNext) await releaseAndOffer(tx, ref, options.now);
      else await releaseSeats(tx, ref);
    }
  }
  return withdrawn;
}
