import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { shouldBookInstead, waitlistPosition } from "@/lib/domain/enrollment";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { offerFreedSeats } from "@/lib/server/enrollment/offer-freed-seats";
import { checkboxField, peopleFields, resolvePeople } from "@/lib/server/enrollment/people";
import { lockSessionSeats } from "@/lib/server/enrollment/session-seats";
import { runBookingTransaction } from "@/lib/server/enrollment/transaction";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { idField } from "@/lib/validation/fields";

export const joinWaitlistInput = z
  .object({
    workshopId: idField,
    kind: z.enum(["LECTURE", "PACKAGE"], { error: "invalidChoice" }),
    /** The full lecture (LECTURE only). */
    lectureId: idField.optional(),
    /** Package only: they come with their own improvement project. */
    ownProject: checkboxField.default(false),
    ...peopleFields,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "LECTURE" && !v.lectureId) ctx.addIssue({ code: "custom", path: ["lectureId"], message: "chooseLecture" });
    if (v.kind === "PACKAGE" && v.lectureId) ctx.addIssue({ code: "custom", path: ["lectureId"], message: "invalid" });
    if (v.kind === "LECTURE" && v.ownProject) ctx.addIssue({ code: "custom", path: ["ownProject"], message: "invalid" });
    if (new Set(v.participantEmails).size !== v.participantEmails.length)
      ctx.addIssue({ code: "custom", path: ["participantEmails"], message: "duplicateEmail" });
  });
export type JoinWaitlistInput = z.infer<typeof joinWaitlistInput>;

export type JoinWaitlistResult = {
  entries: { id: string; participantEmail: string; status: "WAITING" | "OFFERED"; position: number | null }[];
};

/**
 * Puts the participant, or an orderer's colleagues of the same organisation (by e-mail, as booking
 * does), on the waiting list of a full lecture or a full package. One live entry per person and
 * session (the unique activeSessionKey, as for bookings); someone who already holds a place or a
 * queue place is named in the refusal.
 *
 * Refused while there are seats enough for everyone added: they should book instead (CONFLICT,
 * field "_form": seatsAvailable). With some seats free but fewer than people, everyone joins and
 * the free seats are offered to the first in line at once. The session's seat rows are locked
 * while deciding, so a seat freed at the same moment is either seen here or offered after this
 * commits: never left free with people waiting.
 */
export async function joinWaitlist(user: SessionUser, input: JoinWaitlistInput, now: Date): Promise<JoinWaitlistResult> {
  try {
    return await runBookingTransaction((tx) => join(tx, user, input, now));
  } catch (error) {
    // The same person joining twice at the same moment: the unique key refused the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const title =
        input.kind === "LECTURE"
          ? (await db.lecture.findUnique({ where: { id: input.lectureId! }, select: { title: true } }))?.title
          : (await db.workshop.findUnique({ where: { id: input.workshopId }, select: { title: true } }))?.title;
      throw new AppError("ALREADY_BOOKED", "Already on the waiting list", undefined, { person: user.name ?? user.email, session: title ?? "" });
    }
    throw error;
  }
}

async function join(tx: Prisma.TransactionClient, user: SessionUser, input: JoinWaitlistInput, now: Date): Promise<JoinWaitlistResult> {
  const key = input.kind === "LECTURE" ? `L:${input.lectureId}` : `P:${input.workshopId}`;
  if (input.kind === "LECTURE") {
    const lecture = await tx.lecture.findUnique({ where: { id: input.lectureId! }, select: { workshopId: true } });
    if (!lecture || lecture.workshopId !== input.workshopId) throw new AppError("NOT_FOUND");
  }
  const session = await lockSessionSeats(tx, key, now);
  if (!session) throw new AppError("NOT_FOUND");
  if (!session.bookable) throw new AppError("NOT_BOOKABLE", "Session not bookable", undefined, { session: session.title });

  const people = await resolvePeople(tx, user, input);
  if (shouldBookInstead(session.free, people.length)) {
    throw new AppError("CONFLICT", "Seats are free: book instead", { _form: [{ key: "seatsAvailable", params: { session: session.title, seats: session.free } }] }, {
      session: session.title,
    });
  }
  const ids = people.map((p) => p.id);
  const clash =
    (await tx.booking.findFirst({ where: { participantId: { in: ids }, activeSessionKey: key }, select: { participantId: true } })) ??
    (await tx.waitlistEntry.findFirst({ where: { participantId: { in: ids }, activeSessionKey: key }, select: { participantId: true } }));
  if (clash) {
    const person = people.find((p) => p.id === clash.participantId);
    throw new AppError("ALREADY_BOOKED", "Already has a place or a queue place", undefined, { person: person?.name ?? person?.email ?? "", session: session.title });
  }

  const created: { id: string; person: (typeof people)[number] }[] = [];
  for (const person of people) {
    const entry = await tx.waitlistEntry.create({
      data: {
        kind: input.kind,
        workshopId: input.workshopId,
        lectureId: input.kind === "LECTURE" ? input.lectureId! : null,
        participantId: person.id,
        addedById: user.id,
        ownProject: input.kind === "PACKAGE" && input.ownProject,
        activeSessionKey: key,
        // Queue order is this instant, then the id (waitlistOrder).
        createdAt: now,
      },
      select: { id: true },
    });
    created.push({ id: entry.id, person });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "waitlist.joined",
      entityType: "WaitlistEntry",
      entityId: entry.id,
      after: { status: "WAITING", session: key, participant: person.email },
    });
  }
  // Some seats but not enough for everyone: they go to the first in line now.
  const offered = new Set(session.free > 0 ? await offerFreedSeats(tx, key, now) : []);

  const queue = await tx.waitlistEntry.findMany({ where: { activeSessionKey: key, status: "WAITING" }, select: { id: true, status: true, createdAt: true } });
  const result: JoinWaitlistResult["entries"] = [];
  for (const { id, person } of created) {
    const position = offered.has(id) ? null : waitlistPosition(queue, id);
    result.push({ id, participantEmail: person.email, status: offered.has(id) ? "OFFERED" : "WAITING", position });
    if (offered.has(id)) continue; // they got the offer e-mail instead
    const params = { entryId: id, workshop: session.workshopTitle, session: session.title, participant: person.name ?? person.email, position: position ?? 0 };
    await enqueueEmail(tx, { to: person.email, locale: person.locale, template: "waitlist-joined", params });
    if (person.id !== user.id) await enqueueEmail(tx, { to: user.email, locale: user.locale, template: "waitlist-joined", params });
  }
  return { entries: result };
}
