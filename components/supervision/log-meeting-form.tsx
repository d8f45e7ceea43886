"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { logMeetingAction } from "@/app/_actions/supervision";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import type { MeetingForm } from "@/lib/domain/supervision";

export type LogMeetingTexts = {
  heldOnLabel: string;
  heldOnHint: string;
  formLegend: string;
  forms: Record<MeetingForm, string>;
  noteLabel: string;
  noteHint: string;
  submit: string;
  pending: string;
  logged: string;
  conflict: string;
  errorHeading: string;
};

type Props = {
  supervisionId: string;
  earliest: string;
  latest: string;
  noteMax: number;
  texts: LogMeetingTexts;
};

const FORMS: MeetingForm[] = ["IN_PERSON", "VIDEO", "PHONE"];

/**
 * The supervisor logs a meeting: day, form, short note. After a save the form is emptied for the next
 * meeting and says so; on an error what was typed stays (controlled fields).
 */
export function LogMeetingForm({ supervisionId, earliest, latest, noteMax, texts }: Props) {
  const [heldOn, setHeldOn] = useState(latest);
  const [form, setForm] = useState<MeetingForm>("IN_PERSON");
  const [note, setNote] = useState("");
  // A saved meeting empties the form for the next one; a refused one keeps what was typed.
  const [state, formAction, pending] = useActionState<FormState<{ meetingsHeld: number }>, FormData>(async (previous, data) => {
    const result = await logMeetingAction(previous, data);
    if (result.ok) {
      setNote("");
      setHeldOn(latest);
    }
    return result;
  }, null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state?.ok) statusRef.current?.focus();
  }, [state]);
  const shown: FormState<unknown> = state && !state.ok && state.code === "CONFLICT" ? { ...state, message: texts.conflict } : state;
  const formErrors = fieldErrorsOf(state, "form");

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        // With JavaScript, send it ourselves so React does not reset the controlled fields after the
        // action (a refused meeting keeps what was typed). Without JavaScript the action attribute posts it.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      noValidate
      className="grid max-w-xl gap-5"
    >
      <FormMessage state={shown} heading={texts.errorHeading} />
      <p ref={statusRef} tabIndex={-1} role="status" className={state?.ok ? "rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold" : "sr-only"}>
        {state?.ok ? texts.logged : ""}
      </p>
      <input type="hidden" name="supervisionId" value={supervisionId} />
      <Field id="heldOn" label={texts.heldOnLabel} hint={texts.heldOnHint} errors={fieldErrorsOf(state, "heldOn")}>
        {(c) => (
          <input
            id={c.id}
            name="heldOn"
            type="date"
            required
            min={earliest}
            max={latest}
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={`${inputClass} sm:w-48`}
          />
        )}
      </Field>
      <fieldset className="grid gap-2" aria-describedby={formErrors.length ? "form-error" : undefined}>
        <legend className="font-semibold">{texts.formLegend}</legend>
        {formErrors.length > 0 && (
          <ul id="form-error" className="text-base font-semibold text-danger">
            {formErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {FORMS.map((f) => (
          <label key={f} className="flex items-center gap-3">
            <input type="radio" name="form" value={f} checked={form === f} onChange={() => setForm(f)} className="size-5 accent-brand" />
            <span>{texts.forms[f]}</span>
          </label>
        ))}
      </fieldset>
      <Field id="note" label={texts.noteLabel} hint={texts.noteHint} errors={fieldErrorsOf(state, "note")}>
        {(c) => (
          <textarea
            id={c.id}
            name="note"
            rows={4}
            required
            maxLength={noteMax}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={inputClass}
          />
        )}
      </Field>
      <div>
        <button
          type="submit"
          aria-disabled={pending}
          onClick={(event) => {
            // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
            if (pending) event.preventDefault();
          }}
          className="button-primary"
        >
          {pending ? texts.pending : texts.submit}
        </button>
      </div>
    </form>
  );
}
