"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/components/forms/form-state";

/**
 * The form's errors at the top (WCAG 3.3.1): focused when the answer comes, a heading, then each
 * field's message as a link to the field; form-level reasons (the `_form` key) as plain text in
 * place of the error code's general message.
 */
export function ErrorSummary({
  state,
  heading,
  intro,
  order,
  label,
  idPrefix,
}: {
  state: FormState<unknown>;
  heading: string;
  intro: string;
  /** Field names in the order the form shows them. */
  order: readonly string[];
  label: (field: string) => string;
  idPrefix: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const failed = state && !state.ok ? state : null;
  useEffect(() => {
    if (failed) ref.current?.focus();
  }, [failed]);
  if (!failed) return null;
  const errors = failed.fieldErrors ?? {};
  const formLevel = errors._form ?? [];
  const known = order.filter((f) => f !== "_form" && errors[f]?.length);
  const others = Object.keys(errors).filter((f) => f !== "_form" && !order.includes(f));
  const fields = [...known, ...others];
  const headingId = `${idPrefix}-error-heading`;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} className="rounded border-l-4 border-danger bg-danger-soft p-4 text-ink">
      <h2 id={headingId} className="text-lg">
        {heading}
      </h2>
      {formLevel.length > 0 ? (
        formLevel.map((m) => (
          <p key={m} className="mt-1">
            {m}
          </p>
        ))
      ) : (
        <p className="mt-1">{fields.length > 0 ? intro : failed.message}</p>
      )}
      {fields.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {fields.flatMap((field) =>
            (errors[field] ?? []).map((message) => (
              <li key={`${field}-${message}`}>
                <a href={`#${idPrefix}-${field}`} className="underline underline-offset-4">
                  {label(field)}: {message}
                </a>
              </li>
            )),
          )}
        </ul>
      )}
      {failed.code === "INTERNAL" && <p className="mt-1 text-base text-muted">{failed.requestId}</p>}
    </div>
  );
}
