"use client";

import { useActionState } from "react";
import { startCardCheckoutAction } from "@/app/_actions/billing";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

type Texts = { button: string; sending: string; errorHeading: string };

/** One button: the server opens a Stripe Checkout session and sends the browser to its page. */
export function CardPaymentForm({ orderId, locale, texts }: { orderId: string; locale: "sv" | "en"; texts: Texts }) {
  const [state, action] = useActionState<FormState<never>, FormData>(startCardCheckoutAction, null);
  return (
    <form action={action} className="grid gap-4">
      <FormMessage state={state} heading={texts.errorHeading} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="locale" value={locale} />
      <p>
        <SubmitButton pendingText={texts.sending}>{texts.button}</SubmitButton>
      </p>
    </form>
  );
}
