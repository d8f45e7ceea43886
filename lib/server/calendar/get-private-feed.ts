import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/domain/money";
import { getEnv } from "@/lib/env";
import { siteTranslator } from "@/lib/i18n/site-messages";
import { buildFeed, feedSessions } from "./feed-calendar";
import { feedTokenField, hashFeedToken } from "./feed-token";

export const getPrivateFeedInput = z.object({ token: z.string(), lang: z.enum(["sv", "en"]).optional() });

/**
 * A person's private feed: the sessions of their active bookings (a lecture booked singly, every
 * gathering and lecture of a package), never drafts, cancelled ones as STATUS:CANCELLED. Null for
 * a malformed, unknown or revoked token, or an erased person: the route answers all of them alike.
 * The language is the person's own unless the address asks for another.
 */
export async function getPrivateFeed(input: z.infer<typeof getPrivateFeedInput>, now: Date): Promise<string | null> {
  const token = feedTokenField.safeParse(input.token);
  if (!token.success) return null;
  const row = await db.calendarFeedToken.findUnique({
    where: { tokenHash: hashFeedToken(token.data) },
    select: { revokedAt: true, user: { select: { id: true, locale: true, erasedAt: true } } },
  });
  if (!row || row.revokedAt || row.user.erasedAt) return null;
  const bookings = await db.booking.findMany({
    where: { participantId: row.user.id, activeSessionKey: { not: null } },
    select: { kind: true, workshopId: true, lectureId: true },
  });
  const sessions = await feedSessions(db, {
    lectureIds: bookings.flatMap((b) => (b.kind === "LECTURE" && b.lectureId ? [b.lectureId] : [])),
    workshopIds: bookings.filter((b) => b.kind === "PACKAGE").map((b) => b.workshopId),
  });
  const locale: AppLocale = input.lang ?? row.user.locale;
  const t = siteTranslator(locale);
  return buildFeed(sessions, { locale, appUrl: getEnv().APP_URL, now, name: t("calendarFeed.privateName"), description: t("calendarFeed.privateDescription") });
}
