import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PreTrainingAnswers } from "@/components/pre-training/answers";
import { PreTrainingForm } from "@/components/pre-training/pre-training-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { requirePageUser } from "@/lib/auth/page-guards";
import type { PreTrainingState } from "@/lib/domain/pre-training";
import { formatLocalDate, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getPreTrainingForm } from "@/lib/server/pre-training/get-pre-training-form";
import { idField } from "@/lib/validation/fields";

type Props = { params: Promise<{ locale: string; bookingId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "preTraining" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const TONES: Record<PreTrainingState, BadgeTone> = { NOT_STARTED: "warning", DRAFT: "warning", SUBMITTED: "neutral", CONFIRMED: "gathering" };

/**
 * Before the training: a package participant states the benefit they expect, how they will spread
 * the knowledge at their workplace, and that they have agreed it with their manager. Editable until
 * the workshop starts, then read-only. The orderer who booked the participant may read the answers.
 */
export default async function PreTrainingPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const { bookingId } = await params;
  if (!idField.safeParse(bookingId).success) notFound();
  const view = await getPreTrainingForm(user, bookingId, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tForms] = await Promise.all([getTranslations({ locale, namespace: "preTraining" }), getTranslations({ locale, namespace: "forms" })]);
  const lang = contentLang(locale);
  const submitted = view.state === "SUBMITTED" || view.state === "CONFIRMED";
  const answerTexts = {
    expectedGain: t("answers.expectedGain"),
    disseminationPlan: t("answers.disseminationPlan"),
    manager: t("answers.manager"),
    managerValue: t.raw("answers.managerValue") as string,
    agreed: t("answers.agreed"),
    yes: t("answers.yes"),
    no: t("answers.no"),
    empty: t("answers.empty"),
  };

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <Facts
        className="mt-6"
        items={[
          { label: t("workshop"), value: <span lang={lang}>{view.workshop.title}</span> },
          {
            label: t("period"),
            value: t("periodValue", { start: formatLocalDate(view.workshop.startsOn, locale), end: formatLocalDate(view.workshop.endsOn, locale) }),
          },
          { label: t("participant"), value: view.participantName },
          { label: t("organisation"), value: view.organisationName ?? t("noOrganisation") },
          { label: t("status"), value: <Badge tone={TONES[view.state]}>{t(`states.${view.state}`)}</Badge> },
        ]}
      />

      {view.viewer === "orderer" ? (
        <section className="mt-8">
          <p className="max-w-prose text-lg">{t("ordererNote", { participant: view.participantName })}</p>
          {submitted ? (
            <PreTrainingAnswers className="mt-6" answers={view.answers} texts={answerTexts} />
          ) : (
            <p className="mt-4">{t("ordererNothingYet", { participant: view.participantName })}</p>
          )}
        </section>
      ) : (
        <section className="mt-8">
          {view.open && <p className="mb-6 max-w-prose text-lg">{t("intro")}</p>}
          <div className="grid max-w-prose gap-3">
            {view.open ? (
              <p>{t("closes", { date: formatStockholmDate(view.closesAt, locale), time: formatStockholmTime(view.closesAt, locale) })}</p>
            ) : (
              <p className="rounded border-l-4 border-warning bg-warning-soft p-4 font-semibold">
                {submitted ? t("closed") : t("closedNotSubmitted")}
              </p>
            )}
            {view.submittedAt && (
              <p>{t("submittedNote", { date: formatStockholmDate(view.submittedAt, locale), manager: view.answers.managerName })}</p>
            )}
            {view.managerConfirmedAt && (
              <p>{t("confirmedNote", { manager: view.answers.managerName, date: formatStockholmDate(view.managerConfirmedAt, locale) })}</p>
            )}
            {view.open && submitted && <p>{t("resubmitNote")}</p>}
          </div>

          {view.open ? (
            <div className="mt-8">
              <PreTrainingForm
                bookingId={view.bookingId}
                values={view.answers}
                submitted={submitted}
                texts={{
                  allRequired: t("form.allRequired"),
                  expectedGainLabel: t("form.expectedGainLabel"),
                  expectedGainHint: t("form.expectedGainHint"),
                  disseminationPlanLabel: t("form.disseminationPlanLabel"),
                  disseminationPlanHint: t("form.disseminationPlanHint"),
                  managerLegend: t("form.managerLegend"),
                  managerHint: t("form.managerHint"),
                  managerNameLabel: t("form.managerNameLabel"),
                  managerEmailLabel: t("form.managerEmailLabel"),
                  managerEmailHint: t("form.managerEmailHint"),
                  agreedLabel: t("form.agreedLabel"),
                  saveDraft: t("form.saveDraft"),
                  submit: t("form.submit"),
                  resubmit: t("form.resubmit"),
                  saving: tForms("saving"),
                  sending: t("form.sending"),
                  saved: t("form.saved"),
                  submitted: t.raw("form.submitted") as string,
                  conflict: t("form.conflict"),
                  errorHeading: tForms("errorHeading"),
                }}
              />
            </div>
          ) : (
            submitted && (
              <section aria-labelledby="answers-heading" className="mt-8">
                <h2 id="answers-heading" className="text-2xl">
                  {t("answers.heading")}
                </h2>
                <PreTrainingAnswers className="mt-4" answers={view.answers} texts={answerTexts} />
              </section>
            )
          )}
        </section>
      )}

      <p className="mt-10">
        <a href={paths.bookings(locale)}>{t("backToBookings")}</a>
      </p>
    </div>
  );
}
