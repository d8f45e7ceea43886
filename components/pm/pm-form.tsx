"use client";

import { useActionState, useRef, useState } from "react";
import { savePmDraftAction, submitPmAction } from "@/app/_actions/pm";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { FormButton } from "@/components/pre-training/form-button";
import { PM_LIMITS, type PmField } from "@/lib/domain/pm/form";

type Values = Record<PmField, string>;

type Texts = Record<
  | "requiredNote"
  | "required"
  | "optional"
  | "titleLabel"
  | "needLabel"
  | "needHint"
  | "backgroundPurposeLabel"
  | "backgroundPurposeHint"
  | "methodLabel"
  | "methodHint"
  | "workplaceLabel"
  | "unitLabel"
  | "saveDraft"
  | "submit"
  | "resubmit"
  | "saving"
  | "sending"
  | "saved"
  /** With "{number}" where the version number goes. */
  | "submitted"
  | "autosaved"
  | "errorHeading",
  string
>;

const FIELDS: { name: PmField; rows?: number; required: boolean; hint?: "needHint" | "backgroundPurposeHint" | "methodHint" }[] = [
  { name: "title", required: true },
  { name: "need", rows: 6, required: true, hint: "needHint" },
  { name: "backgroundPurpose", rows: 8, required: true, hint: "backgroundPurposeHint" },
  { name: "method", rows: 6, required: false, hint: "methodHint" },
  { name: "workplace", required: true },
  { name: "unit", required: true },
];

/**
 * The participant's PM form. "Spara utkast" keeps an incomplete draft, "Skicka in" locks a version;
 * both are plain form submissions (they work without JavaScript). With JavaScript, leaving a
 * changed field also saves the draft quietly. The fields are controlled, so what was typed stays
 * when the server answers with errors (nothing is lost).
 */
export function PmForm({ bookingId, values, canSubmit, resubmit, texts }: { bookingId: string; values: Values; canSubmit: boolean; resubmit: boolean; texts: Texts }) {
  const [saveState, saveAction] = useActionState<FormState<{ savedAt: string }>, FormData>(savePmDraftAction, null);
  const [submitState, submitAction] = useActionState<FormState<{ revisionNumber: number }>, FormData>(submitPmAction, null);
  const [autoState, setAutoState] = useState<FormState<{ savedAt: string }>>(null);
  const [last, setLast] = useState<"save" | "submit" | "auto" | null>(null);
  const [answers, setAnswers] = useState<Values>(values);
  const dirty = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const state: FormState<unknown> = last === "submit" ? submitState : last === "save" ? saveState : last === "auto" ? autoState : null;
  // The specific reason (too late, already submitted) replaces the code's general text.
  const formErrors = fieldErrorsOf(state, "_form");
  const shown: FormState<unknown> = state && !state.ok && formErrors.length > 0 ? { ...state, message: formErrors.join(" ") } : state;
  const errors = (field: PmField) => fieldErrorsOf(state, field);

  async function autosave() {
    if (!dirty.current || !formRef.current) return;
    dirty.current = false;
    const result = await savePmDraftAction(new FormData(formRef.current));
    // A quiet save reports only success; its errors show when the person saves or submits.
    if (result.ok) {
      setAutoState(result);
      setLast("auto");
    }
  }

  return (
    <form ref={formRef} action={canSubmit ? submitAction : saveAction} noValidate className="grid max-w-xl gap-6">
      <FormMessage state={shown} heading={texts.errorHeading} />
      {state?.ok && (
        <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
          {last === "submit" && submitState?.ok
            ? texts.submitted.replace("{number}", String(submitState.data.revisionNumber))
            : last === "auto"
              ? texts.autosaved
              : texts.saved}
        </p>
      )}
      <input type="hidden" name="bookingId" value={bookingId} />
      <p>{texts.requiredNote}</p>

      {FIELDS.map(({ name, rows, required, hint }) => (
        <Field
          key={name}
          id={`pm-${name}`}
          label={`${texts[`${name}Label`]} ${required ? texts.required : texts.optional}`}
          hint={hint ? texts[hint] : undefined}
          errors={errors(name)}
        >
          {({ id, describedBy, invalid }) => {
            const common = {
              id,
              name,
              maxLength: PM_LIMITS[name],
              value: answers[name],
              onChange: (e: { target: { value: string } }) => {
                dirty.current = true;
                setAnswers((a) => ({ ...a, [name]: e.target.value }));
              },
              onBlur: () => void autosave(),
              "aria-describedby": describedBy,
              "aria-invalid": invalid,
              "aria-required": required,
              className: inputClass,
            };
            return rows ? <textarea rows={rows} {...common} /> : <input type="text" autoComplete="off" {...common} />;
          }}
        </Field>
      ))}

      <div className="flex flex-wrap gap-3">
        {canSubmit && (
          <FormButton formAction={submitAction} onClick={() => setLast("submit")} pendingText={texts.sending}>
            {resubmit ? texts.resubmit : texts.submit}
          </FormButton>
        )}
        <FormButton formAction={saveAction} onClick={() => setLast("save")} pendingText={texts.saving} variant="secondary">
          {texts.saveDraft}
        </FormButton>
      </div>
    </form>
  );
}
