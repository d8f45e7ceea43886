"use client";

import { useActionState, useId, useState } from "react";
import { grantExtensionAction } from "@/app/_actions/pm";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatLocalDate } from "@/lib/domain/time";

export type ExtensionFormTexts = {
  dateLabel: string;
  dateHint: string;
  reasonLabel: string;
  reasonHint: string;
  submit: string;
  sending: string;
  /** With "{date}" where the new day goes. */
  saved: string;
  errorHeading: string;
};

const REASON_MAX = 500;

/**
 * Give one participant a later PM deadline (pm.grantExtension): a day and a reason. A real form
 * that works without JavaScript; `compact` for a row in a list (smaller gaps, no hints).
 */
export function ExtensionForm({
  bookingId,
  locale,
  minDate,
  compact = false,
  texts,
}: {
  bookingId: string;
  locale: "sv" | "en";
  /** The first day that may be chosen (the day after the workshop's deadline). */
  minDate?: string;
  compact?: boolean;
  texts: ExtensionFormTexts;
}) {
  const [state, formAction] = useActionState<FormState<{ extensionId: string; newDeadline: string }>, FormData>(grantExtensionAction, null);
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const ids = useId();
  return (
    <form action={formAction} className={compact ? "grid max-w-md gap-2" : "grid max-w-xl gap-4"}>
      <FormMessage state={state} heading={texts.errorHeading} />
      {fieldErrorsOf(state, "_form").map((m) => (
        <p key={m} className="font-semibold text-danger">
          {m}
        </p>
      ))}
      <input type="hidden" name="bookingId" value={bookingId} />
      <Field id={`${ids}-date`} label={texts.dateLabel} hint={compact ? undefined : texts.dateHint} errors={fieldErrorsOf(state, "newDeadline")}>
        {(c) => (
          <input
            id={c.id}
            type="date"
            name="newDeadline"
            required
            min={minDate}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={inputClass}
          />
        )}
      </Field>
      <Field id={`${ids}-reason`} label={texts.reasonLabel} hint={compact ? undefined : texts.reasonHint} errors={fieldErrorsOf(state, "reason")}>
        {(c) => (
          <textarea
            id={c.id}
            name="reason"
            required
            rows={compact ? 2 : 3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText={texts.sending}>{texts.submit}</SubmitButton>
        <p role="status" className={state?.ok ? "font-semibold" : "sr-only"}>
          {state?.ok ? texts.saved.replace("{date}", formatLocalDate(state.data.newDeadline, locale)) : ""}
        </p>
      </div>
    </form>
  );
}
