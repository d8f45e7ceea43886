"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

type Props = {
  children: ReactNode;
  pendingText: string;
  /** The button's own action, when a form has more than one (save a draft, submit). */
  formAction?: (formData: FormData) => void;
  onClick?: () => void;
  variant?: "primary" | "secondary";
};

/** A form button that says it is sending and cannot be pressed twice while the form is on its way. */
export function FormButton({ children, pendingText, formAction, onClick, variant = "primary" }: Props) {
  const { pending, action } = useFormStatus();
  // Both buttons wait while the form is on its way; the one that was pressed says so.
  const mine = pending && (formAction === undefined || action === formAction);
  return (
    <button
      type="submit"
      formAction={formAction}
      onClick={onClick}
      disabled={pending}
      aria-disabled={pending}
      className={variant === "primary" ? "button-primary" : "button-secondary"}
    >
      {mine ? pendingText : children}
    </button>
  );
}
