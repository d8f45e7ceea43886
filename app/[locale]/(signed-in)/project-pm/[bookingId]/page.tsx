import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PmAttachmentForm } from "@/components/pm/pm-attachment-form";
import { PmForm } from "@/components/pm/pm-form";
import { PmRevisions } from "@/components/pm/pm-revisions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { requirePageUser } from "@/lib/auth/page-guards";
import { PM_ATTACHMENT_MAX_MB } from "@/lib/domain/pm/attachment";
import type { PmStatus } from "@/lib/domain/pm/machine";
import { formatLocalDate, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getPmForParticipant } from "@/lib/server/pm/get-pm-for-participant";
import { idField } from "@/lib/validation/fields";

type Props = { params: Promise<{ locale: string; bookingId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "projectPm" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const TONES: Record<PmStatus, BadgeTone> = {
  DRAFT: "warning",
  SUBMITTED: "neutral",
  CHANGES_REQUESTED: "warning",
  ACCEPTED: "gathering",
  DECLINED: "danger",
  WITHDRAWN: "neutral",
};

const attachmentHref = (id: string) => `/api/pm-attachments/${encodeURIComponent(id)}`;

/**
 * The participant's project PM for one own-project package booking: the workshop, the deadline in
 * words, the status, the form with its attachment (while it may be changed), the submitted versions
 * with the coordinators' comments, and, once accepted, the way to their improvement project.
 */
export default async function ProjectPmPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const { bookingId } = await params;
  if (!idField.safeParse(bookingId).success) notFound();
  const view = await getPmForParticipant(user, bookingId, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "projectPm" });
  const lang = contentLang(locale);
  const statusNote: Partial<Record<PmStatus, string>> = {
    SUBMITTED: t("submittedNote"),
    CHANGES_REQUESTED: t("changesNote"),
    ACCEPTED: t("acceptedNote"),
    DECLINED: t("declinedNote"),
    WITHDRAWN: t("withdrawnNote"),
  };
  const draftValues = { ...view.draft, method: view.draft.method ?? "" };

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <Facts
        className="mt-6"
        items={[
          { label: t("workshop"), value: <span lang={lang}>{view.workshop.title}</span> },
          { label: t("deadline"), value: t("deadlineValue", { date: formatLocalDate(view.deadline, locale) }) },
          { label: t("status"), value: <Badge tone={TONES[view.status]}>{t(`states.${view.status}`)}</Badge> },
        ]}
      />
      {view.extension && <p className="mt-4 max-w-prose">{t("extensionNote", { reason: view.extension.reason })}</p>}

      <div className="mt-8 grid max-w-prose gap-3">
        {view.status === "DRAFT" && <p className="text-lg">{t("intro")}</p>}
        {statusNote[view.status] && <p className="text-lg">{statusNote[view.status]}</p>}
        {view.tooLate && view.editable && (
          <p className="rounded border-l-4 border-warning bg-warning-soft p-4 font-semibold">{t("tooLate")}</p>
        )}
        {view.status === "ACCEPTED" && (
          <p>
            <a href={paths.myProject(locale)} className="font-semibold">
              {t("myProjectLink")}
            </a>
          </p>
        )}
      </div>

      {view.editable && (
        <section aria-labelledby="pm-form-heading" className="mt-10 grid gap-10">
          <h2 id="pm-form-heading" className="text-2xl">
            {t("form.heading")}
          </h2>
          <PmForm
            bookingId={view.bookingId}
            values={draftValues}
            canSubmit={view.canSubmit}
            resubmit={view.revisions.length > 0}
            texts={{
              requiredNote: t("form.requiredNote"),
              required: t("form.required"),
              optional: t("form.optional"),
              titleLabel: t("form.titleLabel"),
              needLabel: t("form.needLabel"),
              needHint: t("form.needHint"),
              backgroundPurposeLabel: t("form.backgroundPurposeLabel"),
              backgroundPurposeHint: t("form.backgroundPurposeHint"),
              methodLabel: t("form.methodLabel"),
              methodHint: t("form.methodHint"),
              workplaceLabel: t("form.workplaceLabel"),
              unitLabel: t("form.unitLabel"),
              saveDraft: t("form.saveDraft"),
              submit: t("form.submit"),
              resubmit: t("form.resubmit"),
              saving: t("form.saving"),
              sending: t("form.sending"),
              saved: t("form.saved"),
              submitted: t.raw("form.submitted") as string,
              autosaved: t("form.autosaved"),
              errorHeading: t("form.errorHeading"),
            }}
          />
          <PmAttachmentForm
            bookingId={view.bookingId}
            file={
              view.draftFile
                ? {
                    name: view.draftFile.fileName,
                    href: attachmentHref(view.draftFile.id),
                    size: t("attachment.size", { kb: Math.max(1, Math.round(view.draftFile.sizeBytes / 1024)) }),
                  }
                : null
            }
            texts={{
              heading: t("attachment.heading"),
              hint: t("attachment.hint", { max: PM_ATTACHMENT_MAX_MB }),
              current: t("attachment.current"),
              none: t("attachment.none"),
              fileLabel: t("attachment.fileLabel"),
              upload: t("attachment.upload"),
              uploading: t("attachment.uploading"),
              remove: t("attachment.remove"),
              removing: t("attachment.removing"),
              uploaded: t("attachment.uploaded"),
              removed: t("attachment.removed"),
              errorHeading: t("form.errorHeading"),
            }}
          />
        </section>
      )}

      <PmRevisions
        lang={lang}
        items={view.revisions.map((r) => ({
          number: r.number,
          heading: t("revisions.version", {
            number: r.number,
            date: formatStockholmDate(r.submittedAt, locale),
            time: formatStockholmTime(r.submittedAt, locale),
          }),
          late: r.lateWithExtension ? t("revisions.lateWithExtension") : null,
          texts: r.texts,
          file: r.file ? { name: r.file.fileName, href: attachmentHref(r.file.id) } : null,
          reviews: r.reviews.map((v) => ({
            decision: v.decision,
            line: t("revisions.commentBy", { decision: t(`revisions.decisions.${v.decision}`), name: v.reviewerName, date: formatStockholmDate(v.createdAt, locale) }),
            comment: v.comment,
          })),
        }))}
        texts={{
          heading: t("revisions.heading"),
          none: t("revisions.none"),
          comments: t("revisions.comments"),
          noComments: t("revisions.noComments"),
          method: t("revisions.method"),
          empty: t("revisions.empty"),
          file: t("revisions.file"),
          titleLabel: t("form.titleLabel"),
          needLabel: t("form.needLabel"),
          backgroundPurposeLabel: t("form.backgroundPurposeLabel"),
          workplaceLabel: t("form.workplaceLabel"),
          unitLabel: t("form.unitLabel"),
        }}
      />

      <p className="mt-10">
        <a href={paths.bookings(locale)}>{t("backToBookings")}</a>
      </p>
    </div>
  );
}
