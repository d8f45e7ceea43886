import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { INVOICE_TONES, PAYMENT_TONES } from "@/components/billing/admin/status-tones";
import { Badge } from "@/components/ui/badge";
import { formatSek } from "@/lib/domain/money";
import { formatLocalDate, formatStockholmDate } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang, type AppLocale } from "@/lib/i18n/routing";
import type { MyBillingDocuments as Documents } from "@/lib/server/billing/list-my-billing-documents";
import { DocumentLinks } from "@/components/billing/document-links";

const num = `${td} text-right tabular-nums whitespace-nowrap`;

function Col({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" className={numeric ? `${th} text-right` : th}>
      {children}
    </th>
  );
}

function Day({ date, locale }: { date: string; locale: AppLocale }) {
  return (
    <time dateTime={date} className="whitespace-nowrap">
      {formatLocalDate(date, locale)}
    </time>
  );
}

function Section({ id, heading, intro, empty, children }: { id: string; heading: string; intro?: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl">
        {heading}
      </h2>
      {intro && <p className="mt-2 max-w-prose">{intro}</p>}
      {empty ? <p className="mt-3">{empty}</p> : children}
    </section>
  );
}

/**
 * A person's own invoices, credit notes and card receipts, each as a table with its download
 * links; the links name the document they fetch ("PDF för faktura F2026-00001"). When there is
 * nothing at all, one plain sentence says when there will be.
 */
