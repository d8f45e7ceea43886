"use client";

import { useActionState } from "react";
import { cancelSessionAction, deleteSessionAction, publishSessionAction } from "@/app/_actions/session-admin";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmAction, ConfirmDelete } from "./confirm-action";

export type SessionActionsTexts = Record<
  | "publishHeading" | "publishText" | "publish" | "publishing" | "published" | "publishWaitsForWorkshop"
  | "cancelHeading" | "cancelWarning" | "cancelNote" | "cancelNoteHint" | "cancelOpen" | "cancelYes" | "cancelling" | "cancelled"
  | "deleteHeading" | "deleteText" | "deleteOpen" | "deleteYes" | "deleting" | "deleted" | "deleteRefused" | "keep" | "errorHeading",
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
  const hiddenFields = { kind: sessionRef.kind, workshopId: sessionRef.workshopId, sessionId: sessionRef.sessionId };

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
          {/* Asks first: cancelling e-mails everyone concerned and gives their money back, and cannot be undone. */}
          <ConfirmAction
            action={cancelSessionAction}
            hidden={hiddenFields}
            texts={{ open: texts.cancelOpen, confirmText: texts.cancelWarning, confirm: texts.cancelYes, cancel: texts.keep, pending: texts.cancelling, done: texts.cancelled, errorHeading: texts.errorHeading }}
            danger
          >
            <Field id="cancel-note" label={texts.cancelNote} hint={texts.cancelNoteHint}>
              {({ id, describedBy }) => <input id={id} name="note" type="text" aria-describedby={describedBy} className={inputClass} />}
            </Field>
          </ConfirmAction>
        </section>
      )}

      <section aria-labelledby="delete-heading" className="grid gap-2">
        <h2 id="delete-heading" className="text-xl font-semibold">
          {texts.deleteHeading}
        </h2>
        <ConfirmDelete
          allowed={can.delete}
          blockedText={texts.deleteRefused}
          action={deleteSessionAction}
          hidden={hiddenFields}
          texts={{ open: texts.deleteOpen, confirmText: texts.deleteText, confirm: texts.deleteYes, cancel: texts.keep, pending: texts.deleting, done: texts.deleted, errorHeading: texts.errorHeading }}
          nextHref={afterDeleteHref}
        />
      </section>
    </div>
  );
}
