"use client";

import { useActionState, useState } from "react";
import { savePreTrainingDraftAction, submitPreTrainingFormAction } from "@/app/_actions/pre-training";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { FormButton } from "@/components/pre-training/form-button";
import type { PreTrainingAnswers } from "@/lib/domain/pre-training";

type Texts = Record<
  | "allRequired"
  | "expectedGainLabel"
  | "expectedGainHint"
  | "disseminationPlanLabel"
  | "disseminationPlanHint"
  | "managerLegend"
  | "managerHint"
  | "managerNameLabel"
  | "managerEmailLabel"
  | "managerEmailHint"
  | "agreedLabel"
  | "saveDraft"
  | "submit"
  | "resubmit"
  | "saving"
  | "sending"
  | "saved"
  /** With "{email}" where the manager's address goes. */
  | "submitted"
  | "conflict"
  | "errorHeading",
  string
>;

const ANSWER_MAX = 2000;

/**
 * The participant's pre-training form: two longer answers, the manager's name and address, and
 * the statement that they have agreed it with their manager. "Save draft" keeps an incomplete form;
 * "Submit" needs everything and e-mails the manager a link. The fields are controlled, so what was
 * typed stays when the server answers with errors.
 */
export function PreTrainingForm({ bookingId, values, submitted, texts }: { bookingId: string; values: PreTrainingAnswers; submitted: boolean; texts: Texts }) {
  const [saveState, saveAction] = useActionState<FormState<{ savedAt: string }>, FormData>(savePreTrainingDraftAction, null);
  const [submitState, submitAction] = useActionState<FormState<{ submittedAt: string; managerEmail: string }>, FormData>(submitPreTrainingFormAction, null);
  const [last, setLast] = useState<"save" | "submit" | null>(null);
  const [answers, setAnswers] = useState<PreTrainingAnswers>(values);
  const state: FormState<unknown> = last === "submit" ? submitState : last === "save" ? saveState : null;
  const shown: FormState<unknown> = state && !state.ok && state.code === "CONFLICT" ? { ...state, message: texts.conflict } : state;
  const errors = (field: keyof PreTrainingAnswers) => fieldErrorsOf(state, field);
  const set = <K extends keyof PreTrainingAnswers>(field: K, value: PreTrainingAnswers[K]) => setAnswers((a) => ({ ...a, [field]: value }));
  const agreedErrors = errors("agreedWithManager");

  return (
    <form action={submitAction} noValidate className="grid max-w-xl gap-6">
      <FormMessage state={shown} heading={texts.errorHeading} />
      {state?.ok && (
        <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
          {last === "submit" && submitState?.ok ? texts.submitted.replace("{email}", submitState.data.managerEmail) : texts.saved}
        </p>
      )}
      <input type="hidden" name="bookingId" value={bookingId} />
      <p>{texts.allRequired}</p>

      <Field id="expectedGain" label={texts.expectedGainLabel} hint={texts.expectedGainHint} errors={errors("expectedGain")}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            name="expectedGain"
            rows={8}
            maxLength={ANSWER_MAX}
            value={answers.expectedGain}
            onChange={(e) => set("expectedGain", e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </Field>

      <Field id="disseminationPlan" label={texts.disseminationPlanLabel} hint={texts.disseminationPlanHint} errors={errors("disseminationPlan")}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            name="disseminationPlan"
            rows={8}
            maxLength={ANSWER_MAX}
            value={answers.disseminationPlan}
            onChange={(e) => set("disseminationPlan", e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </Field>

      <fieldset className="grid gap-4" aria-describedby="manager-hint">
        <legend className="text-xl font-semibold">{texts.managerLegend}</legend>
        <p id="manager-hint" className="text-base text-muted">
          {texts.managerHint}
        </p>
        <Field id="managerName" label={texts.managerNameLabel} errors={errors("managerName")}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="managerName"
              autoComplete="off"
              maxLength={100}
              value={answers.managerName}
              onChange={(e) => set("managerName", e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="managerEmail" label={texts.managerEmailLabel} hint={texts.managerEmailHint} errors={errors("managerEmail")}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="managerEmail"
              type="email"
              autoComplete="off"
              maxLength={254}
              value={answers.managerEmail}
              onChange={(e) => set("managerEmail", e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </Field>
        <div className="grid gap-1.5">
          {agreedErrors.length > 0 && (
            <ul id="agreedWithManager-error" className="text-base font-semibold text-danger">
              {agreedErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          <label htmlFor="agreedWithManager" className="flex items-start gap-3">
            <input
              id="agreedWithManager"
              name="agreedWithManager"
              type="checkbox"
              checked={answers.agreedWithManager}
              onChange={(e) => set("agreedWithManager", e.target.checked)}
              aria-describedby={agreedErrors.length ? "agreedWithManager-error" : undefined}
              aria-invalid={agreedErrors.length > 0}
              className="mt-1 size-5 shrink-0 accent-brand"
            />
            <span>{texts.agreedLabel}</span>
          </label>
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <FormButton formAction={submitAction} onClick={() => setLast("submit")} pendingText={texts.sending}>
          {submitted ? texts.resubmit : texts.submit}
        </FormButton>
        {!submitted && (
          <FormButton formAction={saveAction} onClick={() => setLast("save")} pendingText={texts.saving} variant="secondary">
            {texts.saveDraft}
          </FormButton>
        )}
      </div>
    </form>
  );
}
