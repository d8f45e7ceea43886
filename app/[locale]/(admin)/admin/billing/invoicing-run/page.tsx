import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Field, inputClass } from "@/components/forms/field";
import { RunForm } from "@/components/billing/invoicing-run/run-form";
import { problemText } from "@/components/billing/invoicing-run/problem-text";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatSek } from "@/lib/domain/money";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { listInvoicingWorkshops, previewConsolidatedInvoicing } from "@/lib/server/billing/consolidated-invoicing";
import { firstValues, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

/** "Förbättringsverkstad 2026/27", with the edition added when the title does not say it. */
const workshopName = (w: { title: string; edition: string }) => (w.title.includes(w.edition) ? w.title : `${w.title} (${w.edition})`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "invoicingRun" });
  return { title: t("title") };
}

/**
 * "Samlingsfakturering": the admin picks a workshop (a GET form, so the choice is in the address),
 * sees one row per invoice the run would create (organisation and buyer reference, bookings, total,
 * and what stops a row), and runs it; the result lists the invoices with their UBL and PDF files.
 */
export default async function InvoicingRunPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const asked = firstValues(await searchParams).workshop;
  const [t, messages, workshops] = await Promise.all([
    getTranslations({ locale, namespace: "invoicingRun" }),
    getMessages({ locale }),
    listInvoicingWorkshops(me),
  ]);
  const chosen = workshops.find((w) => w.id === asked) ?? (workshops.length === 1 ? workshops[0] : undefined);
  const preview = chosen ? await previewConsolidatedInvoicing(me, { workshopId: chosen.id }, new Date()) : null;
  const ready = preview?.groups.filter((g) => g.problems.length === 0) ?? [];
  const withProblems = (preview?.groups.length ?? 0) - ready.length;
  const lang = contentLang(locale);
  const problem = problemText((key, values) => t(key, values), (key) => t.has(key));
  // Workshop titles are written in Swedish, whatever language the page is in (WCAG 3.1.2).
  const inContentLang = (chunks: ReactNode) => <span lang={lang}>{chunks}</span>;

  return (
    <>
      <p className="mb-4">
        <a href={paths.adminBilling(locale)}>{t("backToBilling")}</a>
      </p>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>

      {workshops.length === 0 ? (
        <p className="mt-8">{t("noWorkshops")}</p>
      ) : (
        <form
          method="get"
          action={paths.adminInvoicingRun(locale)}
          aria-label={t("chooseLabel")}
          className="mt-8 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end sm:p-5"
        >
          <Field id="workshop" label={t("workshopLabel")} hint={t("workshopHint")}>
            {(c) => (
              <select id={c.id} name="workshop" defaultValue={chosen?.id ?? ""} aria-describedby={c.describedBy} className={inputClass}>
                {!chosen && <option value="">{t("chooseWorkshop")}</option>}
                {workshops.map((w) => (
                  <option key={w.id} value={w.id}>
                    {t(w.consolidatedInvoicing ? "workshopOptionConsolidated" : "workshopOption", { title: workshopName(w) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <button type="submit" className="button-secondary">
              {t("show")}
            </button>
          </p>
        </form>
      )}

      {chosen && preview && (
        <section aria-labelledby="preview-heading" className="mt-10">
          <h2 id="preview-heading" className="text-2xl">
            {t("previewHeading")}
          </h2>
          <p className="mt-3 max-w-prose">{t(chosen.consolidatedInvoicing ? "consolidatedOn" : "consolidatedOff")}</p>
          {preview.groups.length === 0 ? (
            <p className="mt-3 max-w-prose font-semibold">{t.rich("nothing", { workshop: chosen.title, w: inContentLang })}</p>
          ) : (
            <>
              <TableRegion captionId="preview-caption">
                <table className="w-full min-w-[48rem] border-collapse text-base">
                  <caption id="preview-caption" className="px-3 py-2 text-left font-semibold">
                    {t.rich("previewCaption", { workshop: chosen.title, w: inContentLang })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className={th}>{t("colOrganisation")}</th>
                      <th scope="col" className={th}>{t("colReference")}</th>
                      <th scope="col" className={`${th} text-right`}>{t("colBookings")}</th>
                      <th scope="col" className={`${th} text-right`}>{t("colTotal")}</th>
                      <th scope="col" className={th}>{t("colStatus")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.groups.map((g) => (
                      <tr key={`${g.organisationId}:${g.buyerReference}`}>
                        <th scope="row" className={`${td} text-left`}>{g.organisationName}</th>
                        <td className={td}>{g.buyerReference || <span className="text-muted">{t("noReference")}</span>}</td>
                        <td className={`${td} text-right tabular-nums`}>{g.bookings}</td>
                        <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{g.problems.length === 0 ? formatSek(g.totalInclVatOre, locale) : "–"}</td>
                        <td className={td}>
                          {g.problems.length === 0 ? (
                            t("ready")
                          ) : (
                            <span className="font-semibold text-danger">{t("notReady", { problems: g.problems.map(problem).join(" ") })}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              {ready.length > 0 && (
                <p className="mt-4">{t("summary", { count: ready.length, total: formatSek(ready.reduce((s, g) => s + g.totalInclVatOre, 0), locale) })}</p>
              )}
              {withProblems > 0 && <p className="mt-2 max-w-prose font-semibold">{t("summaryProblems", { count: withProblems })}</p>}
            </>
          )}

          <NextIntlClientProvider messages={{ invoicingRun: (messages as Record<string, AbstractIntlMessages>).invoicingRun ?? {} }}>
            <RunForm workshopId={chosen.id} locale={locale} readyCount={ready.length} />
          </NextIntlClientProvider>
        </section>
      )}
    </>
  );
}
