import { randomUUID } from "node:crypto";
import { assertRole } from "@/lib/auth/guards";
import { getSessionUser } from "@/lib/auth/session";
import type { AppLocale } from "@/lib/domain/money";
import { AppError, isAppError } from "@/lib/errors";
import { requestLocale, translateError, translateFieldErrors, zodFieldErrors } from "@/lib/server/action-errors";
import { exportBilling, exportBillingInput } from "@/lib/server/billing/export-billing";
import { firstValues } from "@/lib/server/parse-search-params";
import { localeField } from "@/lib/validation/fields";
import { HTTP_STATUS } from "@/lib/server/http-status";

/**
 * GET /api/admin/billing/export?kind=orders|payments|invoices|credit-notes&format=csv|xlsx
 * [&status&workshopId&organisationId&q&from&to][&locale=sv|en]: one billing list as a file to
 * download, with the same filter as the page /admin/ekonomi. Admins only: 401 when signed out,
 * 403 for everyone else, 400 with translated field messages for a bad query; each export is
 * written to the audit log (billing.exported).
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const STATUS = HTTP_STATUS;

export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const query = firstValues(Object.fromEntries(new URL(request.url).searchParams));
  const asked = localeField.safeParse(query.locale);
  let locale: AppLocale = asked.success ? asked.data : await requestLocale();
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!asked.success) locale = user.locale;
    assertRole(user, ["ADMIN"]);
    if (!user.profileComplete) throw new AppError("PROFILE_INCOMPLETE");

    const parsed = exportBillingInput.safeParse(query);
    if (!parsed.success) {
      throw new AppError("INVALID_INPUT", undefined, zodFieldErrors(parsed.error));
    }
    const file = await exportBilling(user, parsed.data, new Date(), { locale, requestId });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        // ASCII-only names (see billingAdmin.fileNames), so no RFC 6266 filename* is needed.
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Content-Length": String(file.body.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (!isAppError(error)) {
      console.error(`[GET /api/admin/billing/export] request ${requestId} failed`, error);
    }
    const code = isAppError(error) ? error.code : "INTERNAL";
    const fieldErrors = isAppError(error) && error.fieldErrors ? await translateFieldErrors(error.fieldErrors, locale) : undefined;
    const message = await translateError(code, locale, { ...(isAppError(error) ? error.params : {}), requestId });
    return Response.json({ ok: false, code, message, fieldErrors, requestId }, { status: STATUS[code], headers: { "Cache-Control": "no-store" } });
  }
}
