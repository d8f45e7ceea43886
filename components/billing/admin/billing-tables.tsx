import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Badge } from "@/components/ui/badge";
import { formatSek } from "@/lib/domain/money";
import { formatStockholmTime, toStockholmDate, type LocalDate } from "@/lib/domain/time";
import type { AppLocale } from "@/lib/i18n/routing";
import { contentLang } from "@/lib/i18n/routing";
import type { CreditNoteRow, CreditNoteTotals } from "@/lib/server/billing/list-credit-notes";
import type { InvoiceRow, InvoiceTotals } from "@/lib/server/billing/list-invoices";
import type { OrderRow, OrderTotals } from "@/lib/server/billing/list-orders";
import type { PaymentRow, PaymentTotals } from "@/lib/server/billing/list-payments";
import { INVOICE_TONES, ORDER_TONES, PAYMENT_TONES, shortId } from "./status-tones";
import { DocumentLinks } from "@/components/billing/document-links";

/**
 * The admin's four billing tables. Each has a caption (which also names its scrolling region),
 * column and row headers with scope, amounts right-aligned, and a foot row with the totals of the
 * whole filtered set (all pages), so the sums can be checked against the download.
 */

const num = `${td} text-right tabular-nums whitespace-nowrap`;
const numHead = `${th} text-right`;

type Common = { locale: AppLocale; caption: string; captionId: string; today: LocalDate };

function Day({ date }: { date: LocalDate }) {
  return <time dateTime={date}>{date}</time>;
}

function Moment({ at, locale }: { at: Date; locale: AppLocale }) {
  return (
    <time dateTime={at.toISOString()} className="whitespace-nowrap">
      {toStockholmDate(at)} {formatStockholmTime(at, locale)}
    </time>
  );
}

function Person({ name, email, noName }: { name: string | null; email: string; noName: string }) {
  return (
    <>
      {name ?? <span className="italic text-muted">{noName}</span>}
      <span className="block whitespace-nowrap text-sm text-muted">{email}</span>
    </>
  );
}

function Table({ captionId, caption, minWidth, head, body, foot }: { captionId: string; caption: string; minWidth: string; head: ReactNode; body: ReactNode; foot: ReactNode }) {
  return (
    <TableRegion captionId={captionId}>
      <table className={`w-full ${minWidth} border-collapse text-base`}>
        <caption id={captionId} className="px-3 py-2 text-left font-semibold">
          {caption}
        </caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{body}</tbody>
        <tfoot>{foot}</tfoot>
      </table>
    </TableRegion>
  );
}

function Col({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" className={numeric ? numHead : th}>
      {children}
    </th>
  );
}

function TotalLabel({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <th scope="row" colSpan={colSpan} className={`${td} border-b-0 text-left`}>
      {children}
    </th>
  );
}

export async function OrdersTable({ locale, caption, captionId, rows, totals }: Common & { rows: OrderRow[]; totals: OrderTotals }) {
  const t = await getTranslations({ locale, namespace: "billingAdmin" });
  const lang = contentLang(locale);
  return (
    <Table
      captionId={captionId}
      caption={caption}
      minWidth="min-w-[56rem]"
      head={
        <>
          <Col>{t("columns.reference")}</Col>
          <Col>{t("columns.workshop")}</Col>
          <Col>{t("columns.orderer")}</Col>
          <Col>{t("columns.organisation")}</Col>
          <Col>{t("columns.method")}</Col>
          <Col>{t("columns.status")}</Col>
          <Col numeric>{t("columns.total")}</Col>
        </>
      }
      body={rows.map((o) => (
        <tr key={o.id}>
          <th scope="row" className={`${td} text-left font-normal`}>
            <span className="font-mono">{o.reference}</span>
            <span className="block text-sm text-muted">
              <Moment at={o.createdAt} locale={locale} />
            </span>
          </th>
          <td className={td} lang={lang}>
            {o.workshop.title}
          </td>
          <td className={td}>
            <Person name={o.orderer.name} email={o.orderer.email} noName={t("noName")} />
          </td>
          <td className={td}>{o.organisation?.name ?? <span className="text-muted">{t("noOrganisation")}</span>}</td>
          <td className={td}>
            {t(`method.${o.paymentMethod ?? "none"}`)}
            {o.buyerReference && (
              <span className="block text-sm text-muted">
                {t("columns.buyerReference")}: {o.buyerReference}
              </span>
            )}
          </td>
          <td className={td}>
            <Badge tone={ORDER_TONES[o.status]}>{t(`status.order.${o.status}`)}</Badge>
          </td>
          <td className={num}>{formatSek(o.totalInclVatOre, locale)}</td>
        </tr>
      ))}
      foot={
        <tr>
          <TotalLabel colSpan={6}>{t("totalRow", { count: totals.count })}</TotalLabel>
          <td className={`${num} border-b-0 font-semibold`}>{formatSek(totals.inclVatOre, locale)}</td>
        </tr>
      }
    />
  );
}

