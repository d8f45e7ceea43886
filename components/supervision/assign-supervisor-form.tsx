"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { assignSupervisorAction } from "@/app/_actions/supervision";
import { useAnnounceChange } from "@/components/bookings/change-status";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";

export type SupervisorOption = { id: string; label: string; full: boolean };

export type AssignSupervisorTexts = {
  supervisorLabel: string;
  supervisorHint: string;
  chooseSupervisor: string;
  startsOnLabel: string;
  startsOnHint: string;
  plannedLabel: string;
  plannedHint: string;
  submit: string;
  /** Read out after the button's label, so each project's button has its own name. */
  suffix: string;
  pending: string;
  done: string;
  conflict: string;
  errorHeading: string;
};

type Props = {
  pmId: string;
  supervisors: SupervisorOption[];
  suggestedStart: string;
  defaultPlanned: number;
  maxPlanned: number;
  texts: AssignSupervisorTexts;
};

/**
 * Assigns a supervisor to one accepted project: who, from which day, how many meetings. A real form
 * (it works before JavaScript has loaded); the server checks the role, the limit and that the project
 * has no supervisor yet. A supervisor at their limit is still listed, marked full, so the coordinator
 * sees why; the server refuses them with a message naming the limit.
 *
 * When the assignment goes through, the project leaves the list and this form with it, so the outcome
 * is said by the surrounding ChangeStatus.
 */
export function AssignSupervisorForm({ pmId, supervisors, suggestedStart, defaultPlanned, maxPlanned, texts }: Props) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(assignSupervisorAction, null);
  // Controlled, so what was chosen stays when the server answers with an error.
  const [supervisorId, setSupervisorId] = useState("");
  const [startsOn, setStartsOn] = useState(suggestedStart);
  const [planned, setPlanned] = useState(String(defaultPlanned));
  const announce = useAnnounceChange();
  const sent = useRef(false);
  const done = texts.done;
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
  const shown: FormState<unknown> = state && !state.ok && state.code === "CONFLICT" ? { ...state, message: texts.conflict } : state;
  const prefix = `assign-${pmId}`;

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        // With JavaScript, send it ourselves: React resets a form after its action, and a controlled
        // <select> then loses the choice (react#30580). Without JavaScript the action attribute posts it.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        sent.current = true;
        startTransition(() => formAction(data));
      }}
      noValidate
      className="grid gap-4"
    >
      <FormMessage state={shown} heading={texts.errorHeading} />
      <input type="hidden" name="pmId" value={pmId} />
      <Field id={`${prefix}-supervisor`} label={texts.supervisorLabel} hint={texts.supervisorHint} errors={fieldErrorsOf(state, "supervisorId")}>
        {(c) => (
          <select
            id={c.id}
            name="supervisorId"
            required
            value={supervisorId}
            onChange={(e) => setSupervisorId(e.target.value)}
            aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
            <option value="" disabled>
              {texts.chooseSupervisor}
            </option>
            {supervisors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap gap-4">
        <Field id={`${prefix}-starts`} label={texts.startsOnLabel} hint={texts.startsOnHint} errors={fieldErrorsOf(state, "startsOn")}>
          {(c) => (
            <input
              id={c.id}
              name="startsOn"
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              className={`${inputClass} sm:w-48`}
            />
          )}
        </Field>
        <Field id={`${prefix}-planned`} label={texts.plannedLabel} hint={texts.plannedHint} errors={fieldErrorsOf(state, "plannedMeetings")}>
          {(c) => (
            <input
              id={c.id}
              name="plannedMeetings"
              type="number"
              inputMode="numeric"
              min={1}
              max={maxPlanned}
              required
              value={planned}
              onChange={(e) => setPlanned(e.target.value)}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              className={`${inputClass} sm:w-32`}
            />
          )}
        </Field>
      </div>
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
      {!announce && (
        <p role="status" className={state?.ok ? "font-semibold" : "sr-only"}>
          {state?.ok ? texts.done : ""}
        </p>
      )}
    </form>
  );
}
