"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** The form's main button; while the form is sending it says so and cannot be pressed twice. */
export function SubmitButton({ children, pendingText, className = "" }: { children: ReactNode; pendingText: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`button-primary ${className}`}>
      {pending ? pendingText : children}
    </button>
  );
}
