"use client";

import { usePathname } from "next/navigation";
import { useActionState } from "react";
import { switchLanguageAction } from "@/app/_actions/accounts";
import type { FormState } from "@/components/forms/form-state";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The language switch for a signed-in person: a form, so the choice is stored on the profile
 * (and used for e-mails), and it works before JavaScript has loaded. On success the action
 * redirects to the same page in the other language; a failure is shown next to the button.
 */
export function LanguageSwitchForm({ locale, label }: { locale: AppLocale; label: string }) {
  // The page shown now; the action answers with the same page in the chosen language.
  const returnTo = usePathname();
  const [state, formAction] = useActionState<FormState<never>, FormData>(switchLanguageAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" lang={locale} className="link-button">
        {label}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-base text-danger">
          {state.message}
        </span>
      )}
    </form>
  );
}