function StripeId({ id, none }: { id: string | null; none: string }) {
  if (!id) return <span className="text-muted">{none}</span>;
  return (
    <span className="block whitespace-nowrap">
      <code aria-hidden="true" title={id} className="text-sm">
        {shortId(id)}
      </code>
      <span className="sr-only">{id}</span>
    </span>
  );
}

export async function PaymentsTable({ locale, caption, captionId, rows, totals }: Common & { rows: PaymentRow[]; totals: PaymentTotals }) {
  const t = await getTranslations({ locale, namespace: "billingAdmin" });
  const lang = contentLang(locale);
  return (
    <Table
      captionId={captionId}
      caption={caption}
      minWidth="min-w-[56rem]"
      head={
        <>
          <Col>{t("columns.reference")}</Col>
          <Col>{t("columns.method")}</Col>
          <Col>{t("columns.stripe")}</Col>
          <Col numeric>{t("columns.amount")}</Col>
          <Col numeric>{t("columns.refunded")}</Col>
          <Col>{t("columns.status")}</Col>
          <Col>{t("columns.paidAt")}</Col>
        </>
      }
      body={rows.map((p) => (
        <tr key={p.id}>
          <th scope="row" className={`${td} text-left font-normal`}>
            <span className="font-mono">{p.order.reference}</span>
            <span className="block text-sm text-muted" lang={lang}>
              {p.workshop.title}
            </span>
            <span className="block text-sm text-muted">{p.orderer.name ?? p.orderer.email}</span>
          </th>
          <td className={td}>{t(`method.${p.method}`)}</td>
          <td className={td}>
            <StripeId id={p.stripeCheckoutSessionId} none={t("noValue")} />
            <StripeId id={p.stripePaymentIntentId} none={t("noValue")} />
          </td>
          <td className={num}>{formatSek(p.amountOre, locale)}</td>
          <td className={num}>{p.refundedOre ? formatSek(p.refundedOre, locale) : t("noValue")}</td>
          <td className={td}>
            <Badge tone={PAYMENT_TONES[p.status]}>{t(`status.payment.${p.status}`)}</Badge>
          </td>
          <td className={td}>{p.paidAt ? <Moment at={p.paidAt} locale={locale} /> : <span className="text-muted">{t("notPaid")}</span>}</td>
        </tr>
      ))}
      foot={
        <tr>
          <TotalLabel colSpan={3}>{t("totalRow", { count: totals.count })}</TotalLabel>
          <td className={`${num} border-b-0 font-semibold`}>{formatSek(totals.amountOre, locale)}</td>
          <td className={`${num} border-b-0 font-semibold`}>{formatSek(totals.refundedOre, locale)}</td>
          <td colSpan={2} className={`${td} border-b-0`} />
        </tr>
      }
    />
  );
}

