import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Field, inputClass } from "@/components/forms/field";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { ExtensionForm, type ExtensionFormTexts } from "@/components/pm/review/extension-form";
import { PmStatusBadge } from "@/components/pm/review/status-badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { addDays, formatLocalDate, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";
import { listPmsNotSubmitted } from "@/lib/server/pm/list-pms-not-submitted";
import { listReviewQueue, NOT_SUBMITTED, QUEUE_STATUSES, reviewQueueInput, type QueueStatus } from "@/lib/server/pm/list-review-queue";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "pmReview" });
  return { title: t("queueTitle"), robots: { index: false, follow: false } };
}

/**
 * The coordinators' queue of project PMs: a GET form filters by status, workshop, organisation and
 * reviewer ("mine", "no reviewer yet" or a named coordinator) and sorts by submission time, oldest
 * first unless chosen otherwise. It works without JavaScript; the counts per status follow the
 * other filters, and each count links to that status. "Not submitted" lists instead the participants
 * whose PM is missing or still a draft, with their personal deadline and a form to give a later one.
 */
export default async function PmQueuePage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const [t, parsed] = await Promise.all([
    getTranslations({ locale, namespace: "pmReview" }),
    parseSearchParams(reviewQueueInput, await searchParams, locale),
  ]);
  const [queue, notSubmitted] = await Promise.all([
    listReviewQueue(user, parsed.input),
    listPmsNotSubmitted(user, { workshop: parsed.input.workshop, organisation: parsed.input.organisation }),
  ]);
  const showNotSubmitted = parsed.input.status === NOT_SUBMITTED;
  const extensionTexts: ExtensionFormTexts = {
    dateLabel: t("extensionDateLabel"),
    dateHint: t("extensionDateHint"),
    reasonLabel: t("extensionReasonLabel"),
    reasonHint: t("extensionReasonHint"),
    submit: t("extensionSubmit"),
    sending: t("sending"),
    saved: t.raw("extensionSaved") as string,
    errorHeading: t("errorHeading"),
  };
  const lang = contentLang(locale);
  const input = parsed.input;
  const here = paths.coordinatorPms(locale);
  const statusLink = (status: QueueStatus | typeof NOT_SUBMITTED) =>
    withQuery(here, { status, workshop: input.workshop, organisation: input.organisation, reviewer: input.reviewer, sort: input.sort === "oldest" ? undefined : input.sort });

  return (
    <div className="container-page py-10 sm:py-12">
      <Breadcrumbs locale={locale} items={[{ label: t("coordination"), href: paths.coordinator(locale) }, { label: t("queueTitle") }]} />
      <h1 className="text-3xl sm:text-4xl">{t("queueTitle")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("queueIntro")}</p>

      <section aria-labelledby="counts-heading" className="mt-8">
        <h2 id="counts-heading" className="text-xl">
          {t("countsHeading")}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-3">
          {QUEUE_STATUSES.map((status) => (
            <li key={status}>
              <a
                href={statusLink(status)}
                aria-current={input.status === status ? "true" : undefined}
                className="inline-flex min-h-10 items-center gap-2 rounded border-2 border-line px-3 py-1 aria-[current=true]:border-brand aria-[current=true]:font-semibold"
              >
                {t(`status.${status}`)}
                <span className="tabular-nums">({queue.counts[status]})</span>
              </a>
            </li>
          ))}
          <li>
            <a
              href={statusLink(NOT_SUBMITTED)}
              aria-current={showNotSubmitted ? "true" : undefined}
              className="inline-flex min-h-10 items-center gap-2 rounded border-2 border-line px-3 py-1 aria-[current=true]:border-brand aria-[current=true]:font-semibold"
            >
              {t("statusNotSubmitted")}
              <span className="tabular-nums">({notSubmitted.length})</span>
            </a>
          </li>
        </ul>
        <p className="mt-3 text-base text-muted">
          {t("countsNote")} {t("draftsNote", { count: queue.drafts })}
        </p>
      </section>

      <form
        method="get"
        action={here}
        role="search"
        aria-label={t("filterLegend")}
        className="mt-8 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-3"
      >
        <Field id="status" label={t("filterStatus")} errors={parsed.fieldErrors.status}>
          {(c) => (
            <select id={c.id} name="status" defaultValue={input.status} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              {QUEUE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t("statusOption", { status: t(`status.${status}`), count: queue.counts[status] })}
                </option>
              ))}
              <option value="ALL">{t("filterAllStatuses")}</option>
              <option value={NOT_SUBMITTED}>{t("statusOption", { status: t("statusNotSubmitted"), count: notSubmitted.length })}</option>
            </select>
          )}
        </Field>
        <Field id="workshop" label={t("filterWorkshop")} errors={parsed.fieldErrors.workshop}>
          {(c) => (
            <select id={c.id} name="workshop" defaultValue={input.workshop ?? ""} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="">{t("filterAllWorkshops")}</option>
              {queue.workshops.map((w) => (
                <option key={w.id} value={w.id} lang={lang}>
                  {w.title.includes(w.edition) ? w.title : `${w.title} (${w.edition})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="organisation" label={t("filterOrganisation")} errors={parsed.fieldErrors.organisation}>
          {(c) => (
            <select id={c.id} name="organisation" defaultValue={input.organisation ?? ""} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="">{t("filterAllOrganisations")}</option>
              {queue.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="reviewer" label={t("filterReviewer")} errors={parsed.fieldErrors.reviewer}>
          {(c) => (
            <select id={c.id} name="reviewer" defaultValue={input.reviewer ?? ""} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="">{t("filterAllReviewers")}</option>
              <option value="mine">{t("filterMine")}</option>
              <option value="unassigned">{t("filterUnassigned")}</option>
              {queue.reviewers
                .filter((r) => r.id !== user.id)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field id="sort" label={t("sort")} errors={parsed.fieldErrors.sort}>
          {(c) => (
            <select id={c.id} name="sort" defaultValue={input.sort} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="oldest">{t("sortOldest")}</option>
              <option value="newest">{t("sortNewest")}</option>
            </select>
          )}
        </Field>
        <div className="flex items-end">
          <button type="submit" className="button-primary">
            {t("filterSubmit")}
          </button>
        </div>
      </form>

      {showNotSubmitted ? (
        <section aria-labelledby="not-submitted-heading" className="mt-8">
          <h2 id="not-submitted-heading" className="text-2xl">
            {t("notSubmittedHeading")}
          </h2>
          <p className="mt-2 max-w-prose">{t("notSubmittedIntro")}</p>
          {notSubmitted.length === 0 ? (
            <p className="mt-6">{t("notSubmittedNone")}</p>
          ) : (
            <TableRegion captionId="not-submitted-caption">
              <table className="w-full min-w-[56rem] border-collapse text-base">
                <caption id="not-submitted-caption" className="px-3 py-2 text-left font-semibold">
                  {t("notSubmittedCaption", { count: notSubmitted.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      {t("columnParticipant")}
                    </th>
                    <th scope="col" className={th}>
                      {t("columnOrganisation")}
                    </th>
                    <th scope="col" className={th}>
                      {t("columnWorkshop")}
                    </th>
                    <th scope="col" className={th}>
                      {t("columnDeadline")}
                    </th>
                    <th scope="col" className={th}>
                      {t("columnPm")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {notSubmitted.map((row) => {
                    const name = row.participantName || t("erasedParticipant");
                    return (
                      <tr key={row.bookingId}>
                        <th scope="row" className={`${td} text-left font-semibold`}>
                          {name}
                        </th>
                        <td className={td}>{row.organisationName ?? t("noOrganisation")}</td>
                        <td className={td}>
                          <span lang={lang}>{row.workshopTitle}</span>
                        </td>
                        <td className={td}>
                          <span className="font-semibold">{formatLocalDate(row.deadline, locale)}</span>
                          {row.extension && (
                            <>
                              <span className="block text-sm text-muted">{t("workshopDeadlineValue", { date: formatLocalDate(row.workshopDeadline, locale) })}</span>
                              <span className="block max-w-xs text-sm text-muted">{t("extensionValue", { date: formatLocalDate(row.extension.newDeadline, locale), reason: row.extension.reason })}</span>
                            </>
                          )}
                        </td>
                        <td className={td}>
                          {row.pmId ? (
                            <a href={paths.coordinatorPm(locale, row.pmId)} aria-label={t("pmDraftLinkFor", { name })}>
                              {t("pmDraftLink")}
                            </a>
                          ) : (
                            <>
                              <span className="block">{t("pmNotStarted")}</span>
                              <details className="mt-1">
                                <summary className="cursor-pointer py-1 font-semibold text-brand">{t("extensionOpen", { name })}</summary>
                                <div className="pt-2">
                                  <ExtensionForm bookingId={row.bookingId} locale={locale} minDate={addDays(row.workshopDeadline, 1)} compact texts={extensionTexts} />
                                </div>
                              </details>
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      ) : queue.rows.length === 0 ? (
        <p className="mt-8">{t("none")}</p>
      ) : (
        <TableRegion captionId="queue-caption">
          <table className="w-full min-w-[56rem] border-collapse text-base">
            <caption id="queue-caption" className="px-3 py-2 text-left font-semibold">
              {t("caption", { count: queue.rows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("columnTitle")}
                </th>
                <th scope="col" className={th}>
                  {t("columnParticipant")}
                </th>
                <th scope="col" className={th}>
                  {t("columnOrganisation")}
                </th>
                <th scope="col" className={th}>
                  {t("columnWorkshop")}
                </th>
                <th scope="col" className={th}>
                  {t("columnStatus")}
                </th>
                <th scope="col" className={th}>
                  {t("columnSubmitted")}
                </th>
                <th scope="col" className={th}>
                  {t("columnReviewer")}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((row) => (
                <tr key={row.pmId}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <a href={paths.coordinatorPm(locale, row.pmId)} lang={lang} className="font-semibold">
                      {row.title || t("untitled")}
                    </a>
                  </th>
                  <td className={td}>{row.participantName || t("erasedParticipant")}</td>
                  <td className={td}>{row.organisationName ?? t("noOrganisation")}</td>
                  <td className={td}>
                    <span lang={lang}>{row.workshopTitle}</span>
                  </td>
                  <td className={td}>
                    <PmStatusBadge status={row.status} label={t(`status.${row.status}`)} />
                  </td>
                  <td className={td}>
                    {row.submittedAt ? (
                      <>
                        {t("submittedValue", { date: formatStockholmDate(row.submittedAt, locale), time: formatStockholmTime(row.submittedAt, locale) })}
                        {row.revisionNumber !== null && <span className="block text-sm text-muted">{t("versionNumber", { number: row.revisionNumber })}</span>}
                        {row.lateWithExtension && <span className="block text-sm text-muted">{t("lateWithExtension")}</span>}
                      </>
                    ) : (
                      t("notSubmitted")
                    )}
                  </td>
                  <td className={td}>{row.reviewer?.name ?? t("noReviewer")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
