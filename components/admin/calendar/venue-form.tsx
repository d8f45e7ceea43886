"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { createVenueAction, updateVenueAction } from "@/app/_actions/calendar-admin";
import { Field, inputClass } from "@/components/forms/field";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "./error-summary";

const ORDER = ["name", "streetAddress", "postalCode", "city", "accessibilityNotes", "mapUrl"] as const;
type Result = { venueId: string; changed?: boolean };

/** Add or change a venue: name, address, accessibility notes and an https map link. */
export function VenueForm({ venueId, values, editHref }: { venueId?: string; values: Record<string, string>; editHref?: string }) {
  const t = useTranslations("calendarAdmin.venues");
  const tf = useTranslations("calendarAdmin.form");
  const [state, formAction] = useActionState<FormState<Result>, FormData>((venueId ? updateVenueAction : createVenueAction) as never, null);
  const [form, setForm] = useState(values);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && !venueId && editHref) router.push(editHref.replace("__id__", state.data.venueId));
  }, [state, venueId, editHref, router]);
  const set = (name: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const label = (field: string) => t(`${field}Label` as "nameLabel");
  const optional = new Set(["accessibilityNotes", "mapUrl"]);
  const hints: Record<string, string> = { postalCode: t("postalCodeHint"), accessibilityNotes: t("accessibilityNotesHint"), mapUrl: t("mapUrlHint") };

  return (
    <form action={formAction} noValidate className="grid max-w-xl gap-6">
      {venueId && <input type="hidden" name="venueId" value={venueId} />}
      <ErrorSummary state={state} heading={tf("errorHeading")} intro={tf("errorIntro")} order={ORDER} label={label} idPrefix="venue" />
      {state?.ok && venueId && (
        <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
          {state.data.changed === false ? tf("unchanged") : tf("saved")}
        </p>
      )}
      <p>{tf("requiredNote")}</p>
      {ORDER.map((field) => (
        <Field
          key={field}
          id={`venue-${field}`}
          label={optional.has(field) ? `${label(field)} ${tf("optional")}` : label(field)}
          hint={hints[field]}
          errors={fieldErrorsOf(state, field)}
        >
          {(c) =>
            field === "accessibilityNotes" ? (
              <textarea id={c.id} name={field} rows={4} value={form[field] ?? ""} onChange={set(field)} aria-describedby={c.describedBy} aria-invalid={c.invalid} className={inputClass} />
            ) : (
              <input
                id={c.id}
                name={field}
                type={field === "mapUrl" ? "url" : "text"}
                value={form[field] ?? ""}
                onChange={set(field)}
                aria-required={!optional.has(field)}
                autoComplete="off"
                inputMode={field === "postalCode" ? "numeric" : undefined}
                aria-describedby={c.describedBy}
                aria-invalid={c.invalid}
                className={`${inputClass} ${field === "postalCode" ? "max-w-[10rem]" : ""}`}
              />
            )
          }
        </Field>
      ))}
      <p>
        <SubmitButton pendingText={tf("saving")}>{venueId ? tf("save") : t("create")}</SubmitButton>
      </p>
    </form>
  );
}
