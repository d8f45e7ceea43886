"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { acceptOfferAction, cancelBookingAction, leaveWaitlistAction, substituteBookingAction } from "@/app/_actions/enrollment-changes";
import { Field, inputClass } from "@/components/forms/field";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { useAnnounceChange } from "./change-status";

const ACTIONS = {
  cancel: cancelBookingAction,
  substitute: substituteBookingAction,
  accept: acceptOfferAction,
  leave: leaveWaitlistAction,
} as const;

export type BookingActionKind = keyof typeof ACTIONS;

export type BookingActionTexts = {
  /** The disclosure's label for the actions that ask first (cancel, substitute). */
  open?: string;
  intro?: string;
  /** Cancel: the optional reason; substitute: the colleague's e-mail. */
  fieldLabel?: string;
  fieldHint?: string;
  submit: string;
  /** Read out after the visible label, so every button on the page has its own name ("for Lecture X"). */
  suffix: string;
  pending: string;
  done: string;
  errorHeading: string;
};

type Props = { kind: BookingActionKind; id: string; texts: BookingActionTexts };

/**
 * One change to a booking or a waiting-list place, as a real form (it works before the page's
 * JavaScript has loaded). Cancelling and passing a place on open in a disclosure first, so a
 * stray click does nothing. The server checks who may do what and answers with translated text.
 *
 * A change that goes through re-renders the page without this form (the booking or queue place is
 * no longer active), so its outcome is said by the surrounding ChangeStatus: a form that was sent
 * and is then taken away (rather than answered with an error) announces its "done" text there.
 */
export function BookingActionForm({ kind, id, texts }: Props) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(ACTIONS[kind], null);
  const fieldId = useId();
  const errorId = useId();
  const error = state && !state.ok ? state.message : null;
  const idName = kind === "cancel" || kind === "substitute" ? "bookingId" : "entryId";
  const fieldName = kind === "cancel" ? "reason" : kind === "substitute" ? "email" : null;
  const danger = kind === "cancel" || kind === "leave";

  const announce = useAnnounceChange();
  const done = texts.done;
  // Sent and not refused (yet): if the form goes away now, it is because the change went through.
  const sent = useRef(false);
  useEffect(() => {
    if (!state) return;
    if (state.ok) announce?.(done);
    sent.current = false;
  }, [state, announce, done]);
  useEffect(
    () => () => {
      if (sent.current) announce?.(done);
    },
    [announce, done],
  );

  const form = (
    <form
      action={formAction}
      onSubmit={() => {
        sent.current = true;
      }}
      className="grid gap-3"
    >
      <input type="hidden" name={idName} value={id} />
      {texts.intro && <p>{texts.intro}</p>}
      {fieldName && texts.fieldLabel && (
        <Field id={fieldId} label={texts.fieldLabel} hint={texts.fieldHint} errors={fieldErrorsOf(state, fieldName)}>
          {(c) =>
            fieldName === "email" ? (
              <input id={c.id} name="email" type="email" required autoComplete="off" aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass} />
            ) : (
              <textarea id={c.id} name="reason" rows={2} maxLength={500} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass} />
            )
          }
        </Field>
      )}
      <div>
        {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus. */}
        <button
          type="submit"
          aria-disabled={pending}
          aria-describedby={error ? errorId : undefined}
          onClick={(event) => {
            if (pending) event.preventDefault();
          }}
          className={`inline-flex min-h-10 items-center rounded border-2 bg-white px-3 py-1 text-left text-base font-semibold aria-disabled:cursor-progress aria-disabled:opacity-75 ${
            danger ? "border-danger text-danger hover:bg-danger-soft" : "border-brand text-brand hover:bg-brand-soft"
          }`}
        >
          {pending ? (
            texts.pending
          ) : (
            <>
              {texts.submit}
              <span className="sr-only"> {texts.suffix}</span>
            </>
          )}
        </button>
      </div>
      {/* Without a ChangeStatus around it, the form says it itself. */}
      {!announce && (
        <p role="status" className={state?.ok ? "font-semibold" : "sr-only"}>
          {state?.ok ? texts.done : ""}
        </p>
      )}
      {error && (
        <div id={errorId} role="alert" className="rounded border-l-4 border-danger bg-danger-soft p-3">
          <p className="font-semibold">{texts.errorHeading}</p>
          <p>{error}</p>
        </div>
      )}
    </form>
  );

  if (!texts.open) return form;
  return (
    <details className="w-full rounded border border-line bg-surface px-4 py-2 sm:w-auto">
      <summary className="cursor-pointer py-1 font-semibold text-brand">
        {texts.open}
        <span className="sr-only"> {texts.suffix}</span>
      </summary>
      <div className="pb-2 pt-3">{form}</div>
    </details>
  );
}
