"use client";

import { useActionState, useId, useState } from "react";
import { decidePmAction } from "@/app/_actions/pm-review";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

const DECISIONS = ["ACCEPT", "REQUEST_CHANGES", "DECLINE"] as const;
type Decision = (typeof DECISIONS)[number];

export type DecisionFormTexts = {
  legend: string;
  options: Record<Decision, string>;
  hints: Record<Decision, string>;
  commentLabel: string;
  commentHint: string;
  submit: string;
  sending: string;
  saved: string;
  errorHeading: string;
  /** Why there is nothing to decide now (the PM's status, or the viewer's own PM); null when decidable. */
  notDecidable: string | null;
};

/**
 * A coordinator's decision on the latest version of a PM: accept, request changes (a comment is
 * required) or decline (a reason is required). A real form, so it works before the page's
 * JavaScript has loaded; the fields are controlled so that what was typed stays when the server
 * answers with errors. After a decision the page no longer offers one, and this says it was saved.
 */
export function DecisionForm({ pmId, revisionId, commentMax, texts }: { pmId: string; revisionId: string | null; commentMax: number; texts: DecisionFormTexts }) {
  const [state, formAction] = useActionState<FormState<{ status: string }>, FormData>(decidePmAction, null);
  const [decision, setDecision] = useState<Decision | "">("");
  const [comment, setComment] = useState("");
  const ids = useId();
  const decisionErrors = fieldErrorsOf(state, "decision");
  const formErrors = fieldErrorsOf(state, "_form");

  if (state?.ok) {
    return (
      <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
        {texts.saved}
      </p>
    );
  }
  if (texts.notDecidable || !revisionId) return <p className="rounded border-l-4 border-line bg-surface p-4">{texts.notDecidable}</p>;

  const commentRequired = decision === "REQUEST_CHANGES" || decision === "DECLINE";
  return (
    <form action={formAction} noValidate className="grid max-w-xl gap-6">
      <FormMessage state={state} heading={texts.errorHeading} />
      {formErrors.length > 0 && (
        <ul className="font-semibold text-danger">
          {formErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <input type="hidden" name="pmId" value={pmId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <fieldset className="grid gap-3" aria-describedby={decisionErrors.length ? `${ids}-decision-error` : undefined}>
        <legend className="mb-2 font-semibold">{texts.legend}</legend>
        {decisionErrors.length > 0 && (
          <ul id={`${ids}-decision-error`} className="font-semibold text-danger">
            {decisionErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {DECISIONS.map((value) => (
          <div key={value} className="flex items-start gap-3">
            <input
              id={`${ids}-${value}`}
              type="radio"
              name="decision"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              required
              aria-describedby={`${ids}-${value}-hint`}
              className="mt-1 size-5"
            />
            <div>
              <label htmlFor={`${ids}-${value}`} className="font-semibold">
                {texts.options[value]}
              </label>
              <p id={`${ids}-${value}-hint`} className="text-base text-muted">
                {texts.hints[value]}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <Field id={`${ids}-comment`} label={texts.commentLabel} hint={texts.commentHint} errors={fieldErrorsOf(state, "comment")}>
        {(c) => (
          <textarea
            id={c.id}
            name="comment"
            rows={6}
            maxLength={commentMax}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-required={commentRequired || undefined}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={inputClass}
          />
        )}
      </Field>
      <div>
        <SubmitButton pendingText={texts.sending}>{texts.submit}</SubmitButton>
      </div>
    </form>
  );
}
