import type { BadgeTone } from "@/components/ui/badge";
import type { InvoiceStatus, OrderStatus, PaymentStatus } from "@/lib/generated/prisma/enums";

/** The badge colour of each billing status; the words beside it carry the meaning (WCAG 1.4.1). */
export const ORDER_TONES: Record<OrderStatus, BadgeTone> = {
  PENDING_PAYMENT: "warning",
  PAID: "gathering",
  INVOICED: "lecture",
  CANCELLED: "danger",
  EXPIRED: "neutral",
};

export const PAYMENT_TONES: Record<PaymentStatus, BadgeTone> = {
  PENDING: "warning",
  SUCCEEDED: "gathering",
  FAILED: "danger",
  CANCELLED: "neutral",
  REFUNDED: "neutral",
  PARTIALLY_REFUNDED: "lecture",
};

export const INVOICE_TONES: Record<InvoiceStatus, BadgeTone> = {
  ISSUED: "warning",
  PAID: "gathering",
  PARTIALLY_CREDITED: "lecture",
  CREDITED: "neutral",
};

/** "cs_test_a1B2…x9Y8": enough of a Stripe id to tell rows apart; the full id is searchable. */
export function shortId(id: string): string {
  return id.length <= 16 ? id : `${id.slice(0, 12)}…${id.slice(-4)}`;
}
