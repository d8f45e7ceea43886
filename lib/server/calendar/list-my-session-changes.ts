import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recentChangesSince, type SessionChangeKind } from "@/lib/domain/session-change";

/**
 * "Ändringar i dina tillfällen" on the bookings page: the announced changes of the last 60 days to
 * sessions the reader holds through an active booking (a lecture booked singly, or every gathering
 * and lecture of a package), newest first. Only published sessions are ever announced, so drafts
 * never show.
 */
export type MySessionChange = {
  id: string;
  kind: SessionChangeKind;
  createdAt: Date;
  session: { kind: "lecture" | "gathering"; id: string; title: string };
  workshopTitle: string;
  before: { startsAt: Date; endsAt: Date; venueName: string };
  after: { startsAt: Date; endsAt: Date; venueName: string };
};

/** The parts of a StoredSessionState (announce-session-change.ts) the page shows. */
const storedState = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  venue: z.object({ name: z.string() }),
});

function readState(value: unknown): MySessionChange["before"] | null {
  const parsed = storedState.safeParse(value);
  if (!parsed.success) return null;
  return { startsAt: new Date(parsed.data.startsAt), endsAt: new Date(parsed.data.endsAt), venueName: parsed.data.venue.name };
}

const KINDS: readonly string[] = ["TIME", "VENUE", "CANCELLED"] satisfies SessionChangeKind[];

export async function listMySessionChanges(user: { id: string }, now: Date): Promise<MySessionChange[]> {
  const bookings = await db.booking.findMany({
    where: { participantId: user.id, activeSessionKey: { not: null } },
    select: { kind: true, workshopId: true, lectureId: true },
  });
  const lectureIds = [...new Set(bookings.flatMap((b) => (b.kind === "LECTURE" && b.lectureId ? [b.lectureId] : [])))];
  const workshopIds = [...new Set(bookings.filter((b) => b.kind === "PACKAGE").map((b) => b.workshopId))];
  if (lectureIds.length === 0 && workshopIds.length === 0) return [];

  const rows = await db.sessionChange.findMany({
    where: {
      createdAt: { gte: recentChangesSince(now), lte: now },
      OR: [{ lectureId: { in: lectureIds } }, { workshopId: { in: workshopIds } }],
    },
    select: {
      id: true, kind: true, createdAt: true, before: true, after: true,
      workshop: { select: { title: true } },
      lecture: { select: { id: true, title: true } },
      gathering: { select: { id: true, title: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  return rows.flatMap((r) => {
    const before = readState(r.before);
    const after = readState(r.after);
    const session = r.lecture
      ? { kind: "lecture" as const, id: r.lecture.id, title: r.lecture.title }
      : r.gathering
        ? { kind: "gathering" as const, id: r.gathering.id, title: r.gathering.title }
        : null;
    if (!before || !after || !session || !KINDS.includes(r.kind)) return [];
    return [{ id: r.id, kind: r.kind as SessionChangeKind, createdAt: r.createdAt, session, workshopTitle: r.workshop.title, before, after }];
  });
}
