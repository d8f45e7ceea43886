"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/i18n/paths";
import { localeField } from "@/lib/validation/fields";
import { defineAction } from "@/lib/server/action";
import { payByInvoice, payByInvoiceInput } from "@/lib/server/billing/pay-by-invoice";
import { startCardCheckout, startCardCheckoutInput } from "@/lib/server/billing/start-card-checkout";
import { revalidatePublicCalendar } from "@/lib/server/calendar/public-calendar-cache";

/**
 * Paying an order: by card through Stripe Checkout (the browser goes to Stripe's page and comes
 * back to the result page), or by invoice to the employer. Only the person who placed the order may
 * pay it; the use cases check that after loading the order.
 */

/** Form fields named "recipient.city" become { recipient: { city } }, so errors keep those names. */
function nestDotted(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const [head, ...rest] = key.split(".");
    if (!head) continue;
    if (rest.length === 0) {
      out[head] = value;
      continue;
    }
    const inner = (out[head] && typeof out[head] === "object" ? out[head] : {}) as Record<string, unknown>;
    inner[rest.join(".")] = value;
    out[head] = inner;
  }
  return out;
}

export const startCardCheckoutAction = defineAction({
  name: "billing.startCardCheckout",
  access: { kind: "permission", permission: "billing.pay" },
  input: startCardCheckoutInput.extend({ locale: localeField.default("sv") }),
  run: async ({ input: { locale, ...input }, user, now }) => {
    const appUrl = getEnv().APP_URL;
    const { url } = await startCardCheckout(user, input, now, {
      // Stripe puts the session id where {CHECKOUT_SESSION_ID} stands.
      successUrl: `${new URL(paths.payDone(locale, input.orderId), appUrl).toString()}?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: new URL(`${paths.pay(locale, input.orderId)}?cancelled=1`, appUrl).toString(),
    });
    // Next.js control flow: the browser goes on to the payment page.
    redirect(url);
  },
});

export const payByInvoiceAction = defineAction({
  name: "billing.payByInvoice",
  access: { kind: "permission", permission: "billing.pay" },
  input: z.preprocess(nestDotted, payByInvoiceInput.extend({ locale: localeField.default("sv") })),
  run: async ({ input: { locale, ...input }, user, now }) => {
    const result = await payByInvoice(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    redirect(paths.payDone(locale, result.orderId));
  },
});
