import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { DemoSignIn } from "@/components/auth/demo-sign-in";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { demoSignInEnabled, devToolsEnabled, getEnv } from "@/lib/env";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { listDemoUsers } from "@/lib/server/accounts/list-demo-users";
import { localPathField } from "@/lib/validation/fields";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  return { title: (await getTranslations({ locale, namespace: "signIn" }))("title"), robots: { index: false } };
}

/** Sign-in by e-mail link; next-auth sends people here also when a link has expired (?error=Verification). */
export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const query = await searchParams;
  const parsedCallback = localPathField.safeParse(typeof query.callbackUrl === "string" ? query.callbackUrl : undefined);
  const callbackUrl = parsedCallback.success ? parsedCallback.data : undefined;
  const error = typeof query.error === "string" ? query.error : undefined;

  const user = await getSessionUser();
  if (user) redirect(callbackUrl ?? paths.account(locale));

  const env = getEnv();
  const [t, tForms, tRoles, demoUsers] = await Promise.all([
    getTranslations({ locale, namespace: "signIn" }),
    getTranslations({ locale, namespace: "forms" }),
    getTranslations({ locale, namespace: "roles" }),
    listDemoUsers(),
  ]);

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      {error && (
        <p role="alert" className="mt-6 max-w-prose rounded border-l-4 border-danger bg-danger-soft p-4 font-semibold">
          {error === "Verification" ? t("errorVerification") : t("errorDefault")}
        </p>
      )}
      <div className="mt-8">
        <SignInForm
          locale={locale}
          callbackUrl={callbackUrl}
          texts={{
            emailLabel: t("emailLabel"),
            emailHint: t("emailHint"),
            submit: t("submit"),
            sending: tForms("sending"),
            errorHeading: tForms("errorHeading"),
            sentTitle: t("sentTitle"),
            sentText: t("sentText", { email: "{email}", minutes: env.MAGIC_LINK_MINUTES }),
            sentHelp: t("sentHelp"),
            sendAgain: t("sendAgain"),
          }}
        />
      </div>
      {devToolsEnabled(env) && (
        <p className="mt-6">
          <a href={paths.devMail(locale)}>{t("devMailLink")}</a>
        </p>
      )}
      {demoSignInEnabled(env) && demoUsers.length > 0 && (
        <section aria-labelledby="demo-heading" className="mt-12 max-w-3xl rounded-lg border border-warning bg-warning-soft p-5 sm:p-6">
          <h2 id="demo-heading" className="text-xl">
            {t("demoHeading")}
          </h2>
          <p className="mt-2">{t("demoIntro")}</p>
          <DemoSignIn
            callbackUrl={callbackUrl ?? paths.calendar(locale)}
            buttonLabel={t("demoButton", { name: "{name}" })}
            failedText={t("demoFailed")}
            people={demoUsers.map((u) => ({
              email: u.email,
              name: u.name,
              roleNames: u.roles.map((r) => tRoles(r)).join(", "),
            }))}
          />
        </section>
      )}
    </div>
  );
}
