"use client";

import { Combobox, ComboboxInput, ComboboxOption, ComboboxOptions } from "@headlessui/react";
import { useActionState, useMemo, useState } from "react";
import { completeProfileAction } from "@/app/_actions/accounts";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

export type OrganisationOption = { id: string; name: string; group: "member" | "interest" | "other" };

type Values = {
  name: string;
  title: string;
  organisationId: string;
  otherOrganisationName: string;
  locale: "sv" | "en";
};

type Texts = Record<
  | "nameLabel"
  | "nameHint"
  | "titleLabel"
  | "titleHint"
  | "organisationLabel"
  | "organisationHint"
  | "organisationPlaceholder"
  | "organisationOther"
  | "organisationNoMatch"
  | "otherOrganisationLabel"
  | "localeLabel"
  | "localeHint"
  | "localeSv"
  | "localeEn"
  | "submit"
  | "saving"
  | "errorHeading",
  string
> & { groups: Record<OrganisationOption["group"], string> };

const OTHER = "other";

/** Search folds case and Swedish letters' accents away only for the comparison ("boras" finds "Borås"). */
function fold(text: string): string {
  return text.toLocaleLowerCase("sv").normalize("NFD").replace(/\p{Diacritic}/gu, "");
}

/**
 * The profile: name, title, employer (a searchable list of the region's organisations, or "other"
 * with a name) and language. The employer list is a WAI-ARIA combobox (Headless UI).
 */
export function ProfileForm({ values, organisations, next, texts }: { values: Values; organisations: OrganisationOption[]; next?: string; texts: Texts }) {
  const [state, formAction] = useActionState<FormState<never>, FormData>(completeProfileAction, null);
  const [organisationId, setOrganisationId] = useState<string>(values.organisationId);
  const [query, setQuery] = useState("");
  const options = useMemo(() => [...organisations, { id: OTHER, name: texts.organisationOther, group: "other" as const }], [organisations, texts.organisationOther]);
  const filtered = query ? options.filter((o) => o.id === OTHER || fold(o.name).includes(fold(query))) : options;
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? "";
  const orgErrors = fieldErrorsOf(state, "organisationId");

  return (
    <form action={formAction} noValidate className="grid max-w-xl gap-6">
      <FormMessage state={state} heading={texts.errorHeading} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="name" label={texts.nameLabel} hint={texts.nameHint} errors={fieldErrorsOf(state, "name")}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="name" autoComplete="name" required maxLength={100} defaultValue={values.name} aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
        )}
      </Field>
      <Field id="title" label={texts.titleLabel} hint={texts.titleHint} errors={fieldErrorsOf(state, "title")}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="title" autoComplete="organization-title" required maxLength={100} defaultValue={values.title} aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
        )}
      </Field>
      <Field id="organisation" label={texts.organisationLabel} hint={texts.organisationHint} errors={orgErrors}>
        {({ id, describedBy, invalid }) => (
          <Combobox
            name="organisationId"
            value={organisationId}
            onChange={(value: string | null) => setOrganisationId(value ?? "")}
            onClose={() => setQuery("")}
            immediate
          >
            <div className="relative max-w-xl">
              <ComboboxInput
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                placeholder={texts.organisationPlaceholder}
                autoComplete="off"
                className={inputClass}
                displayValue={(value: string) => nameOf(value)}
                onChange={(event) => setQuery(event.target.value)}
              />
              <ComboboxOptions
                anchor="bottom start"
                className="z-20 max-h-72 w-[var(--input-width)] overflow-y-auto rounded border-2 border-muted bg-white py-1 shadow-lg empty:invisible"
              >
                {filtered.map((option) => (
                  <ComboboxOption
                    key={option.id}
                    value={option.id}
                    className="flex cursor-pointer justify-between gap-3 px-3 py-2 data-[focus]:bg-brand data-[focus]:text-white data-[selected]:font-semibold"
                  >
                    <span>{option.name}</span>
                    {option.group !== "other" && <span className="text-sm opacity-80">{texts.groups[option.group]}</span>}
                  </ComboboxOption>
                ))}
              </ComboboxOptions>
              <p aria-live="polite" className="mt-1 text-base text-muted">
                {query && filtered.length === 1 ? texts.organisationNoMatch : ""}
              </p>
            </div>
          </Combobox>
        )}
      </Field>
      {organisationId === OTHER && (
        <Field id="otherOrganisationName" label={texts.otherOrganisationLabel} errors={fieldErrorsOf(state, "otherOrganisationName")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} name="otherOrganisationName" autoComplete="organization" required maxLength={150} defaultValue={values.otherOrganisationName} aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
          )}
        </Field>
      )}
      <fieldset className="grid gap-2">
        <legend className="font-semibold">{texts.localeLabel}</legend>
        <p className="text-base text-muted">{texts.localeHint}</p>
        {(["sv", "en"] as const).map((value) => (
          <label key={value} className="flex items-center gap-3">
            <input type="radio" name="locale" value={value} defaultChecked={values.locale === value} className="size-5 accent-brand" />
            <span lang={value}>{value === "sv" ? texts.localeSv : texts.localeEn}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton pendingText={texts.saving}>{texts.submit}</SubmitButton>
      </div>
    </form>
  );
}
