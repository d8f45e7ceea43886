import type { ReactNode } from "react";

type Props = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** The control; give it id, aria-describedby={describedBy} and aria-invalid={invalid}. */
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
};

/**
 * A labelled form field with an optional hint and its error messages (WCAG 1.3.1, 3.3.1, 3.3.2):
 * the label is a real <label>, hint and errors are tied to the control with aria-describedby.
 */
export function Field({ id, label, hint, errors = [], children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-base text-muted">
          {hint}
        </p>
      )}
      {errorId && (
        <ul id={errorId} className="text-base font-semibold text-danger">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {children({ id, describedBy, invalid: errors.length > 0 })}
    </div>
  );
}

export const inputClass =
  "w-full max-w-xl rounded border-2 border-muted bg-white px-3 py-2 text-ink aria-[invalid=true]:border-danger";
