import { randomUUID } from "node:crypto";
import { getSessionUser } from "@/lib/auth/session";
import type { AppLocale } from "@/lib/domain/money";
import { AppError, isAppError } from "@/lib/errors";
import { requestLocale, translateError, translateFieldErrors, zodFieldErrors } from "@/lib/server/action-errors";
import { exportParticipants, exportParticipantsInput } from "@/lib/server/exports/export-participants";
import { HTTP_STATUS } from "@/lib/server/http-status";
import { firstValues } from "@/lib/server/parse-search-params";
import { localeField } from "@/lib/validation/fields";

/**
 * GET /api/exports/participants?scope=session|workshop|organisation&id=<sessionRef|workshopId|organisationId>
 * &format=csv|xlsx[&workshopId=<id> for an organisation][&lang=sv|en]: participants as a file to
 * download. Coordinators and admins any scope; an orderer their own organisation only (another
 * organisation answers 404, another scope 403); 401 when signed out; 400 with translated field
 * messages for a bad query; a draft workshop or session is 404. Each export is audited.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const query = firstValues(Object.fromEntries(new URL(request.url).searchParams));
  const asked = localeField.safeParse(query.lang);
  let locale: AppLocale = asked.success ? asked.data : await requestLocale();
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!asked.success) locale = user.locale;
    if (!user.profileComplete) throw new AppError("PROFILE_INCOMPLETE");

    const { lang: _lang, ...rest } = query;
    void _lang;
    const parsed = exportParticipantsInput.safeParse(rest);
    if (!parsed.success) throw new AppError("INVALID_INPUT", undefined, zodFieldErrors(parsed.error));
    const file = await exportParticipants(user, parsed.data, new Date(), { locale, requestId });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        // ASCII-only names (participantExport.fileNames), so no RFC 6266 filename* is needed.
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Content-Length": String(file.body.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (!isAppError(error)) console.error(`[GET /api/exports/participants] request ${requestId} failed`, error);
    const code = isAppError(error) ? error.code : "INTERNAL";
    const fieldErrors = isAppError(error) && error.fieldErrors ? await translateFieldErrors(error.fieldErrors, locale) : undefined;
    const message = await translateError(code, locale, { ...(isAppError(error) ? error.params : {}), requestId });
    return Response.json({ ok: false, code, message, fieldErrors, requestId }, { status: HTTP_STATUS[code], headers: { "Cache-Control": "no-store" } });
  }
}
