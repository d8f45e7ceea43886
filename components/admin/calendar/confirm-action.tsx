"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState, useSyncExternalStore, type ReactNode } from "react";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionResult } from "@/lib/server/action";

type Action<T> = (previous: unknown, raw: unknown) => Promise<ActionResult<T>>;

/**
 * A button for a weighty step (publish, unpublish, copy, delete) that asks first: pressing it shows
 * what will happen and a second button that does it. The answer (done, or why not) is announced.
 * Without JavaScript the confirmation is shown at once, so the step still works.
 */
type ConfirmActionProps<T> = {
  action: Action<T>;
  hidden: Record<string, string>;
  texts: { open: string; confirmText: string; confirm: string; cancel: string; pending: string; done: string; errorHeading: string };
  danger?: boolean;
  /** Where to go when it is done; "__id__" becomes the answer's workshopId (a copy's new id). */
  nextHref?: string;
  /** Extra fields the step needs (e.g. the copy's edition name). */
  children?: ReactNode;
};

export function ConfirmAction<T>({ action, hidden, texts, danger = false, nextHref, children }: ConfirmActionProps<T>) {
  const [state, formAction] = useActionState<FormState<T>, FormData>(action as never, null);
  // Open for the answer it was opened with: a new answer (done, or why not) closes it.
  const [openedWith, setOpenedWith] = useState<FormState<T> | undefined>(undefined);
  const open = openedWith === state;
  const setOpen = (value: boolean) => setOpenedWith(value ? state : undefined);
  // Until the page is interactive the confirmation is simply shown, so the step works without JavaScript.
  const interactive = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const router = useRouter();
  const panelId = useId();
  useEffect(() => {
    if (!state?.ok || !nextHref) return;
    const id = (state.data as { workshopId?: string } | null)?.workshopId ?? "";
    router.push(nextHref.replace("__id__", id));
  }, [state, nextHref, router]);
  const failed = state && !state.ok ? state : null;
  // Form-level reasons ("cancel its sessions instead") and field messages say more than the code's general text.
  const reasons = Object.values(failed?.fieldErrors ?? {}).flat();
  const buttonClass = danger ? "button-secondary border-danger text-danger" : "button-secondary";

  return (
    <div className="grid gap-2">
      {interactive && (
        <p>
          <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} className={buttonClass}>
            {texts.open}
          </button>
        </p>
      )}
      <div id={panelId} hidden={interactive && !open} className="grid gap-3 rounded border border-line bg-surface p-4">
        <p>{texts.confirmText}</p>
        <form action={formAction} className="flex flex-wrap items-end gap-3">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          <SubmitButton pendingText={texts.pending}>{texts.confirm}</SubmitButton>
          {interactive && (
            <button type="button" onClick={() => setOpen(false)} className="button-secondary">
              {texts.cancel}
            </button>
          )}
        </form>
      </div>
      <div aria-live="polite">
        {state?.ok && !nextHref && <p className="font-semibold">{texts.done}</p>}
        {failed && (
          <div className="rounded border-l-4 border-danger bg-danger-soft p-4">
            <p className="font-semibold">{texts.errorHeading}</p>
            <p className="mt-1">{reasons.length ? reasons.join(" ") : failed.message}</p>
          </div>
        )}
      </div>
    </div>
  );
}

/** Deleting: the confirming (red) button while deletion is allowed, else why it is not. */
export function ConfirmDelete<T>({ allowed, blockedText, ...props }: Omit<ConfirmActionProps<T>, "danger" | "children"> & { allowed: boolean; blockedText: string }) {
  return allowed ? <ConfirmAction {...props} danger /> : <p>{blockedText}</p>;
}
