import { exportBilling, exportBillingInput } from "@/lib/server/billing/export-billing";
import { serveDownload } from "@/lib/server/serve-download";

/**
 * GET /api/admin/billing/export?kind=orders|payments|invoices|credit-notes&format=csv|xlsx
 * [&status&workshopId&organisationId&q&from&to][&locale=sv|en]: one billing list as a file to
 * download, with the same filter as the page /admin/ekonomi. Admins only: 401 when signed out,
 * 403 for everyone else, 400 with translated field messages for a bad query; each export is
 * written to the audit log (billing.exported).
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveDownload(request, {
    route: "GET /api/admin/billing/export",
    localeParam: "locale",
    permission: "billing.readAll",
    input: exportBillingInput,
    run: (user, input, { now, locale, requestId }) => exportBilling(user, input, now, { locale, requestId }),
  });
}