export async function MyBillingDocuments({ locale, documents }: { locale: AppLocale; documents: Documents }) {
  const t = await getTranslations({ locale, namespace: "myBilling" });
  const lang = contentLang(locale);
  const { invoices, creditNotes, receipts } = documents;

  if (invoices.length === 0 && creditNotes.length === 0 && receipts.length === 0) {
    return (
      <div className="mt-8 max-w-prose rounded-lg border border-line bg-surface p-5">
        <p>{t("empty")}</p>
        <p className="mt-3">{t("emptyBookedByOther")}</p>
        <p className="mt-3">
          <a href={paths.bookings(locale)} className="font-semibold">
            {t("toBookings")}
          </a>
        </p>
      </div>
    );
  }

  return (
    <>
      <Section id="my-invoices" heading={t("invoicesHeading")} empty={invoices.length ? null : t("noInvoices")}>
        <TableRegion captionId="my-invoices-caption">
          <table className="w-full min-w-[56rem] border-collapse text-base">
            <caption id="my-invoices-caption" className="px-3 py-2 text-left font-semibold">
              {t("invoicesCaption")}
            </caption>
            <thead>
              <tr>
                <Col>{t("columns.invoiceNumber")}</Col>
                <Col>{t("columns.workshop")}</Col>
                <Col>{t("columns.issueDate")}</Col>
                <Col>{t("columns.dueDate")}</Col>
                <Col numeric>{t("columns.total")}</Col>
                <Col>{t("columns.status")}</Col>
                <Col>{t("columns.download")}</Col>
              </tr>
            </thead>
            <tbody>
              {invoices.map((i) => (
                <tr key={i.id} data-testid="my-invoice">
                  <th scope="row" className={`${td} whitespace-nowrap text-left font-mono font-normal`}>
                    {i.displayNumber}
                  </th>
                  <td className={td}>
                    <span lang={lang}>{i.workshop}</span>
                    <span className="block text-sm text-muted">{i.organisation}</span>
                  </td>
                  <td className={td}>
                    <Day date={i.issueDate} locale={locale} />
                  </td>
                  <td className={td}>
                    <Day date={i.dueDate} locale={locale} />
                  </td>
                  <td className={num}>{formatSek(i.totalInclVatOre, locale)}</td>
                  <td className={td}>
                    <span className="flex flex-wrap gap-1">
                      <Badge tone={INVOICE_TONES[i.status]}>{t(`status.invoice.${i.status}`)}</Badge>
                      {i.overdue && <Badge tone="danger">{t("overdue")}</Badge>}
                    </span>
                  </td>
                  <td className={td}>
                    <DocumentLinks kind="invoices" id={i.id} labels={{ pdf: t("pdfLink"), ubl: t("ublLink"), suffix: t("invoiceSuffix", { number: i.displayNumber }) }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </Section>

      <Section
        id="my-credit-notes"
        heading={t("creditNotesHeading")}
        intro={creditNotes.length ? t("creditNotesIntro") : undefined}
        empty={creditNotes.length ? null : t("noCreditNotes")}
      >
        <TableRegion captionId="my-credit-notes-caption">
          <table className="w-full min-w-[56rem] border-collapse text-base">
            <caption id="my-credit-notes-caption" className="px-3 py-2 text-left font-semibold">
              {t("creditNotesCaption")}
            </caption>
            <thead>
              <tr>
                <Col>{t("columns.creditNoteNumber")}</Col>
                <Col>{t("columns.creditedInvoice")}</Col>
                <Col>{t("columns.reason")}</Col>
                <Col>{t("columns.creditNoteDate")}</Col>
                <Col numeric>{t("columns.total")}</Col>
                <Col>{t("columns.download")}</Col>
              </tr>
            </thead>
            <tbody>
              {creditNotes.map((c) => (
                <tr key={c.id} data-testid="my-credit-note">
                  <th scope="row" className={`${td} whitespace-nowrap text-left font-mono font-normal`}>
                    {c.displayNumber}
                  </th>
                  <td className={`${td} whitespace-nowrap font-mono`}>{c.invoice.displayNumber}</td>
                  <td className={td}>
                    {c.reason}
                    <span className="block text-sm text-muted" lang={lang}>
                      {c.workshop}
                    </span>
                  </td>
                  <td className={td}>
                    <Day date={c.issueDate} locale={locale} />
                  </td>
                  <td className={num}>{formatSek(c.totalInclVatOre, locale)}</td>
                  <td className={td}>
                    <DocumentLinks kind="credit-notes" id={c.id} labels={{ pdf: t("pdfLink"), ubl: t("ublLink"), suffix: t("creditNoteSuffix", { number: c.displayNumber }) }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </Section>

      <Section id="my-receipts" heading={t("receiptsHeading")} empty={receipts.length ? null : t("noReceipts")}>
        <TableRegion captionId="my-receipts-caption">
          <table className="w-full min-w-[48rem] border-collapse text-base">
            <caption id="my-receipts-caption" className="px-3 py-2 text-left font-semibold">
              {t("receiptsCaption")}
            </caption>
            <thead>
              <tr>
                <Col>{t("columns.reference")}</Col>
                <Col>{t("columns.workshop")}</Col>
                <Col>{t("columns.paidAt")}</Col>
                <Col numeric>{t("columns.amount")}</Col>
                <Col numeric>{t("columns.refunded")}</Col>
                <Col>{t("columns.status")}</Col>
                <Col>{t("columns.download")}</Col>
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.paymentId} data-testid="my-receipt">
                  <th scope="row" className={`${td} whitespace-nowrap text-left font-mono font-normal`}>
                    {r.orderReference}
                  </th>
                  <td className={td} lang={lang}>
                    {r.workshop}
                  </td>
                  <td className={td}>
                    {r.paidAt && (
                      <time dateTime={r.paidAt.toISOString()} className="whitespace-nowrap">
                        {formatStockholmDate(r.paidAt, locale)}
                      </time>
                    )}
                  </td>
                  <td className={num}>{formatSek(r.amountOre, locale)}</td>
                  <td className={num}>{r.refundedOre ? formatSek(r.refundedOre, locale) : t("nothingRefunded")}</td>
                  <td className={td}>
                    <Badge tone={PAYMENT_TONES[r.status]}>{t(`status.payment.${r.status}`)}</Badge>
                  </td>
                  <td className={td}>
                    <a href={`/api/payments/${r.paymentId}/receipt`} className="whitespace-nowrap">
                      {t("receiptLink")}
                      <span className="sr-only"> {t("receiptSuffix", { reference: r.orderReference })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </Section>
    </>
  );
}
