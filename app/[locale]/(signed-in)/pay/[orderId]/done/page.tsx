import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { OrderLines } from "@/components/billing/checkout/order-lines";
import { Facts } from "@/components/ui/facts";
import { requirePageUser } from "@/lib/auth/page-guards";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getCheckout } from "@/lib/server/billing/get-checkout";
import { getOrderPaymentStatus } from "@/lib/server/billing/get-order-payment-status";
import { idField } from "@/lib/validation/fields";

type Props = { params: Promise<{ locale: string; orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "checkout" });
  return { title: t("doneTitle"), robots: { index: false, follow: false } };
}

function notFoundFor(error: unknown): never {
  if (isAppError(error) && error.code === "NOT_FOUND") notFound();
  throw error;
}

/**
 * Where Stripe Checkout and the invoice form lead: the order's outcome. A card payment is read from
 * Stripe here too (not only from the webhook), so the page is right even if the webhook is late.
 */
export default async function PayDonePage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const { orderId } = await params;
  if (!idField.safeParse(orderId).success) notFound();
  const now = new Date();
  await getOrderPaymentStatus(user, { orderId }, now).catch(notFoundFor);
  const view = await getCheckout(user, orderId, now).catch(notFoundFor);
  const t = await getTranslations({ locale, namespace: "checkout" });
  const lang = contentLang(locale);

  const outcome =
    view.status === "PAID" ? "paid" : view.status === "INVOICED" ? "invoiced" : view.status === "PENDING_PAYMENT" && view.payable ? "waiting" : "failed";
  const heading = {
    paid: t("donePaidHeading"),
    invoiced: t("doneInvoicedHeading"),
    waiting: t("doneWaitingHeading"),
    failed: t("doneFailedHeading"),
  }[outcome];
  const tone = outcome === "paid" || outcome === "invoiced" ? "border-gathering bg-gathering-soft" : "border-warning bg-warning-soft";

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("doneTitle")}</h1>
      <section aria-labelledby="outcome" className={`mt-6 max-w-prose rounded-lg border-l-4 p-5 sm:p-6 ${tone}`} data-testid="payment-outcome" data-outcome={outcome}>
        <h2 id="outcome" className="text-2xl">{heading}</h2>
        {outcome === "paid" && <p className="mt-3">{t("donePaidBody")}</p>}
        {outcome === "invoiced" &&
          (view.invoices.length > 0 || !view.workshop.consolidatedInvoicing ? (
            <p className="mt-3">{t("doneInvoicedBody", { organisation: view.organisation?.name ?? "", buyerReference: view.buyerReference ?? "" })}</p>
          ) : (
            <p className="mt-3">{t("doneInvoicedWaiting")}</p>
          ))}
        {outcome === "waiting" && (
          <>
            <p className="mt-3">{t("doneWaitingBody")}</p>
            <p className="mt-3"><a href={paths.payDone(locale, view.orderId)}>{t("doneReload")}</a></p>
          </>
        )}
        {outcome === "failed" && <p className="mt-3">{t("doneFailedBody")}</p>}
        {(view.invoices.length > 0 || view.receipts.length > 0) && (
          <ul className="mt-4 grid gap-2">
            {view.invoices.map((invoice) => (
              <li key={invoice.id} className="flex flex-wrap gap-x-6">
                <a href={`/api/invoices/${invoice.id}/pdf`}>{t("invoiceLink", { number: invoice.displayNumber })}</a>
                <a href={`/api/invoices/${invoice.id}/ubl`}>{t("invoiceXmlLink", { number: invoice.displayNumber })}</a>
              </li>
            ))}
            {view.receipts.map((receipt) => (
              <li key={receipt.paymentId}>
                <a href={`/api/payments/${receipt.paymentId}/receipt`}>{t("receiptLink")}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Facts
        className="mt-8"
        items={[
          { label: t("reference"), value: <span className="font-mono">{view.reference}</span> },
          { label: t("workshop"), value: <span lang={lang}>{view.workshop.title}</span> },
        ]}
      />
      <div className="mt-6 max-w-4xl">
        <OrderLines view={view} locale={locale} lang={lang} />
      </div>

      <p className="mt-8 flex flex-wrap gap-x-6 gap-y-3">
        {outcome === "failed" || outcome === "waiting" ? (
          view.payable ? (
            <a className="button-primary" href={paths.pay(locale, view.orderId)}>{t("tryAgain")}</a>
          ) : (
            <a className="button-primary" href={paths.book(locale, view.workshop.slug)}>{t("bookAgain")}</a>
          )
        ) : (
          <a className="button-primary" href={paths.bookings(locale)}>{t("toBookings")}</a>
        )}
        <a href={paths.invoices(locale)}>{t("toInvoices")}</a>
      </p>
    </div>
  );
}
