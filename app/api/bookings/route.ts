import { randomUUID } from "node:crypto";
import { bookSessionsAction } from "@/app/_actions/enrollment";
import { getEnv } from "@/lib/env";
import type { ActionResult } from "@/lib/server/action";
import { requestLocale, translateError } from "@/lib/server/action-errors";
import { HTTP_STATUS } from "@/lib/server/http-status";

/**
 * POST /api/bookings: the booking use case over JSON, for scripts and the booking benchmark
 * (bench/booking-burst.ts). It is the server action itself (enrollment.bookSessions: session from
 * the cookie, PARTICIPANT or ORDERER, the same zod schema and translated errors), answered with
 * HTTP statuses instead of a result object; the body is the action's result either way.
 */
export const dynamic = "force-dynamic";

/** Seconds a client should wait after BUSY: the burst that exhausted the pool is usually gone by then. */
const RETRY_AFTER_SECONDS = 1;

const STATUS = HTTP_STATUS;

export async function POST(request: Request): Promise<Response> {
  // Server actions get Next's own same-origin check; route handlers do not. The session cookie is
  // sent with cross-site requests too, so a POST from another site is refused before anything runs.
  if (!isSameOrigin(request)) {
    const message = await translateError("FORBIDDEN", await requestLocale());
    return respond(403, { ok: false, code: "FORBIDDEN", message, requestId: randomUUID() });
  }
  // Unreadable JSON goes to the action as "no input": it still answers 401/403 first, then a
  // translated field error in the person's language.
  const body: unknown = await request.json().catch(() => undefined);
  const result = await bookSessionsAction(body);
  if (result.ok) return respond(result.data.repeated ? 200 : 201, result);
  return respond(STATUS[result.code], result);
}

function respond(status: number, body: ActionResult<unknown>): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status === 503) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return Response.json(body, { status, headers });
}

/** The Origin header names this deployment (APP_URL). Browsers send it with every POST. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).origin === new URL(getEnv().APP_URL).origin;
  } catch {
    return false;
  }
}
