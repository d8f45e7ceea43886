import { handleStripeWebhook } from "@/lib/server/billing/handle-stripe-webhook";

/**
 * POST /api/stripe/webhook: Stripe's (in the demo and tests, the local fake's) signed events.
 * Public by design: the signature on the raw body is the authentication (lib/server/billing/
 * handle-stripe-webhook.ts). Never cached.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  // The raw body, exactly as signed: parsing it first would break the signature.
  const payload = await request.text();
  const { status, body } = await handleStripeWebhook(payload, request.headers.get("stripe-signature"), new Date());
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
