"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { createWorkshopAction, updateWorkshopAction } from "@/app/_actions/calendar-admin";
import { Field, inputClass } from "@/components/forms/field";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "./error-summary";

/** The form's values as strings; prices in kronor under their `…Kr` names. */
export type WorkshopFormValues = Record<string, string>;

type Result = { workshopId: string; slug: string; changed?: boolean };

/** Field names in the order the form shows them; prices are reported on their `…Ore` names. */
const ORDER = [
  "title",
  "edition",
  "slug",
  "summary",
  "description",
  "organiserId",
  "startsOn",
  "endsOn",
  "pmDeadline",
  "cancellationDeadline",
  "followUpOn",
  "packageCapacity",
  "packagePriceMemberOre",
  "packagePriceNonMemberOre",
  "packageVatRateBp",
  "noPmPolicy",
  "supervisionMonths",
  "holdMinutes",
  "waitlistOfferHours",
  "lateCancellationRefundPercent",
  "consolidatedInvoicing",
] as const;

/** The form field (input name) where each reported field is typed. */
const INPUT_NAME: Record<string, string> = { packagePriceMemberOre: "packagePriceMemberKr", packagePriceNonMemberOre: "packagePriceNonMemberKr" };

/**
 * Create or edit a workshop. A plain form post through useActionState (it works without
 * JavaScript); the fields are controlled so nothing typed is lost on errors. Errors show in a
 * summary at the top, with links, and at each field (aria-describedby). Dates are Stockholm
 * calendar days; prices are typed in kronor.
 */
