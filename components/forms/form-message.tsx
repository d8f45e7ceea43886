"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "./form-state";

/**
 * The form's overall answer, read out by screen readers and focused so keyboard users land on it
 * (WCAG 3.3.1, 4.1.3). Field errors are listed by their fields.
 */
export function FormMessage({ state, heading }: { state: FormState<unknown>; heading: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && !state.ok) ref.current?.focus();
  }, [state]);
  if (!state || state.ok) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded border-l-4 border-danger bg-danger-soft p-4 text-ink">
      <h2 className="text-lg">{heading}</h2>
      <p className="mt-1">{state.message}</p>
      {state.code === "INTERNAL" && <p className="mt-1 text-base text-muted">{state.requestId}</p>}
    </div>
  );
}
