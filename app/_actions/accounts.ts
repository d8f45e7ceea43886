"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { alternatePath, localeOfPath } from "@/lib/i18n/alternate-path";
import { paths, withQuery } from "@/lib/i18n/paths";
import { defineAction } from "@/lib/server/action";
import { completeProfile, completeProfileInput } from "@/lib/server/accounts/complete-profile";
import { requestSignInLink, requestSignInLinkInput } from "@/lib/server/accounts/request-sign-in-link";
import { setLocale, setLocaleInput } from "@/lib/server/accounts/set-locale";
import { clientIp } from "@/lib/server/security/client-ip";
import { localPathField } from "@/lib/validation/fields";

/** Thin server actions for accounts: each validates, checks access and calls one use case (lib/server/accounts). */

export const requestSignInLinkAction = defineAction({
  name: "accounts.requestSignInLink",
  access: { kind: "public" },
  input: requestSignInLinkInput,
  run: async ({ input, now }) => {
    await requestSignInLink(input, { ip: await clientIp(), now });
    // The same answer whether or not the address has an account.
    return { email: input.email };
  },
});

export const completeProfileAction = defineAction({
  name: "accounts.completeProfile",
  access: { kind: "user", allowIncompleteProfile: true },
  input: completeProfileInput.and(z.object({ next: localPathField.optional().or(z.literal("").transform(() => undefined)) })),
  run: async ({ input, user, now }) => {
    await completeProfile(user.id, input, now);
    // The header shows the name and the areas: render the layout again, not only the page.
    revalidatePath("/", "layout");
    // Onwards to where the person was going, in the language they chose.
    const target = input.next ? alternatePath(input.next, localeOfPath(input.next), input.locale) : undefined;
    redirect(target ?? withQuery(paths.account(input.locale), { saved: "1" }));
  },
});

/** The header's language switch for a signed-in person: remembered on the profile (and for e-mails). */
export const switchLanguageAction = defineAction({
  name: "accounts.switchLanguage",
  access: { kind: "user", allowIncompleteProfile: true },
  input: setLocaleInput.extend({ returnTo: localPathField }),
  run: async ({ input, user }) => {
    await setLocale(user.id, { locale: input.locale });
    redirect(alternatePath(input.returnTo, localeOfPath(input.returnTo), input.locale));
  },
});
