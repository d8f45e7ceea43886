import { CALENDAR_CONTENT_TYPE } from "@/lib/calendar-files/build-calendar";
import { clientIpFrom } from "@/lib/domain/rate-limit";
import { getPrivateFeed } from "@/lib/server/calendar/get-private-feed";
import { hitRateLimit } from "@/lib/server/security/hit-rate-limit";

/**
 * GET /api/calendar/feed/<token>[?lang=sv|en]: a person's private iCal feed of their booked
 * sessions. The secret token is the only key (calendar apps send no cookies): an unknown, revoked
 * or malformed token gets the same 404. Never cached by anyone in between. Rate limited per client
 * address, so guessing tokens is slow as well as hopeless.
 */
export const dynamic = "force-dynamic";

const FEED_RATE = { limit: 120, windowSeconds: 60 };

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const now = new Date();
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const ip = clientIpFrom(request.headers.get("x-forwarded-for"), Number.isInteger(hops) && hops >= 0 ? hops : 0);
  const limited = await hitRateLimit(`calendar-feed:${ip}`, FEED_RATE, now);
  if (!limited.allowed) {
    return new Response(null, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds), "Cache-Control": "no-store" } });
  }
  const { token } = await context.params;
  const lang = new URL(request.url).searchParams.get("lang");
  const ics = await getPrivateFeed({ token, lang: lang === "en" || lang === "sv" ? lang : undefined }, now);
  if (ics === null) return new Response(null, { status: 404, headers: { "Cache-Control": "private, no-store" } });
  return new Response(ics, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": 'inline; filename="verkstad.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
