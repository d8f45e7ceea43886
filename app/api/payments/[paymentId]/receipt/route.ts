import { getReceiptFile, serveBillingFile } from "@/lib/server/billing/billing-files";

/**
 * GET /api/payments/<paymentId>/receipt[?locale=en]: the receipt of a card payment as a PDF,
 * once money was taken (a payment that failed or waits has none: 404).
 * For an admin, or the person who placed the order this payment paid for; 404 for
 * anyone else, 401 when signed out.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ paymentId: string }> }): Promise<Response> {
  const { paymentId } = await context.params;
  return serveBillingFile(request, (user, locale) => getReceiptFile(user, { paymentId, locale }, new Date()));
}
