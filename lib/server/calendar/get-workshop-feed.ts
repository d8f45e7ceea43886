import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { siteTranslator } from "@/lib/i18n/site-messages";
import { buildFeed, feedSessions } from "./feed-calendar";

export const getWorkshopFeedInput = z.object({ slug: z.string().min(1).max(200), lang: z.enum(["sv", "en"]).default("sv") });

/**
 * The public feed of a PUBLISHED workshop: its PUBLISHED and CANCELLED gatherings and lectures.
 * Null for a draft, archived or unknown workshop; its draft sessions are never in it.
 */
export async function getWorkshopFeed(input: z.input<typeof getWorkshopFeedInput>, now: Date): Promise<string | null> {
  const parsed = getWorkshopFeedInput.safeParse(input);
  if (!parsed.success) return null;
  const workshop = await db.workshop.findFirst({ where: { slug: parsed.data.slug, status: "PUBLISHED" }, select: { id: true, title: true } });
  if (!workshop) return null;
  const sessions = await feedSessions(db, { lectureIds: [], workshopIds: [workshop.id], publishedOnly: true });
  const { lang } = parsed.data;
  const t = siteTranslator(lang);
  return buildFeed(sessions, {
    locale: lang, appUrl: getEnv().APP_URL, now,
    name: t("calendarFeed.workshopName", { workshop: workshop.title }),
    description: t("calendarFeed.workshopDescription", { workshop: workshop.title }),
  });
}
