import { getInvoiceFile, serveBillingFile } from "@/lib/server/billing/billing-files";

/**
 * GET /api/invoices/<invoiceId>/ubl: the Peppol BIS Billing 3.0 e-invoice (UBL 2.1) as issued.
 * For an admin, or the person who placed an order with a line on the invoice; 404 for anyone
 * else, 401 when signed out.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const { invoiceId } = await context.params;
  return serveBillingFile(request, (user, locale) => getInvoiceFile(user, { invoiceId, format: "ubl", locale }, new Date()));
}
