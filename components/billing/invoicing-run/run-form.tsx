"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { runConsolidatedInvoicingAction } from "@/app/_actions/billing-admin";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { problemText } from "@/components/billing/invoicing-run/problem-text";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import type { InvoicingRunResult } from "@/lib/server/billing/consolidated-invoicing";

/** The files of an issued invoice (route handlers under app/api/invoices). */
const fileHref = (invoiceId: string, kind: "ubl" | "pdf") => `/api/invoices/${encodeURIComponent(invoiceId)}/${kind}`;

/**
 * Runs the consolidated invoicing for the workshop (a real form: it works before the page's
 * JavaScript has loaded) and shows what came of it. After a run the keyboard focus moves to the
 * result's heading, so screen reader users hear it; a refusal is announced and focused by
 * FormMessage.
 */
export function RunForm({ workshopId, locale, readyCount }: { workshopId: string; locale: AppLocale; readyCount: number }) {
  const t = useTranslations("invoicingRun");
  const [state, formAction] = useActionState<FormState<InvoicingRunResult>, FormData>(runConsolidatedInvoicingAction, null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state?.ok) resultHeading.current?.focus();
  }, [state]);
  const problem = problemText((key, values) => t(key, values), (key) => t.has(key));
  const result = state?.ok ? state.data : null;

  return (
    <div className="mt-8">
      {readyCount > 0 && (
        <div aria-labelledby="run-heading" role="group" className="rounded-lg border border-line p-4 sm:p-5">
          <h3 id="run-heading" className="text-xl">
            {t("runHeading")}
          </h3>
          <p className="mt-2 max-w-prose">{t("runIntro")}</p>
          <form action={formAction} className="mt-4 grid gap-4">
            <FormMessage state={state} heading={t("errorHeading")} />
            <input type="hidden" name="workshopId" value={workshopId} />
            <p>
              <SubmitButton pendingText={t("running")}>{t("runButton")}</SubmitButton>
            </p>
          </form>
        </div>
      )}
      {readyCount === 0 && <FormMessage state={state} heading={t("errorHeading")} />}

      {result && (
        <section aria-labelledby="result-heading" className="mt-8">
          <h3 id="result-heading" ref={resultHeading} tabIndex={-1} className="text-xl">
            {t("resultHeading")}
          </h3>
          <p role="status" className="mt-2 font-semibold">
            {t("resultIssued", { count: result.invoices.length })}
            {result.invoices.length === 0 && result.skipped.length === 0 && <> {t("resultNothingLeft")}</>}
          </p>
          {result.invoices.length > 0 && (
            <TableRegion captionId="issued-caption">
              <table className="w-full min-w-[48rem] border-collapse text-base">
                <caption id="issued-caption" className="px-3 py-2 text-left font-semibold">
                  {t("issuedCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>{t("colNumber")}</th>
                    <th scope="col" className={th}>{t("colOrganisation")}</th>
                    <th scope="col" className={th}>{t("colReference")}</th>
                    <th scope="col" className={`${th} text-right`}>{t("colTotal")}</th>
                    <th scope="col" className={th}>{t("colFiles")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.invoices.map((invoice) => (
                    <tr key={invoice.id}>
                      <th scope="row" className={`${td} whitespace-nowrap text-left font-mono`}>{invoice.displayNumber}</th>
                      <td className={td}>{invoice.organisationName}</td>
                      <td className={td}>{invoice.buyerReference}</td>
                      <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{formatSek(invoice.totalInclVatOre, locale)}</td>
                      <td className={td}>
                        <ul className="flex flex-wrap gap-x-4 gap-y-1">
                          <li>
                            <a href={fileHref(invoice.id, "ubl")}>
                              {t("ublLink")}
                              <span className="sr-only"> {t("linkSuffix", { number: invoice.displayNumber })}</span>
                            </a>
                          </li>
                          <li>
                            <a href={fileHref(invoice.id, "pdf")}>
                              {t("pdfLink")}
                              <span className="sr-only"> {t("linkSuffix", { number: invoice.displayNumber })}</span>
                            </a>
                          </li>
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {result.skipped.length > 0 && (
            <TableRegion captionId="skipped-caption">
              <table className="w-full min-w-[40rem] border-collapse text-base">
                <caption id="skipped-caption" className="px-3 py-2 text-left font-semibold">
                  {t("skippedCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>{t("colOrganisation")}</th>
                    <th scope="col" className={th}>{t("colReference")}</th>
                    <th scope="col" className={th}>{t("colReason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.skipped.map((s) => (
                    <tr key={`${s.organisationName}:${s.buyerReference}`}>
                      <th scope="row" className={`${td} text-left`}>{s.organisationName}</th>
                      <td className={td}>{s.buyerReference || <span className="text-muted">{t("noReference")}</span>}</td>
                      <td className={td}>{problem(s.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      )}
    </div>
  );
}
