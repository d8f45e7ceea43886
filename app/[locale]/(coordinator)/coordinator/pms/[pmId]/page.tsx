import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { AssignReviewerForm } from "@/components/pm/review/assign-reviewer-form";
import { DecisionForm } from "@/components/pm/review/decision-form";
import { ExtensionForm } from "@/components/pm/review/extension-form";
import { RevisionFields, type RevisionAttachmentLink, type RevisionFieldsTexts } from "@/components/pm/review/revision-fields";
import { PmStatusBadge } from "@/components/pm/review/status-badge";
import { WordDiff } from "@/components/pm/review/word-diff";
import { Facts } from "@/components/ui/facts";
import { requirePageArea } from "@/lib/auth/page-guards";
import { addDays, formatLocalDate, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { PM_COMMENT_MAX } from "@/lib/server/pm/decide-pm";
import { getDeadlineExtension } from "@/lib/server/pm/get-deadline-extension";
import { getPmForReview, type ReviewRevision } from "@/lib/server/pm/get-pm-for-review";

type Props = { params: Promise<{ locale: string; pmId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "pmReview" });
  return { title: t("queueTitle"), robots: { index: false, follow: false } };
}

/**
 * One project PM under review: the latest version, what changed since the version before (marked
 * with <ins>/<del> and words), the decisions so far, the reviewer, the decision form, and the
 * earlier versions as they were submitted; while the PM is a draft or needs changes, a form to give
 * the participant a later deadline (and any extension already given). Coordinators and admins only.
 */
