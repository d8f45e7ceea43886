import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Field, inputClass } from "@/components/forms/field";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { PmStatusBadge } from "@/components/pm/review/status-badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";
import { listReviewQueue, QUEUE_STATUSES, reviewQueueInput, type QueueStatus } from "@/lib/server/pm/list-review-queue";

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
 * other filters, and each count links to that status.
 */
export default async function PmQueuePage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const [t, parsed] = await Promise.all([
    getTranslations({ locale, namespace: "pmReview" }),
    parseSearchParams(reviewQueueInput, await searchParams, locale),
  ]);
  const queue = await listReviewQueue(user, parsed.input);
  const lang = contentLang(locale);
  const input = parsed.input;
  const here = paths.coordinatorPms(locale);
  const statusLink = (status: QueueStatus) =>
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

      {queue.rows.length === 0 ? (
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
