"use client";

import { useActionState } from "react";
import { confirmAsManagerAction } from "@/app/_actions/pre-training";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatStockholmDate } from "@/lib/domain/time";

type Texts = Record<"confirm" | "confirming" | "errorHeading", string> & {
  /** With "{date}" where the day of the confirmation goes. */
  confirmed: string;
};

/** The manager's one button. The link's secret travels in the form; a second press changes nothing. */
export function ManagerConfirmForm({ token, locale, texts }: { token: string; locale: "sv" | "en"; texts: Texts }) {
  const [state, formAction] = useActionState<FormState<{ confirmedAt: string; alreadyConfirmed: boolean }>, FormData>(confirmAsManagerAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="mt-4 rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
        {texts.confirmed.replace("{date}", formatStockholmDate(new Date(state.data.confirmedAt), locale))}
      </p>
    );
  }
  return (
    <form action={formAction} className="mt-4 grid gap-4">
      <FormMessage state={state} heading={texts.errorHeading} />
      <input type="hidden" name="token" value={token} />
      <div>
        <SubmitButton pendingText={texts.confirming}>{texts.confirm}</SubmitButton>
      </div>
    </form>
  );
}
