"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionResult } from "@/lib/server/action";

export type Choice = { id: string; label: string };

/** Every text the form shows, translated by the page (namespace sessionAdmin.form). */
export type SessionFormTexts = Record<
  | "title" | "theme" | "description" | "descriptionHint" | "lecturer" | "venue" | "choose"
  | "startDate" | "dateHint" | "startTime" | "timeHint" | "endDate" | "endDateHint" | "endTime"
  | "capacity" | "capacityHint" | "priceMember" | "priceNonMember" | "priceHint" | "vatRate"
  | "vat0" | "vat600" | "vat1200" | "vat2500" | "timesLegend" | "pricesLegend"
  | "save" | "create" | "saving" | "saved" | "savedNotified" | "errorHeading" | "errorIntro" | "stockholmNote",
  string
>;

type Values = Readonly<Record<string, string | undefined>>;
type Result = { lectureId?: string; gatheringId?: string; changed?: boolean; notified?: number };
type SessionAction = (previous: unknown, raw: unknown) => Promise<ActionResult<Result>>;

const ORDER = ["title", "theme", "lecturerId", "venueId", "startDate", "startTime", "endDate", "endTime", "capacity", "priceMember", "priceNonMember", "vatRateBp", "description", "_form"];

/**
 * The lecture and gathering form (create and edit). A plain form post through useActionState
 * (works without JavaScript); fields are controlled so nothing typed is lost on errors. Errors show
 * in a summary at the top (focused, with links to the fields) and at each field (aria-describedby).
 * Dates and times are Stockholm time with a visible format hint.
 */
export function SessionForm({
  kind,
  action,
  hidden,
  values,
  venues,
  lecturers,
  texts,
  labels,
  editHref,
}: {
  kind: "lecture" | "gathering";
  action: SessionAction;
  hidden: Record<string, string>;
  values: Values;
  venues: Choice[];
  lecturers?: Choice[];
  texts: SessionFormTexts;
  /** Field name → the label, for the error summary's links. */
  labels?: Record<string, string>;
  /** Where to go after creating: the new session's edit page, with "{id}" for its id. */
  editHref?: string;
}) {
  const [state, formAction] = useActionState<FormState<Result>, FormData>(action as never, null);
  const [form, setForm] = useState<Values>(values);
  const summary = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const set = (name: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const errors = (name: string) => fieldErrorsOf(state, name);
  const failed = state && !state.ok ? state : null;

  useEffect(() => {
    if (failed) summary.current?.focus();
  }, [failed]);
  useEffect(() => {
    if (state?.ok && editHref) {
      const id = state.data.lectureId ?? state.data.gatheringId;
      if (id) router.push(editHref.replace("{id}", id));
    }
  }, [state, editHref, router]);

  const fieldLabel = (name: string) => labels?.[name] ?? texts[name as keyof SessionFormTexts] ?? name;
  const listed = failed?.fieldErrors ? ORDER.filter((name) => failed.fieldErrors?.[name]?.length) : [];

  const text = (name: string, label: string, options: { hint?: string; required?: boolean; inputMode?: "numeric" | "decimal"; className?: string; autoComplete?: string } = {}) => (
    <Field id={`session-${name}`} label={label} hint={options.hint} errors={errors(name)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type="text"
          value={form[name] ?? ""}
          onChange={set(name)}
          required={options.required}
          aria-required={options.required}
          inputMode={options.inputMode}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={`${inputClass} ${options.className ?? ""}`}
        />
      )}
    </Field>
  );

  const select = (name: string, label: string, choices: Choice[]) => (
    <Field id={`session-${name}`} label={label} errors={errors(name)}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={form[name] ?? ""}
          onChange={set(name)}
          required
          aria-required
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={inputClass}
        >
          <option value="">{texts.choose}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form action={formAction} noValidate className="grid max-w-xl gap-6">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {failed && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="session-error-heading" className="rounded border-l-4 border-danger bg-danger-soft p-4 text-ink">
          <h2 id="session-error-heading" className="text-lg">
            {texts.errorHeading}
          </h2>
          <p className="mt-1">{listed.length > 0 ? texts.errorIntro : failed.message}</p>
          {listed.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {listed.map((name) =>
                (failed.fieldErrors?.[name] ?? []).map((message) => (
                  <li key={`${name}-${message}`}>
                    {name === "_form" ? (
                      message
                    ) : (
                      <a href={`#session-${name}`} className="underline underline-offset-4">
                        {fieldLabel(name)}: {message}
                      </a>
                    )}
                  </li>
                )),
              )}
            </ul>
          )}
        </div>
      )}
      {state?.ok && !editHref && (
        <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4">
          {state.data.notified ? texts.savedNotified.replace("{count}", String(state.data.notified)) : texts.saved}
        </p>
      )}

      {text("title", texts.title, { required: true })}
      {kind === "lecture" && text("theme", texts.theme, { required: true })}
      {kind === "lecture" && lecturers && select("lecturerId", texts.lecturer, lecturers)}
      {select("venueId", texts.venue, venues)}

      <fieldset className="grid gap-4">
        <legend className="text-lg font-semibold">{texts.timesLegend}</legend>
        <p className="text-muted">{texts.stockholmNote}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("startDate", texts.startDate, { hint: texts.dateHint, required: true })}
          {text("startTime", texts.startTime, { hint: texts.timeHint, required: true })}
          {text("endDate", texts.endDate, { hint: texts.endDateHint })}
          {text("endTime", texts.endTime, { hint: texts.timeHint, required: true })}
        </div>
      </fieldset>

      {text("capacity", texts.capacity, { hint: texts.capacityHint, required: true, inputMode: "numeric", className: "max-w-[10rem]" })}

      {kind === "lecture" && (
        <fieldset className="grid gap-4">
          <legend className="text-lg font-semibold">{texts.pricesLegend}</legend>
          {text("priceMember", texts.priceMember, { hint: texts.priceHint, required: true, inputMode: "decimal", className: "max-w-[14rem]" })}
          {text("priceNonMember", texts.priceNonMember, { hint: texts.priceHint, required: true, inputMode: "decimal", className: "max-w-[14rem]" })}
          <Field id="session-vatRateBp" label={texts.vatRate} errors={errors("vatRateBp")}>
            {({ id, describedBy, invalid }) => (
              <select id={id} name="vatRateBp" value={form.vatRateBp ?? "0"} onChange={set("vatRateBp")} aria-describedby={describedBy} aria-invalid={invalid} className={`${inputClass} max-w-[14rem]`}>
                <option value="0">{texts.vat0}</option>
                <option value="600">{texts.vat600}</option>
                <option value="1200">{texts.vat1200}</option>
                <option value="2500">{texts.vat2500}</option>
              </select>
            )}
          </Field>
        </fieldset>
      )}

      <Field id="session-description" label={texts.description} hint={texts.descriptionHint} errors={errors("description")}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} name="description" rows={5} value={form.description ?? ""} onChange={set("description")} aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
        )}
      </Field>

      <div>
        <SubmitButton pendingText={texts.saving}>{editHref ? texts.create : texts.save}</SubmitButton>
      </div>
    </form>
  );
}