export function WorkshopForm({
  mode,
  workshopId,
  values,
  organisers,
  editHref,
}: {
  mode: "create" | "edit";
  workshopId?: string;
  values: WorkshopFormValues;
  organisers: { id: string; name: string }[];
  /** After creating: the new workshop's page, "__id__" for its id. */
  editHref?: string;
}) {
  const t = useTranslations("calendarAdmin.form");
  const [state, formAction] = useActionState<FormState<Result>, FormData>((mode === "create" ? createWorkshopAction : updateWorkshopAction) as never, null);
  const [form, setForm] = useState<WorkshopFormValues>(values);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && mode === "create" && editHref) router.push(editHref.replace("__id__", state.data.workshopId));
  }, [state, mode, editHref, router]);

  const set = (name: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const label = (field: string) => t(`${field}Label` as "titleLabel");
  const id = (field: string) => `workshop-${field}`;

  const text = (field: string, options: { hint?: string; required?: boolean; inputMode?: "numeric" | "decimal"; className?: string; suffix?: string } = {}) => {
    const name = INPUT_NAME[field] ?? field;
    return (
      <Field id={id(field)} label={`${label(field)} ${options.required === false ? t("optional") : ""}`.trim()} hint={options.hint} errors={fieldErrorsOf(state, field)}>
        {(c) => (
          <span className="flex items-center gap-2">
            <input
              id={c.id}
              name={name}
              type="text"
              value={form[name] ?? ""}
              onChange={set(name)}
              aria-required={options.required !== false}
              inputMode={options.inputMode}
              autoComplete="off"
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid}
              className={`${inputClass} ${options.className ?? ""}`}
            />
            {options.suffix && <span aria-hidden="true">{options.suffix}</span>}
          </span>
        )}
      </Field>
    );
  };

  const legend = (children: ReactNode) => <legend className="text-xl font-semibold">{children}</legend>;
  const dateHint = t("dateHint");

  return (
    <form action={formAction} noValidate className="grid max-w-2xl gap-8">
      {workshopId && <input type="hidden" name="workshopId" value={workshopId} />}
      <ErrorSummary state={state} heading={t("errorHeading")} intro={t("errorIntro")} order={ORDER} label={label} idPrefix="workshop" />
      {state?.ok && mode === "edit" && (
        <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
          {state.data.changed === false ? t("unchanged") : t("saved")}
        </p>
      )}
      <p>{t("requiredNote")}</p>

      <fieldset className="grid gap-5">
        {legend(t("aboutLegend"))}
        {text("title")}
        {text("edition", { hint: t("editionHint"), className: "max-w-[14rem]" })}
        {text("slug", { hint: t("slugHint") })}
        {text("summary", { hint: t("summaryHint") })}
        <Field id={id("description")} label={label("description")} hint={t("descriptionHint")} errors={fieldErrorsOf(state, "description")}>
          {(c) => (
            <textarea
              id={c.id}
              name="description"
              rows={8}
              value={form.description ?? ""}
              onChange={set("description")}
              aria-required
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid}
              className={inputClass}
            />
          )}
        </Field>
        <Field id={id("organiserId")} label={label("organiserId")} errors={fieldErrorsOf(state, "organiserId")}>
          {(c) => (
            <select id={c.id} name="organiserId" value={form.organiserId ?? ""} onChange={set("organiserId")} aria-required aria-describedby={c.describedBy} aria-invalid={c.invalid} className={inputClass}>
              {organisers.length !== 1 && <option value="">{t("choose")}</option>}
              {organisers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="grid gap-5">
        {legend(t("datesLegend"))}
        <p className="text-muted">{t("datesNote")}</p>
        <div className="grid gap-5 sm:grid-cols-2">
          {text("startsOn", { hint: dateHint })}
          {text("endsOn", { hint: dateHint })}
          {text("pmDeadline", { hint: t("pmDeadlineHint") })}
          {text("cancellationDeadline", { hint: t("cancellationDeadlineHint") })}
          {text("followUpOn", { hint: dateHint, required: false })}
        </div>
      </fieldset>

      <fieldset className="grid gap-5">
        {legend(t("packageLegend"))}
        {text("packageCapacity", { hint: t("packageCapacityHint"), inputMode: "numeric", className: "max-w-[10rem]" })}
        {text("packagePriceMemberOre", { hint: t("priceHint"), inputMode: "decimal", className: "max-w-[12rem]", suffix: "kr" })}
        {text("packagePriceNonMemberOre", { hint: t("priceHint"), inputMode: "decimal", className: "max-w-[12rem]", suffix: "kr" })}
        <Field id={id("packageVatRateBp")} label={label("packageVatRateBp")} errors={fieldErrorsOf(state, "packageVatRateBp")}>
          {(c) => (
            <select id={c.id} name="packageVatRateBp" value={form.packageVatRateBp ?? "0"} onChange={set("packageVatRateBp")} aria-describedby={c.describedBy} aria-invalid={c.invalid} className={`${inputClass} max-w-[14rem]`}>
              {["0", "600", "1200", "2500"].map((rate) => (
                <option key={rate} value={rate}>
                  {t("vatOption", { percent: Number(rate) / 100 })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="grid gap-5">
        {legend(t("pmLegend"))}
        <fieldset className="grid gap-2" aria-describedby={fieldErrorsOf(state, "noPmPolicy").length ? `${id("noPmPolicy")}-error` : undefined}>
          <legend id={id("noPmPolicy")} tabIndex={-1} className="font-semibold">
            {label("noPmPolicy")}
          </legend>
          {fieldErrorsOf(state, "noPmPolicy").length > 0 && (
            <p id={`${id("noPmPolicy")}-error`} className="font-semibold text-danger">
              {fieldErrorsOf(state, "noPmPolicy").join(" ")}
            </p>
          )}
          {(["KEEP_AS_PACKAGE", "RELEASE_SEAT"] as const).map((policy) => (
            <label key={policy} className="flex items-start gap-2">
              <input type="radio" name="noPmPolicy" value={policy} checked={form.noPmPolicy === policy} onChange={set("noPmPolicy")} className="mt-1.5 size-5" />
              <span>{t(`noPmPolicy${policy}`)}</span>
            </label>
          ))}
        </fieldset>
        {text("supervisionMonths", { hint: t("supervisionMonthsHint"), inputMode: "numeric", className: "max-w-[8rem]" })}
      </fieldset>

      <fieldset className="grid gap-5">
        {legend(t("bookingLegend"))}
        {text("holdMinutes", { hint: t("holdMinutesHint"), inputMode: "numeric", className: "max-w-[8rem]" })}
        {text("waitlistOfferHours", { hint: t("waitlistOfferHoursHint"), inputMode: "numeric", className: "max-w-[8rem]" })}
        {text("lateCancellationRefundPercent", { hint: t("lateCancellationRefundPercentHint"), inputMode: "numeric", className: "max-w-[8rem]", suffix: "%" })}
        <div className="grid gap-1">
          <label className="flex items-start gap-2">
            <input
              id={id("consolidatedInvoicing")}
              type="checkbox"
              name="consolidatedInvoicing"
              checked={form.consolidatedInvoicing === "on"}
              onChange={(e) => setForm((f) => ({ ...f, consolidatedInvoicing: e.target.checked ? "on" : "" }))}
              aria-describedby={`${id("consolidatedInvoicing")}-hint`}
              className="mt-1.5 size-5"
            />
            <span className="font-semibold">{label("consolidatedInvoicing")}</span>
          </label>
          <p id={`${id("consolidatedInvoicing")}-hint`} className="text-base text-muted">
            {t("consolidatedInvoicingHint")}
          </p>
        </div>
      </fieldset>

      <p>
        <SubmitButton pendingText={t("saving")}>{mode === "create" ? t("create") : t("save")}</SubmitButton>
      </p>
    </form>
  );
}
