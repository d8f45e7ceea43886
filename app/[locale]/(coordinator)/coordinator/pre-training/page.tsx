import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Field, inputClass } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import type { PreTrainingCompletion } from "@/lib/domain/pre-training";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";
import { getPreTrainingOverview, preTrainingOverviewInput } from "@/lib/server/pre-training/get-pre-training-overview";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "preTrainingOverview" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Pre-training forms for coordinators: per workshop and organisation, how many package participants
 * have submitted, how many managers have confirmed, and the names of those still missing.
 */
export default async function CoordinatorPreTrainingPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  await requirePageArea(locale, "coordinator");
  const [t, tCoordination, parsed] = await Promise.all([
    getTranslations({ locale, namespace: "preTrainingOverview" }),
    getTranslations({ locale, namespace: "coordination" }),
    parseSearchParams(preTrainingOverviewInput, await searchParams, locale),
  ]);
  const overview = await getPreTrainingOverview(parsed.input);
  const lang = contentLang(locale);
  const orgName = (c: PreTrainingCompletion) => c.organisationName ?? t("noOrganisation");

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>

      {overview.workshops.length === 0 ? (
        <p className="mt-8">{t("none")}</p>
      ) : (
        <form
          method="get"
          action={paths.coordinatorPreTraining(locale)}
          role="search"
          aria-label={t("filterLegend")}
          className="mt-8 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4 sm:p-5"
        >
          <Field id="workshop" label={t("filterLabel")} errors={parsed.fieldErrors.workshop}>
            {(c) => (
              <select
                id={c.id}
                name="workshop"
                defaultValue={parsed.input.workshop ?? ""}
                aria-describedby={c.describedBy}
                aria-invalid={c.invalid || undefined}
                className={inputClass}
              >
                <option value="">{t("filterAll")}</option>
                {overview.workshops.map((w) => (
                  <option key={w.id} value={w.id} lang={lang}>
                    {w.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button-primary">
            {t("filterSubmit")}
          </button>
        </form>
      )}

      {overview.sections.map(({ workshop, organisations, total }) => {
        const headingId = `workshop-${workshop.id}`;
        const withNames = organisations.filter((o) => o.missing.length > 0 || o.awaitingManager.length > 0);
        return (
          <section key={workshop.id} aria-labelledby={headingId} className="mt-10 rounded-lg border border-line p-5 sm:p-6">
            <h2 id={headingId} className="text-2xl">
              <span lang={lang}>{workshop.title}</span>
            </h2>
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <Badge tone={workshop.status === "DRAFT" ? "warning" : "gathering"}>
                {tCoordination(workshop.status === "DRAFT" ? "draft" : "published")}
              </Badge>
              <span className="text-base text-muted">{tCoordination("edition", { edition: workshop.edition })}</span>
            </p>
            <p className="mt-4">
              {t("closes", { date: formatStockholmDate(workshop.closesAt, locale), time: formatStockholmTime(workshop.closesAt, locale) })}
            </p>

            {total.participants === 0 ? (
              <p className="mt-4">{t("noParticipants")}</p>
            ) : (
              <>
                <TableRegion captionId={`${headingId}-caption`}>
                  <table className="w-full min-w-[40rem] border-collapse text-base">
                    <caption id={`${headingId}-caption`} className="px-3 py-2 text-left font-semibold">
                      {t.rich("caption", { workshop: workshop.title, title: (chunks) => <span lang={lang}>{chunks}</span> })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" className={th}>
                          {t("organisationColumn")}
                        </th>
                        <th scope="col" className={`${th} text-right`}>
                          {t("participantsColumn")}
                        </th>
                        <th scope="col" className={`${th} text-right`}>
                          {t("submittedColumn")}
                        </th>
                        <th scope="col" className={`${th} text-right`}>
                          {t("confirmedColumn")}
                        </th>
                        <th scope="col" className={`${th} text-right`}>
                          {t("missingColumn")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {organisations.map((o) => (
                        <tr key={o.organisationName ?? ""}>
                          <th scope="row" className={`${td} text-left font-normal`}>
                            {orgName(o)}
                          </th>
                          <td className={`${td} text-right tabular-nums`}>{o.participants}</td>
                          <td className={`${td} text-right tabular-nums`}>{o.submitted}</td>
                          <td className={`${td} text-right tabular-nums`}>{o.confirmed}</td>
                          <td className={`${td} text-right tabular-nums`}>{o.missing.length}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row" className={`${td} text-left`}>
                          {t("total")}
                        </th>
                        <td className={`${td} text-right font-semibold tabular-nums`}>{total.participants}</td>
                        <td className={`${td} text-right font-semibold tabular-nums`}>{total.submitted}</td>
                        <td className={`${td} text-right font-semibold tabular-nums`}>{total.confirmed}</td>
                        <td className={`${td} text-right font-semibold tabular-nums`}>{total.missing.length}</td>
                      </tr>
                    </tfoot>
                  </table>
                </TableRegion>

                <h3 className="mt-8 text-xl">{t("namesHeading")}</h3>
                {withNames.length === 0 ? (
                  <p className="mt-2">{t("allDone")}</p>
                ) : (
                  withNames.map((o) => (
                    <div key={o.organisationName ?? ""} className="mt-4">
                      <h4 className="font-semibold">{orgName(o)}</h4>
                      <dl className="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(9rem,max-content)_1fr]">
                        {o.missing.length > 0 && (
                          <>
                            <dt className="text-muted">{t("missingNames")}</dt>
                            <dd>
                              <ul className="flex flex-wrap gap-x-1">
                                {o.missing.map((name, i) => (
                                  <li key={`${name}-${i}`}>
                                    {name}
                                    {i < o.missing.length - 1 ? "," : ""}
                                  </li>
                                ))}
                              </ul>
                            </dd>
                          </>
                        )}
                        {o.awaitingManager.length > 0 && (
                          <>
                            <dt className="text-muted">{t("awaitingNames")}</dt>
                            <dd>
                              <ul className="flex flex-wrap gap-x-1">
                                {o.awaitingManager.map((name, i) => (
                                  <li key={`${name}-${i}`}>
                                    {name}
                                    {i < o.awaitingManager.length - 1 ? "," : ""}
                                  </li>
                                ))}
                              </ul>
                            </dd>
                          </>
                        )}
                      </dl>
                    </div>
                  ))
                )}
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
