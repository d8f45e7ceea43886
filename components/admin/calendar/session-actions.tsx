"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { cancelSessionAction, deleteSessionAction, publishSessionAction } from "@/app/_actions/session-admin";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

export type SessionActionsTexts = Record<
  | "publishHeading" | "publishText" | "publish" | "publishing" | "published" | "publishWaitsForWorkshop"
  | "cancelHeading" | "cancelWarning" | "cancelNote" | "cancelNoteHint" | "cancel" | "cancelling" | "cancelled"
  | "deleteHeading" | "deleteText" | "delete" | "deleting" | "deleteRefused" | "errorHeading",
  string
>;

type Ref = { kind: "lecture" | "gathering"; workshopId: string; sessionId: string };

/** Shows the form-level reason (e.g. "cancel it instead") instead of the code's general text. */
function specific<T>(state: FormState<T>): FormState<T> {
  if (!state || state.ok) return state;
  const form = state.fieldErrors?._form ?? [];
  return form.length ? { ...state, message: form.join(" ") } : state;
}

/**
 * Publish, cancel and delete for one session, each its own small form with what it does in words:
 * cancelling says how many booked and waiting people will be told. Shown only when allowed (the
 * page decides from getSessionForEditing's `can`); the server checks again.
 */
export function SessionActions({
  sessionRef,
  can,
  workshopPublished,
  texts,
  afterDeleteHref,
}: {
  sessionRef: Ref;
  can: { publish: boolean; cancel: boolean; delete: boolean };
  workshopPublished: boolean;
  /** cancelWarning is already filled in with the counts. */
  texts: SessionActionsTexts;
  afterDeleteHref: string;
}) {
  const [publishState, publish] = useActionState<FormState<unknown>, FormData>(publishSessionAction as never, null);
  const [cancelState, cancel] = useActionState<FormState<unknown>, FormData>(cancelSessionAction as never, null);
  const [deleteState, remove] = useActionState<FormState<unknown>, FormData>(deleteSessionAction as never, null);
  const router = useRouter();
  useEffect(() => {
    if (deleteState?.ok) router.push(afterDeleteHref);
  }, [deleteState, afterDeleteHref, router]);

  const hidden = (
    <>
      <input type="hidden" name="kind" value={sessionRef.kind} />
      <input type="hidden" name="workshopId" value={sessionRef.workshopId} />
      <input type="hidden" name="sessionId" value={sessionRef.sessionId} />
    </>
  );
  const done = (state: FormState<unknown>, text: string) =>
    state?.ok ? (
      <p role="status" className="mt-2 font-semibold">
        {text}
      </p>
    ) : null;

  return (
    <div className="grid max-w-xl gap-8">
      {(can.publish || (!workshopPublished && !can.cancel)) && (
        <section aria-labelledby="publish-heading" className="grid gap-2">
          <h2 id="publish-heading" className="text-xl font-semibold">
            {texts.publishHeading}
          </h2>
          {can.publish ? (
            <form action={publish} className="grid gap-2">
              {hidden}
              <p>{texts.publishText}</p>
              <FormMessage state={specific(publishState)} heading={texts.errorHeading} />
              <div>
                <SubmitButton pendingText={texts.publishing}>{texts.publish}</SubmitButton>
              </div>
              {done(publishState, texts.published)}
            </form>
          ) : (
            <p>{texts.publishWaitsForWorkshop}</p>
          )}
        </section>
      )}

      {can.cancel && (
        <section aria-labelledby="cancel-heading" className="grid gap-2">
          <h2 id="cancel-heading" className="text-xl font-semibold">
            {texts.cancelHeading}
          </h2>
          <form action={cancel} className="grid gap-3">
            {hidden}
            <p className="rounded border-l-4 border-warning bg-warning-soft p-4">{texts.cancelWarning}</p>
            <Field id="cancel-note" label={texts.cancelNote} hint={texts.cancelNoteHint}>
              {({ id, describedBy }) => <input id={id} name="note" type="text" aria-describedby={describedBy} className={inputClass} />}
            </Field>
            <FormMessage state={specific(cancelState)} heading={texts.errorHeading} />
            <div>
              <SubmitButton pendingText={texts.cancelling} className="button-secondary">
                {texts.cancel}
              </SubmitButton>
            </div>
            {done(cancelState, texts.cancelled)}
          </form>
        </section>
      )}

      <section aria-labelledby="delete-heading" className="grid gap-2">
        <h2 id="delete-heading" className="text-xl font-semibold">
          {texts.deleteHeading}
        </h2>
        {can.delete ? (
          <form action={remove} className="grid gap-2">
            {hidden}
            <p>{texts.deleteText}</p>
            <FormMessage state={specific(deleteState)} heading={texts.errorHeading} />
            <div>
              <SubmitButton pendingText={texts.deleting}>{texts.delete}</SubmitButton>
            </div>
          </form>
        ) : (
          <p>{texts.deleteRefused}</p>
        )}
      </section>
    </div>
  );
}
