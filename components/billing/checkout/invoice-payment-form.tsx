"use client";

import { useActionState, useState } from "react";
import { payByInvoiceAction } from "@/app/_actions/billing";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

export type InvoiceFormValues = {
  buyerReference: string;
  costCentre: string;
  name: string;
  orgNumber: string;
  peppolEndpoint: string;
  street: string;
  postalCode: string;
  city: string;
  email: string;
};

type Texts = Record<
  | "buyerReference"
  | "buyerReferenceHint"
  | "costCentre"
  | "costCentreHint"
  | "recipientLegend"
  | "recipientHint"
  | "recipientName"
  | "orgNumber"
  | "orgNumberHint"
  | "peppolEndpoint"
  | "peppolEndpointHint"
  | "street"
  | "postalCode"
  | "city"
  | "invoiceEmail"
  | "button"
  | "sending"
  | "errorHeading",
  string
>;

const RECIPIENT_FIELDS = ["name", "orgNumber", "peppolEndpoint", "street", "postalCode", "city", "email"] as const;

/**
 * Invoice to the employer: the buyer's reference (Swedish public buyers route invoices by it), an
 * optional cost centre, and the recipient prefilled from the organisation. Fields are controlled so
 * what was typed stays when the server answers with errors.
 */
export function InvoicePaymentForm({ orderId, locale, initial, texts }: { orderId: string; locale: "sv" | "en"; initial: InvoiceFormValues; texts: Texts }) {
  const [state, action] = useActionState<FormState<never>, FormData>(payByInvoiceAction, null);
  const [values, setValues] = useState(initial);
  const set = (field: keyof InvoiceFormValues) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const labels: Record<(typeof RECIPIENT_FIELDS)[number], { label: string; hint?: string; autoComplete?: string; inputMode?: "numeric" }> = {
    name: { label: texts.recipientName, autoComplete: "organization" },
    orgNumber: { label: texts.orgNumber, hint: texts.orgNumberHint, inputMode: "numeric" },
    peppolEndpoint: { label: texts.peppolEndpoint, hint: texts.peppolEndpointHint },
    street: { label: texts.street, autoComplete: "street-address" },
    postalCode: { label: texts.postalCode, autoComplete: "postal-code", inputMode: "numeric" },
    city: { label: texts.city, autoComplete: "address-level2" },
    email: { label: texts.invoiceEmail, autoComplete: "email" },
  };

  return (
    <form action={action} noValidate className="grid max-w-xl gap-6">
      <FormMessage state={state} heading={texts.errorHeading} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="locale" value={locale} />
      <Field id="buyerReference" label={texts.buyerReference} hint={texts.buyerReferenceHint} errors={fieldErrorsOf(state, "buyerReference")}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="buyerReference" required maxLength={100} value={values.buyerReference} onChange={set("buyerReference")}
            aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
        )}
      </Field>
      <Field id="costCentre" label={texts.costCentre} hint={texts.costCentreHint} errors={fieldErrorsOf(state, "costCentre")}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="costCentre" maxLength={100} value={values.costCentre} onChange={set("costCentre")}
            aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
        )}
      </Field>
      <fieldset className="grid gap-5 rounded border border-muted/60 p-4">
        <legend className="px-1 text-lg font-semibold">{texts.recipientLegend}</legend>
        <p className="text-muted">{texts.recipientHint}</p>
        {RECIPIENT_FIELDS.map((field) => {
          const meta = labels[field];
          const name = `recipient.${field}`;
          return (
            <Field key={field} id={`recipient-${field}`} label={meta.label} hint={meta.hint} errors={fieldErrorsOf(state, name)}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name={name} value={values[field]} onChange={set(field)} autoComplete={meta.autoComplete} inputMode={meta.inputMode}
                  type={field === "email" ? "email" : "text"} aria-describedby={describedBy} aria-invalid={invalid} className={inputClass} />
              )}
            </Field>
          );
        })}
      </fieldset>
      <p>
        <SubmitButton pendingText={texts.sending}>{texts.button}</SubmitButton>
      </p>
    </form>
  );
}
