"use client";

import { useActionState, useId, useState } from "react";
import { assignReviewerAction } from "@/app/_actions/pm-review";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

export type AssignReviewerTexts = { label: string; hint: string; nobody: string; submit: string; sending: string; saved: string; errorHeading: string };

/** Choose the coordinator who reviews the PM (or nobody). A real form; works without JavaScript. */
export function AssignReviewerForm({
  pmId,
  reviewerId,
  reviewers,
  texts,
}: {
  pmId: string;
  reviewerId: string | null;
  reviewers: { id: string; name: string }[];
  texts: AssignReviewerTexts;
}) {
  const [state, formAction] = useActionState<FormState<unknown>, FormData>(assignReviewerAction, null);
  const [value, setValue] = useState(reviewerId ?? "");
  const id = useId();
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <FormMessage state={state} heading={texts.errorHeading} />
      {fieldErrorsOf(state, "_form").map((m) => (
        <p key={m} className="font-semibold text-danger">
          {m}
        </p>
      ))}
      <input type="hidden" name="pmId" value={pmId} />
      <Field id={`${id}-reviewer`} label={texts.label} hint={texts.hint} errors={fieldErrorsOf(state, "reviewerId")}>
        {(c) => (
          <select
            id={c.id}
            name="reviewerId"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={inputClass}
          >
            <option value="">{texts.nobody}</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText={texts.sending}>{texts.submit}</SubmitButton>
        <p role="status" className={state?.ok ? "font-semibold" : "sr-only"}>
          {state?.ok ? texts.saved : ""}
        </p>
      </div>
    </form>
  );
}
