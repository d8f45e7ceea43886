"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { requestSignInLinkAction } from "@/app/_actions/accounts";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

type Texts = {
  emailLabel: string;
  emailHint: string;
  submit: string;
  sending: string;
  errorHeading: string;
  sentTitle: string;
  /** With {email} left in, filled in here. */
  sentText: string;
  sentHelp: string;
  sendAgain: string;
};

/** Asks for a sign-in link. After sending it says so (the same whether or not the address has an account). */
export function SignInForm({ locale, callbackUrl, texts }: { locale: "sv" | "en"; callbackUrl?: string; texts: Texts }) {
  const [state, formAction] = useActionState<FormState<{ email: string }>, FormData>(requestSignInLinkAction, null);
  const [again, setAgain] = useState(false);
  const sentRef = useRef<HTMLDivElement>(null);
  const sent = state?.ok && !again ? state.data.email : null;
  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  if (sent) {
    return (
      <div ref={sentRef} tabIndex={-1} role="status" className="max-w-prose rounded border-l-4 border-brand bg-brand-soft p-5">
        <h2 className="text-xl">{texts.sentTitle}</h2>
        <p className="mt-2">{texts.sentText.replace("{email}", sent)}</p>
        <p className="mt-2">{texts.sentHelp}</p>
        <button type="button" className="link-button mt-3" onClick={() => setAgain(true)}>
          {texts.sendAgain}
        </button>
      </div>
    );
  }
  return (
    <form action={(form) => { setAgain(false); formAction(form); }} noValidate className="grid max-w-xl gap-5">
      <FormMessage state={state} heading={texts.errorHeading} />
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field id="email" label={texts.emailLabel} hint={texts.emailHint} errors={fieldErrorsOf(state, "email")}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-describedby={describedBy}
            aria-invalid={invalid}
            defaultValue={state && !state.ok ? undefined : ""}
            className={inputClass}
          />
        )}
      </Field>
      <div>
        <SubmitButton pendingText={texts.sending}>{texts.submit}</SubmitButton>
      </div>
    </form>
  );
}
