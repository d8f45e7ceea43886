"use client";

import { useActionState } from "react";
import { completeSupervisionAction } from "@/app/_actions/supervision";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { FormButton } from "@/components/pre-training/form-button";

type Texts = { submit: string; pending: string; done: string; conflict: string; errorHeading: string };

/** Closes a running supervision (status COMPLETED). The page then shows it as closed. */
export function CompleteSupervisionForm({ supervisionId, texts }: { supervisionId: string; texts: Texts }) {
  const [state, formAction] = useActionState<FormState<unknown>, FormData>(completeSupervisionAction, null);
  const shown: FormState<unknown> = state && !state.ok && state.code === "CONFLICT" ? { ...state, message: texts.conflict } : state;
  return (
    <form action={formAction} className="grid gap-3">
      <FormMessage state={shown} heading={texts.errorHeading} />
      <p role="status" className={state?.ok ? "font-semibold" : "sr-only"}>
        {state?.ok ? texts.done : ""}
      </p>
      <input type="hidden" name="supervisionId" value={supervisionId} />
      <div>
        <FormButton pendingText={texts.pending} variant="secondary">
          {texts.submit}
        </FormButton>
      </div>
    </form>
  );
}
