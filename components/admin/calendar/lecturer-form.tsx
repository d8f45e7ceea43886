"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { createLecturerAction, updateLecturerAction } from "@/app/_actions/calendar-admin";
import { Field, inputClass } from "@/components/forms/field";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "./error-summary";

const ORDER = ["name", "affiliation", "bio"] as const;
type Result = { lecturerId: string; changed?: boolean };

/** Add or change a lecturer: name, affiliation and a short bio for the lecture pages. */
export function LecturerForm({ lecturerId, values, editHref }: { lecturerId?: string; values: Record<string, string>; editHref?: string }) {
  const t = useTranslations("calendarAdmin.lecturers");
  const tf = useTranslations("calendarAdmin.form");
  const [state, formAction] = useActionState<FormState<Result>, FormData>((lecturerId ? updateLecturerAction : createLecturerAction) as never, null);
  const [form, setForm] = useState(values);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && !lecturerId && editHref) router.push(editHref.replace("__id__", state.data.lecturerId));
  }, [state, lecturerId, editHref, router]);
  const set = (name: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const label = (field: string) => t(`${field}Label` as "nameLabel");

  return (
    <form action={formAction} noValidate className="grid max-w-xl gap-6">
      {lecturerId && <input type="hidden" name="lecturerId" value={lecturerId} />}
      <ErrorSummary state={state} heading={tf("errorHeading")} intro={tf("errorIntro")} order={ORDER} label={label} idPrefix="lecturer" />
      {state?.ok && lecturerId && (
        <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
          {state.data.changed === false ? tf("unchanged") : tf("saved")}
        </p>
      )}
      <p>{tf("requiredNote")}</p>
      <Field id="lecturer-name" label={label("name")} errors={fieldErrorsOf(state, "name")}>
        {(c) => (
          <input id={c.id} name="name" type="text" value={form.name ?? ""} onChange={set("name")} aria-required autoComplete="off" aria-describedby={c.describedBy} aria-invalid={c.invalid} className={inputClass} />
        )}
      </Field>
      <Field id="lecturer-affiliation" label={`${label("affiliation")} ${tf("optional")}`} hint={t("affiliationHint")} errors={fieldErrorsOf(state, "affiliation")}>
        {(c) => (
          <input id={c.id} name="affiliation" type="text" value={form.affiliation ?? ""} onChange={set("affiliation")} autoComplete="off" aria-describedby={c.describedBy} aria-invalid={c.invalid} className={inputClass} />
        )}
      </Field>
      <Field id="lecturer-bio" label={`${label("bio")} ${tf("optional")}`} hint={t("bioHint")} errors={fieldErrorsOf(state, "bio")}>
        {(c) => <textarea id={c.id} name="bio" rows={5} value={form.bio ?? ""} onChange={set("bio")} aria-describedby={c.describedBy} aria-invalid={c.invalid} className={inputClass} />}
      </Field>
      <p>
        <SubmitButton pendingText={tf("saving")}>{lecturerId ? tf("save") : t("create")}</SubmitButton>
      </p>
    </form>
  );
}
