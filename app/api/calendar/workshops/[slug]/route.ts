import { CALENDAR_CONTENT_TYPE, calendarFileName } from "@/lib/calendar-files/build-calendar";
import { getWorkshopFeed } from "@/lib/server/calendar/get-workshop-feed";

/**
 * GET /api/calendar/workshops/<slug>[?lang=sv|en]: a published workshop's calendar to subscribe to
 * (iCal feed): its published and cancelled sessions, never drafts. Anyone may read it; a draft,
 * archived or unknown workshop is 404. Calendar apps may cache it a little while.
 */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  const lang = new URL(request.url).searchParams.get("lang");
  const ics = await getWorkshopFeed({ slug, lang: lang === "en" ? "en" : "sv" }, new Date());
  if (ics === null) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `inline; filename="${calendarFileName(slug)}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