export default async function PmReviewPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const { pmId } = await params;
  const pm = await getPmForReview(user, pmId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tForms, extension] = await Promise.all([
    getTranslations({ locale, namespace: "pmReview" }),
    getTranslations({ locale, namespace: "forms" }),
    getDeadlineExtension(user, pm.bookingId),
  ]);
  const mayExtend = pm.status === "DRAFT" || pm.status === "CHANGES_REQUESTED";
  const lang = contentLang(locale);
  const [latest, ...earlier] = pm.revisions;
  const when = (at: Date) => t("submittedValue", { date: formatStockholmDate(at, locale), time: formatStockholmTime(at, locale) });
  const title = latest?.title || t("untitled");
  const fieldTexts: RevisionFieldsTexts = {
    labels: {
      title: t("field.title"),
      need: t("field.need"),
      backgroundPurpose: t("field.backgroundPurpose"),
      method: t("field.method"),
      workplace: t("field.workplace"),
      unit: t("field.unit"),
    },
    empty: t("emptyField"),
    attachment: t("attachment"),
    noAttachment: t("noAttachment"),
  };
  const attachmentOf = (r: ReviewRevision): RevisionAttachmentLink =>
    r.attachment
      ? {
          href: `/api/pm-attachments/${encodeURIComponent(r.attachment.id)}`,
          label: t("attachmentValue", { name: r.attachment.fileName, size: Math.max(1, Math.round(r.attachment.sizeBytes / 1024)) }),
        }
      : null;
  const notDecidable = pm.decidable ? null : pm.ownPm ? t("ownPm") : t(`notDecidable.${pm.status}`);

  return (
    <div className="container-page py-10 sm:py-12">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: t("coordination"), href: paths.coordinator(locale) },
          { label: t("backToQueue"), href: paths.coordinatorPms(locale) },
          { label: title, lang },
        ]}
      />
      <h1 className="text-3xl sm:text-4xl">{t.rich("detailTitle", { name: title, title: (chunks) => <span lang={lang}>{chunks}</span> })}</h1>

      <Facts
        className="mt-6"
        items={[
          { label: t("facts.participant"), value: pm.participant.name || t("erasedParticipant") },
          { label: t("facts.organisation"), value: pm.participant.organisationName ?? t("noOrganisation") },
          { label: t("facts.workshop"), value: <span lang={lang}>{t("workshopValue", { title: pm.workshop.title, edition: pm.workshop.edition })}</span> },
          { label: t("facts.status"), value: <PmStatusBadge status={pm.status} label={t(`status.${pm.status}`)} /> },
          {
            label: t("facts.submitted"),
            value: latest ? (
              <>
                {when(latest.submittedAt)}, {t("versionNumber", { number: latest.number })}
                {latest.lateWithExtension && <span className="block text-base text-muted">{t("lateWithExtension")}</span>}
              </>
            ) : (
              t("notSubmitted")
            ),
          },
          { label: t("facts.deadline"), value: formatLocalDate(pm.workshop.pmDeadline, locale) },
          { label: t("facts.reviewer"), value: pm.reviewer?.name ?? t("noReviewer") },
        ]}
      />

      <section aria-labelledby="decision-heading" className="mt-10 rounded-lg border border-line p-5 sm:p-6">
        <h2 id="decision-heading" className="text-2xl">
          {t("decisionHeading")}
        </h2>
        {pm.decidable && latest && <p className="mt-2">{t("decisionAbout", { number: latest.number, date: when(latest.submittedAt) })}</p>}
        <div className="mt-4">
          <DecisionForm
            pmId={pm.id}
            revisionId={latest?.id ?? null}
            commentMax={PM_COMMENT_MAX}
            texts={{
              legend: t("decisionLegend"),
              options: { ACCEPT: t("decision.ACCEPT"), REQUEST_CHANGES: t("decision.REQUEST_CHANGES"), DECLINE: t("decision.DECLINE") },
              hints: { ACCEPT: t("decisionHint.ACCEPT"), REQUEST_CHANGES: t("decisionHint.REQUEST_CHANGES"), DECLINE: t("decisionHint.DECLINE") },
              commentLabel: t("commentLabel"),
              commentHint: t("commentHint", { max: PM_COMMENT_MAX }),
              submit: t("decisionSubmit"),
              sending: tForms("sending"),
              saved: t("decisionSaved"),
              errorHeading: t("errorHeading"),
              notDecidable,
            }}
          />
        </div>
      </section>

      <section aria-labelledby="extension-heading" className="mt-8 rounded-lg border border-line p-5 sm:p-6">
        <h2 id="extension-heading" className="text-2xl">
          {t("extensionHeading")}
        </h2>
        <p className="mt-2 max-w-prose">
          {extension
            ? t("extensionValue", { date: formatLocalDate(extension.newDeadline, locale), reason: extension.reason })
            : t("extensionNone")}
        </p>
        {mayExtend ? (
          <>
            <p className="mt-2 max-w-prose">{t("extensionIntro", { date: formatLocalDate(pm.workshop.pmDeadline, locale) })}</p>
            <div className="mt-4">
              <ExtensionForm
                bookingId={pm.bookingId}
                locale={locale}
                minDate={addDays(pm.workshop.pmDeadline, 1)}
                texts={{
                  dateLabel: t("extensionDateLabel"),
                  dateHint: t("extensionDateHint"),
                  reasonLabel: t("extensionReasonLabel"),
                  reasonHint: t("extensionReasonHint"),
                  submit: t("extensionSubmit"),
                  sending: tForms("sending"),
                  saved: t.raw("extensionSaved") as string,
                  errorHeading: t("errorHeading"),
                }}
              />
            </div>
          </>
        ) : (
          <p className="mt-2 max-w-prose text-muted">{t("extensionClosed")}</p>
        )}
      </section>

      <section aria-labelledby="reviewer-heading" className="mt-8 rounded-lg border border-line p-5 sm:p-6">
        <h2 id="reviewer-heading" className="text-2xl">
          {t("assignHeading")}
        </h2>
        <div className="mt-4">
          {pm.assignable ? (
            <AssignReviewerForm
              pmId={pm.id}
              reviewerId={pm.reviewer?.id ?? null}
              reviewers={pm.reviewers}
              texts={{
                label: t("assignLabel"),
                hint: t("assignHint"),
                nobody: t("assignNobody"),
                submit: t("assignSubmit"),
                sending: tForms("saving"),
                saved: t("assignSaved"),
                errorHeading: t("errorHeading"),
              }}
            />
          ) : (
            <p>
              {pm.reviewer?.name ?? t("noReviewer")}. {t("assignClosed")}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="latest-heading" className="mt-10">
        <h2 id="latest-heading" className="text-2xl">
          {latest ? t("latestHeading", { number: latest.number }) : t("noRevisions")}
        </h2>
        {latest && (
          <div className="mt-4">
            <RevisionFields revision={latest} attachment={attachmentOf(latest)} texts={fieldTexts} lang={lang} />
          </div>
        )}
      </section>

      {pm.comparison && (
        <section aria-labelledby="compare-heading" className="mt-10">
          <h2 id="compare-heading" className="text-2xl">
            {t("compareHeading", { from: pm.comparison.fromNumber, to: pm.comparison.toNumber })}
          </h2>
          <p className="mt-2 max-w-prose text-base text-muted">{t("compareLegend")}</p>
          {!pm.comparison.result.changed && <p className="mt-4 font-semibold">{t("nothingChanged")}</p>}
          <div className="mt-4 grid gap-5">
            {pm.comparison.result.fields.map((f) => (
              <div key={f.field}>
                <h3 className="text-lg font-semibold">{fieldTexts.labels[f.field]}</h3>
                {f.changed ? (
                  <WordDiff
                    parts={f.parts}
                    lang={lang}
                    texts={{ deletedStart: t("deletedStart"), deletedEnd: t("deletedEnd"), insertedStart: t("insertedStart"), insertedEnd: t("insertedEnd") }}
                  />
                ) : (
                  <p className="text-muted">{t("unchanged")}</p>
                )}
              </div>
            ))}
            <div>
              <h3 className="text-lg font-semibold">{t("attachment")}</h3>
              <p className={pm.comparison.result.attachmentChanged ? "" : "text-muted"}>
                {pm.comparison.result.attachmentChanged ? t("attachmentChanged") : t("attachmentUnchanged")}
              </p>
            </div>
          </div>
        </section>
      )}

      <section aria-labelledby="reviews-heading" className="mt-10">
        <h2 id="reviews-heading" className="text-2xl">
          {t("reviewsHeading")}
        </h2>
        {pm.reviews.length === 0 ? (
          <p className="mt-2">{t("noReviews")}</p>
        ) : (
          <ol className="mt-4 grid gap-4">
            {pm.reviews.map((r) => (
              <li key={r.id} className="rounded border border-line p-4">
                <p className="font-semibold">
                  {t("reviewLine", { decision: t(`reviewDecision.${r.decision}`), number: r.revisionNumber, reviewer: r.reviewerName, date: when(r.createdAt) })}
                </p>
                {r.comment ? <p className="mt-2 max-w-prose whitespace-pre-wrap">{r.comment}</p> : <p className="mt-2 text-muted">{t("noComment")}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="earlier-heading" className="mt-10">
        <h2 id="earlier-heading" className="text-2xl">
          {t("earlierHeading")}
        </h2>
        {earlier.length === 0 ? (
          <p className="mt-2">{t("noEarlier")}</p>
        ) : (
          <div className="mt-4 grid gap-3">
            {earlier.map((r) => (
              <details key={r.id} className="rounded border border-line bg-surface px-4 py-2">
                <summary className="cursor-pointer py-1 font-semibold text-brand">{t("earlierSummary", { number: r.number, date: when(r.submittedAt) })}</summary>
                <div className="pb-2 pt-3">
                  <RevisionFields revision={r} attachment={attachmentOf(r)} texts={fieldTexts} lang={lang} />
                </div>
              </details>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
