import { getCreditNoteFile, serveBillingFile } from "@/lib/server/billing/billing-files";

/**
 * GET /api/credit-notes/<creditNoteId>/ubl: the Peppol BIS Billing 3.0 credit note (UBL 2.1) as issued.
 * For an admin, or the person who placed an order with a line on the credited invoice; 404
 * for anyone else, 401 when signed out.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ creditNoteId: string }> }): Promise<Response> {
  const { creditNoteId } = await context.params;
  return serveBillingFile(request, (user, locale) => getCreditNoteFile(user, { creditNoteId, format: "ubl", locale }, new Date()));
}