export async function InvoicesTable({ locale, caption, captionId, rows, totals, today }: Common & { rows: InvoiceRow[]; totals: InvoiceTotals }) {
  const t = await getTranslations({ locale, namespace: "billingAdmin" });
  return (
    <Table
      captionId={captionId}
      caption={caption}
      minWidth="min-w-[58rem]"
      head={
        <>
          <Col>{t("columns.invoiceNumber")}</Col>
          <Col>{t("columns.organisation")}</Col>
          <Col>{t("columns.buyerReference")}</Col>
          <Col>{t("columns.issueDate")}</Col>
          <Col>{t("columns.dueDate")}</Col>
          <Col numeric>{t("columns.payable")}</Col>
          <Col>{t("columns.status")}</Col>
          <Col>{t("columns.documents")}</Col>
        </>
      }
      body={rows.map((i) => (
        <tr key={i.id}>
          <th scope="row" className={`${td} whitespace-nowrap text-left font-mono font-normal`}>
            {i.displayNumber}
          </th>
          <td className={td}>{i.organisation.name}</td>
          <td className={td}>
            {i.buyerReference}
            {i.costCentre && (
              <span className="block text-sm text-muted">
                {t("columns.costCentre")}: {i.costCentre}
              </span>
            )}
          </td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>
            <Day date={i.issueDate} />
          </td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>
            <Day date={i.dueDate} />
          </td>
          <td className={num}>{formatSek(i.totalInclVatOre, locale)}</td>
          <td className={td}>
            <span className="flex flex-wrap gap-1">
              <Badge tone={INVOICE_TONES[i.status]}>{t(`status.invoice.${i.status}`)}</Badge>
              {i.status === "ISSUED" && i.dueDate < today && <Badge tone="danger">{t("overdue")}</Badge>}
            </span>
          </td>
          <td className={td}>
            <DocumentLinks kind="invoices" id={i.id} labels={{ pdf: t("pdfLink"), ubl: t("ublLink"), suffix: t("invoiceSuffix", { number: i.displayNumber }) }} />
          </td>
        </tr>
      ))}
      foot={
        <tr>
          <TotalLabel colSpan={5}>{t("totalRow", { count: totals.count })}</TotalLabel>
          <td className={`${num} border-b-0 font-semibold`}>{formatSek(totals.inclVatOre, locale)}</td>
          <td colSpan={2} className={`${td} border-b-0`} />
        </tr>
      }
    />
  );
}

export async function CreditNotesTable({ locale, caption, captionId, rows, totals }: Common & { rows: CreditNoteRow[]; totals: CreditNoteTotals }) {
  const t = await getTranslations({ locale, namespace: "billingAdmin" });
  return (
    <Table
      captionId={captionId}
      caption={caption}
      minWidth="min-w-[56rem]"
      head={
        <>
          <Col>{t("columns.creditNoteNumber")}</Col>
          <Col>{t("columns.creditedInvoice")}</Col>
          <Col>{t("columns.organisation")}</Col>
          <Col>{t("columns.reason")}</Col>
          <Col>{t("columns.creditNoteDate")}</Col>
          <Col numeric>{t("columns.total")}</Col>
          <Col>{t("columns.documents")}</Col>
        </>
      }
      body={rows.map((c) => (
        <tr key={c.id}>
          <th scope="row" className={`${td} whitespace-nowrap text-left font-mono font-normal`}>
            {c.displayNumber}
          </th>
          <td className={`${td} whitespace-nowrap font-mono`}>{c.invoice.displayNumber}</td>
          <td className={td}>{c.organisation.name}</td>
          <td className={td}>{c.reason}</td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>
            <Day date={c.issueDate} />
          </td>
          <td className={num}>{formatSek(c.totalInclVatOre, locale)}</td>
          <td className={td}>
            <DocumentLinks kind="credit-notes" id={c.id} labels={{ pdf: t("pdfLink"), ubl: t("ublLink"), suffix: t("creditNoteSuffix", { number: c.displayNumber }) }} />
          </td>
        </tr>
      ))}
      foot={
        <tr>
          <TotalLabel colSpan={5}>{t("totalRow", { count: totals.count })}</TotalLabel>
          <td className={`${num} border-b-0 font-semibold`}>{formatSek(totals.inclVatOre, locale)}</td>
          <td className={`${td} border-b-0`} />
        </tr>
      }
    />
  );
}
