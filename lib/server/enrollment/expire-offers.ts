/**
 * Waiting-list offers that were not answered in time move on (every 5 minutes, lib/jobs/schedules.ts):
 * OFFERED with offerExpiresAt <= now → EXPIRED, the seat the offer held released and offered to
 * the next in line. Each offer is expired in its own transaction that locks the entry with
 * FOR UPDATE SKIP LOCKED and re-checks the condition, so two workers never expire one twice.
 *
 * Then a sweep: any session with people waiting and seats free (an admin raised the capacity, say)
 * offers those seats. Offers are otherwise made in the transaction that frees the seat.
 *
 * No `server-only` here: scripts/worker.ts runs this outside Next.js.
 */
import { sessionRefOf, waitlistMachine } from "@/lib/domain/enrollment";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { runJobTransaction } from "@/lib/server/enrollment/job-transaction";
import { offerFreedSeats, releaseAndOffer } from "@/lib/server/enrollment/offer-freed-seats";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

const BATCH = 500;

export async function expireOffers(db: PrismaClient, now: Date): Promise<{ offersExpired: number; offersMade: number }> {
  const due = await db.waitlistEntry.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now } },
    select: { id: true },
    orderBy: [{ offerExpiresAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  let offersExpired = 0;
  let offersMade = 0;
  for (const { id } of due) {
    const result = await runJobTransaction(db, (tx) => expireOffer(tx, id, now));
    if (result.expired) offersExpired += 1;
    offersMade += result.offered;
  }
  const waitingKeys = await db.waitlistEntry.findMany({
    where: { status: "WAITING" },
    select: { activeSessionKey: true },
    distinct: ["activeSessionKey"],
  });
  for (const { activeSessionKey } of waitingKeys) {
    if (activeSessionKey) offersMade += (await runJobTransaction(db, (tx) => offerFreedSeats(tx, activeSessionKey, now))).length;
  }
  return { offersExpired, offersMade };
}

async function expireOffer(tx: Prisma.TransactionClient, id: string, now: Date): Promise<{ expired: boolean; offered: number }> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    select "id" from "WaitlistEntry" where "id" = ${id} and "status" = 'OFFERED' and "offerExpiresAt" <= ${now}
    for update skip locked`;
  if (!locked) return { expired: false, offered: 0 };
  const entry = await tx.waitlistEntry.findUniqueOrThrow({
    where: { id },
    select: {
      id: true, kind: true, workshopId: true, lectureId: true, participantId: true, addedById: true, activeSessionKey: true, offerExpiresAt: true,
      participant: { select: { email: true, locale: true, name: true, erasedAt: true } },
      addedBy: { select: { email: true, locale: true, erasedAt: true } },
      workshop: { select: { title: true } },
      lecture: { select: { title: true } },
    },
  });
  waitlistMachine.transition("OFFERED", "EXPIRED");
  await tx.waitlistEntry.update({ where: { id }, data: { status: "EXPIRED", activeSessionKey: null } });
  await recordAuditEvent(tx, {
    actorId: null,
    action: "waitlist.offer-expired",
    entityType: "WaitlistEntry",
    entityId: id,
    before: { status: "OFFERED", session: entry.activeSessionKey, offerExpiresAt: entry.offerExpiresAt?.toISOString() ?? null },
    after: { status: "EXPIRED" },
  });
  const params = {
    entryId: entry.id,
    workshop: entry.workshop.title,
    session: entry.lecture?.title ?? entry.workshop.title,
    participant: entry.participant.name ?? entry.participant.email,
  };
  const recipients = [{ id: entry.participantId, ...entry.participant }];
  if (entry.addedById !== entry.participantId) recipients.push({ id: entry.addedById, name: null, ...entry.addedBy });
  for (const r of recipients.filter((r) => !r.erasedAt)) {
    await enqueueEmail(tx, { to: r.email, locale: r.locale, template: "waitlist-offer-expired", params, dedupeKey: `waitlist-offer-expired:${id}:${r.id}` });
  }
  const offered = await releaseAndOffer(tx, sessionRefOf(entry), now);
  return { expired: true, offered: offered.length };
}
