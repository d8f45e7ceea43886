import { getInvoiceFile, serveBillingFile } from "@/lib/server/billing/billing-files";

/**
 * GET /api/invoices/<invoiceId>/pdf[?locale=en]: the invoice as a PDF, drawn from the issued document.
 * For an admin, or the person who placed an order with a line on the invoice; 404 for anyone
 * else, 401 when signed out.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const { invoiceId } = await context.params;
  return serveBillingFile(request, (user, locale) => getInvoiceFile(user, { invoiceId, format: "pdf", locale }, new Date()));
}
