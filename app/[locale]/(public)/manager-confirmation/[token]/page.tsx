import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PreTrainingAnswers } from "@/components/pre-training/answers";
import { ManagerConfirmForm } from "@/components/pre-training/manager-confirm-form";
import { Facts } from "@/components/ui/facts";
import { formatLocalDate, formatStockholmDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { contentLang } from "@/lib/i18n/routing";
import { getManagerConfirmation } from "@/lib/server/pre-training/get-manager-confirmation";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "managerConfirmation" });
  // The address holds the secret: never indexed, never sent on to another site. ("no-referrer"
  // would also blank the Origin of the page's own POST, which Next.js's server actions refuse.)
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/**
 * The manager's read-only page, opened from the e-mailed link without signing in: who, where they
 * work, which workshop, the answers, and one button to confirm. A link that does not (or no longer)
 * work is the ordinary "not found" page, which tells nothing about the form.
 */
export default async function ManagerConfirmationPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const { token } = await params;
  const view = await getManagerConfirmation(token);
  if (!view) notFound();
  const [t, tp, tForms] = await Promise.all([
    getTranslations({ locale, namespace: "managerConfirmation" }),
    getTranslations({ locale, namespace: "preTraining" }),
    getTranslations({ locale, namespace: "forms" }),
  ]);
  const lang = contentLang(locale);

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro", { participant: view.participantName })}</p>
      <Facts
        className="mt-6"
        items={[
          { label: tp("participant"), value: view.participantName },
          { label: tp("organisation"), value: view.organisationName ?? tp("noOrganisation") },
          { label: tp("workshop"), value: <span lang={lang}>{view.workshop.title}</span> },
          {
            label: tp("period"),
            value: tp("periodValue", { start: formatLocalDate(view.workshop.startsOn, locale), end: formatLocalDate(view.workshop.endsOn, locale) }),
          },
          { label: t("manager"), value: view.managerName },
          { label: t("submittedOn"), value: formatStockholmDate(view.submittedAt, locale) },
        ]}
      />

      <section aria-labelledby="answers-heading" className="mt-8">
        <h2 id="answers-heading" className="text-2xl">
          {tp("answers.heading")}
        </h2>
        <PreTrainingAnswers
          className="mt-4"
          answers={{ expectedGain: view.expectedGain, disseminationPlan: view.disseminationPlan }}
          texts={{
            expectedGain: tp("answers.expectedGain"),
            disseminationPlan: tp("answers.disseminationPlan"),
            manager: tp("answers.manager"),
            managerValue: tp.raw("answers.managerValue") as string,
            agreed: tp("answers.agreed"),
            yes: tp("answers.yes"),
            no: tp("answers.no"),
            empty: tp("answers.empty"),
          }}
        />
      </section>

      <section aria-labelledby="confirm-heading" className="mt-8 max-w-prose">
        <h2 id="confirm-heading" className="text-2xl">
          {t("confirmHeading")}
        </h2>
        {view.managerConfirmedAt ? (
          <p className="mt-4 rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
            {t("confirmed", { date: formatStockholmDate(view.managerConfirmedAt, locale) })}
          </p>
        ) : (
          <>
            <p className="mt-4">{t("confirmText", { participant: view.participantName })}</p>
            <ManagerConfirmForm
              token={token}
              locale={locale}
              texts={{ confirm: t("confirm"), confirming: t("confirming"), confirmed: t.raw("confirmed") as string, errorHeading: tForms("errorHeading") }}
            />
          </>
        )}
      </section>
    </div>
  );
}
