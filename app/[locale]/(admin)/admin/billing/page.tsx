import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/admin/pagination";
import { BillingFilterForm } from "@/components/billing/admin/billing-filter-form";
import { BillingTabs } from "@/components/billing/admin/billing-tabs";
import { CreditNotesTable, InvoicesTable, OrdersTable, PaymentsTable } from "@/components/billing/admin/billing-tables";
import { requirePageArea } from "@/lib/auth/page-guards";
import { toStockholmDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { BILLING_KINDS, kindKey, type BillingKind } from "@/lib/server/billing/export-billing";
import { listBillingFilterOptions } from "@/lib/server/billing/list-billing-filter-options";
import { listCreditNotes, listCreditNotesInput } from "@/lib/server/billing/list-credit-notes";
import { INVOICE_STATUSES, listInvoices, listInvoicesInput } from "@/lib/server/billing/list-invoices";
import { listOrders, listOrdersInput, ORDER_STATUSES } from "@/lib/server/billing/list-orders";
import { listPayments, listPaymentsInput, PAYMENT_STATUSES } from "@/lib/server/billing/list-payments";
import { firstValues, parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "billingAdmin" });
  return { title: t("title") };
}

function isKind(value: string | undefined): value is BillingKind {
  return (BILLING_KINDS as readonly (string | undefined)[]).includes(value);
}

/** The export route; the page's filter goes with it unchanged. */
const EXPORT_PATH = "/api/admin/billing/export";

/**
 * "Ekonomi": the admin's orders, card payments, invoices and credit notes, one list at a time
 * (?kind=…), each filtered by a GET form, paged, with totals for the whole filtered set and
 * download links (CSV, Excel) that carry the same filter to the export route.
 */
export default async function AdminBillingPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const raw = await searchParams;
  const asked = firstValues(raw).kind;
  const kind: BillingKind = isKind(asked) ? asked : "orders";
  const key = kindKey(kind);
  const now = new Date();

  const [t, options] = await Promise.all([getTranslations({ locale, namespace: "billingAdmin" }), listBillingFilterOptions(me)]);

  // One branch per list: each has its own schema (its statuses) and its own rows.
  const view = await (async () => {
    switch (kind) {
      case "orders": {
        const parsed = await parseSearchParams(listOrdersInput, raw, locale);
        return { kind, ...parsed, result: await listOrders(me, parsed.input), statuses: ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.order.${s}`) })) };
      }
      case "payments": {
        const parsed = await parseSearchParams(listPaymentsInput, raw, locale);
        return { kind, ...parsed, result: await listPayments(me, parsed.input), statuses: PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`status.payment.${s}`) })) };
      }
      case "invoices": {
        const parsed = await parseSearchParams(listInvoicesInput, raw, locale);
        return { kind, ...parsed, result: await listInvoices(me, parsed.input), statuses: INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.invoice.${s}`) })) };
      }
      case "credit-notes": {
        const parsed = await parseSearchParams(listCreditNotesInput, raw, locale);
        return { kind, ...parsed, result: await listCreditNotes(me, parsed.input), statuses: null };
      }
    }
  })();

  const { input, values, fieldErrors, result } = view;
  const status = "status" in input ? input.status : undefined;
  // The filter as it was applied (bad values left out): for the tabs, pages and downloads.
  const shared = { workshopId: input.workshopId, organisationId: input.organisationId, q: input.q, from: input.from, to: input.to };
  const filter = { ...shared, status };
  const base = paths.adminBilling(locale);
  const hrefFor = (page: number) => withQuery(base, { kind: kind === "orders" ? undefined : kind, ...filter, page: page > 1 ? String(page) : undefined });
  const filtered = Object.values(filter).some(Boolean);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const first = (input.page - 1) * result.pageSize + 1;
  const listName = t(`listNames.${key}`);
  const captionId = `billing-${kind}-caption`;
  const caption = t(`caption.${key}`, { page: input.page, pages });
  const today = toStockholmDate(now);
  const download = (fileFormat: "csv" | "xlsx") => withQuery(EXPORT_PATH, { kind, format: fileFormat, ...filter, locale });

  return (
    <>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      <p className="mt-3">
        <a href={paths.adminInvoicingRun(locale)} className="font-semibold">
          {t("invoicingRunLink")}
        </a>
      </p>

      <BillingTabs
        label={t("tabsLabel")}
        tabs={BILLING_KINDS.map((k) => ({
          key: k,
          // Workshop, organisation, search and dates carry over; statuses differ per list.
          href: withQuery(base, { kind: k === "orders" ? undefined : k, ...shared }),
          label: t(`tabs.${kindKey(k)}`),
          current: k === kind,
        }))}
      />

      <BillingFilterForm
        action={base}
        kind={kind}
        label={t("filterLabel", { list: listName })}
        values={values}
        fieldErrors={fieldErrors}
        labels={{
          status: t("statusLabel"),
          allStatuses: t("allStatuses"),
          workshop: t("workshopLabel"),
          allWorkshops: t("allWorkshops"),
          organisation: t("organisationLabel"),
          allOrganisations: t("allOrganisations"),
          q: t("qLabel"),
          qHint: t(`qHint.${key}`),
          from: t("fromLabel"),
          to: t("toLabel"),
          dateHint: t(`dateHint.${key}`),
          submit: t("submit"),
          clear: t("clear"),
        }}
        statuses={view.statuses}
        workshops={options.workshops.map((w) => ({ value: w.id, label: `${w.title} (${w.edition})` }))}
        organisations={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
        clearHref={filtered ? withQuery(base, { kind: kind === "orders" ? undefined : kind }) : null}
      />

      <section aria-labelledby="billing-download" className="mt-6">
        <h2 id="billing-download" className="text-xl">
          {t("downloadHeading")}
        </h2>
        <p className="mt-2 max-w-prose text-base text-muted">{t("downloadHint")}</p>
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
          <li>
            <a href={download("csv")} className="button-secondary">
              {t("downloadCsv")}
              <span className="sr-only"> {t("downloadSuffix", { list: listName })}</span>
            </a>
          </li>
          <li>
            <a href={download("xlsx")} className="button-secondary">
              {t("downloadXlsx")}
              <span className="sr-only"> {t("downloadSuffix", { list: listName })}</span>
            </a>
          </li>
        </ul>
      </section>

      <p className="mt-8">
        {t(`count.${key}`, { count: result.total })}{" "}
        {result.rows.length > 0 && t("showing", { from: first, to: first + result.rows.length - 1 })}
      </p>

      {result.rows.length === 0 ? (
        result.total > 0 && <p className="mt-2">{t("pageEmpty")}</p>
      ) : view.kind === "orders" ? (
        <OrdersTable locale={locale} caption={caption} captionId={captionId} today={today} rows={view.result.rows} totals={view.result.totals} />
      ) : view.kind === "payments" ? (
        <PaymentsTable locale={locale} caption={caption} captionId={captionId} today={today} rows={view.result.rows} totals={view.result.totals} />
      ) : view.kind === "invoices" ? (
        <InvoicesTable locale={locale} caption={caption} captionId={captionId} today={today} rows={view.result.rows} totals={view.result.totals} />
      ) : (
        <CreditNotesTable locale={locale} caption={caption} captionId={captionId} today={today} rows={view.result.rows} totals={view.result.totals} />
      )}

      <Pagination locale={locale} page={input.page} pages={pages} hrefFor={hrefFor} />
    </>
  );
}
