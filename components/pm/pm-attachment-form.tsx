"use client";

import { useActionState, useState } from "react";
import { removePmAttachmentAction, uploadPmAttachmentAction } from "@/app/_actions/pm";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { FormButton } from "@/components/pre-training/form-button";

type Texts = Record<"heading" | "hint" | "current" | "none" | "fileLabel" | "upload" | "uploading" | "remove" | "removing" | "uploaded" | "removed" | "errorHeading", string>;

/**
 * The draft's attachment: upload one PDF or DOCX (it replaces the earlier one) or remove it.
 * A multipart form that works without JavaScript; the server decides the type from the content.
 */
export function PmAttachmentForm({
  bookingId,
  file,
  texts,
}: {
  bookingId: string;
  file: { name: string; href: string; size: string } | null;
  texts: Texts;
}) {
  const [uploadState, uploadAction] = useActionState<FormState<unknown>, FormData>(uploadPmAttachmentAction, null);
  const [removeState, removeAction] = useActionState<FormState<unknown>, FormData>(removePmAttachmentAction, null);
  const [last, setLast] = useState<"upload" | "remove" | null>(null);
  const state = last === "upload" ? uploadState : last === "remove" ? removeState : null;
  const formErrors = fieldErrorsOf(state, "_form");
  const shown: FormState<unknown> = state && !state.ok && formErrors.length > 0 ? { ...state, message: formErrors.join(" ") } : state;

  return (
    <section aria-labelledby="pm-attachment-heading" className="grid max-w-xl gap-4">
      <h3 id="pm-attachment-heading" className="text-xl">
        {texts.heading}
      </h3>
      <p className="text-muted">{texts.hint}</p>
      <p>
        {file ? (
          <>
            {texts.current} <a href={file.href}>{file.name}</a> ({file.size})
          </>
        ) : (
          texts.none
        )}
      </p>
      <form action={uploadAction} encType="multipart/form-data" noValidate className="grid gap-4">
        <FormMessage state={shown} heading={texts.errorHeading} />
        {state?.ok && (
          <p role="status" className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
            {last === "remove" ? texts.removed : texts.uploaded}
          </p>
        )}
        <input type="hidden" name="bookingId" value={bookingId} />
        <Field id="pm-file" label={texts.fileLabel} errors={fieldErrorsOf(state, "file")}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="file"
              type="file"
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-3">
          <FormButton formAction={uploadAction} onClick={() => setLast("upload")} pendingText={texts.uploading} variant="secondary">
            {texts.upload}
          </FormButton>
          {file && (
            <FormButton formAction={removeAction} onClick={() => setLast("remove")} pendingText={texts.removing} variant="secondary">
              {texts.remove}
            </FormButton>
          )}
        </div>
      </form>
    </section>
  );
}
