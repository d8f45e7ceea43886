import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { CardPaymentForm } from "@/components/billing/checkout/card-payment-form";
import { InvoicePaymentForm } from "@/components/billing/checkout/invoice-payment-form";
import { OrderLines } from "@/components/billing/checkout/order-lines";
import { Facts } from "@/components/ui/facts";
import { requirePageUser } from "@/lib/auth/page-guards";
import { formatSek } from "@/lib/domain/money";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getCheckout } from "@/lib/server/billing/get-checkout";
import { loadInvoiceRecipientDefaults } from "@/lib/server/billing/pay-by-invoice";
import { idField } from "@/lib/validation/fields";

type Props = { params: Promise<{ locale: string; orderId: string }>; searchParams: Promise<{ cancelled?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "checkout" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

function notFoundFor(error: unknown): never {
  if (isAppError(error) && error.code === "NOT_FOUND") notFound();
  throw error;
}

/**
 * Checkout for an order the person placed: what it covers, until when the places are held, and the
 * two ways to pay: by card (Stripe Checkout) or by invoice to the employer (Peppol e-invoice).
 */
export default async function PayPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const { orderId } = await params;
  if (!idField.safeParse(orderId).success) notFound();
  const now = new Date();
  const view = await getCheckout(user, orderId, now).catch(notFoundFor);
  const [t, query] = await Promise.all([getTranslations({ locale, namespace: "checkout" }), searchParams]);
  const lang = contentLang(locale);
  const recipient = view.payable && view.invoiceAllowed ? await loadInvoiceRecipientDefaults(user, orderId).catch(notFoundFor) : null;

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <Facts
        className="mt-6"
        items={[
          { label: t("reference"), value: <span className="font-mono">{view.reference}</span> },
          { label: t("workshop"), value: <span lang={lang}>{view.workshop.title}</span> },
          ...(view.organisation ? [{ label: t("organisation"), value: view.organisation.name }] : []),
        ]}
      />

      {query.cancelled === "1" && view.payable && (
        <p role="status" className="mt-6 max-w-prose rounded border-l-4 border-warning bg-warning-soft p-4">{t("cancelledByYou")}</p>
      )}

      <div className="mt-8 max-w-4xl">
        <OrderLines view={view} locale={locale} lang={lang} />
      </div>

      {view.payable ? (
        <>
          {view.holdExpiresAt && (
            <p className="mt-6 max-w-prose font-semibold">
              {t("heldUntil", { time: formatStockholmTime(view.holdExpiresAt, locale), date: formatStockholmDate(view.holdExpiresAt, locale) })}
            </p>
          )}
          <h2 className="mt-10 text-2xl">{t("chooseHeading")}</h2>
          <div className="mt-4 grid items-start gap-8 lg:grid-cols-2">
            {/* Nothing to charge (an upgrade whose credit covers the package): the invoice route confirms it. */}
            {view.totals.inclVatOre > 0 && (
            <section aria-labelledby="pay-card" className="rounded-lg border border-muted/60 p-5">
              <h3 id="pay-card" className="text-xl">{t("cardHeading")}</h3>
              <p className="mt-2 mb-4 max-w-prose">{t("cardIntro")}</p>
              <CardPaymentForm
                orderId={view.orderId}
                locale={locale}
                texts={{ button: t("cardButton", { amount: formatSek(view.totals.inclVatOre, locale) }), sending: t("cardSending"), errorHeading: t("errorHeading") }}
              />
            </section>
            )}
            <section aria-labelledby="pay-invoice" className="rounded-lg border border-muted/60 p-5">
              <h3 id="pay-invoice" className="text-xl">{t("invoiceHeading")}</h3>
              <p className="mt-2 max-w-prose">{t("invoiceIntro")}</p>
              {view.workshop.consolidatedInvoicing && <p className="mt-2 max-w-prose">{t("invoiceConsolidated")}</p>}
              {recipient ? (
                <div className="mt-4">
                  <InvoicePaymentForm
                    orderId={view.orderId}
                    locale={locale}
                    initial={{ buyerReference: view.buyerReference ?? "", costCentre: view.costCentre ?? "", ...recipient }}
                    texts={{
                      buyerReference: t("buyerReference"),
                      buyerReferenceHint: t("buyerReferenceHint"),
                      costCentre: t("costCentre"),
                      costCentreHint: t("costCentreHint"),
                      recipientLegend: t("recipientLegend"),
                      recipientHint: t("recipientHint"),
                      recipientName: t("recipientName"),
                      orgNumber: t("orgNumber"),
                      orgNumberHint: t("orgNumberHint"),
                      peppolEndpoint: t("peppolEndpoint"),
                      peppolEndpointHint: t("peppolEndpointHint"),
                      street: t("street"),
                      postalCode: t("postalCode"),
                      city: t("city"),
                      invoiceEmail: t("invoiceEmail"),
                      button: t("invoiceButton"),
                      sending: t("invoiceSending"),
                      errorHeading: t("errorHeading"),
                    }}
                  />
                </div>
              ) : (
                <p className="mt-4 max-w-prose">
                  {t("invoiceNotAllowed")} <a href={paths.account(locale)}>{t("toAccount")}</a>
                </p>
              )}
            </section>
          </div>
        </>
      ) : (
        <div className="mt-8 max-w-prose">
          <p role="status" className="rounded border-l-4 border-warning bg-warning-soft p-4 font-semibold">
            {view.status === "PAID"
              ? t("alreadyPaid")
              : view.status === "INVOICED"
                ? t("alreadyInvoiced")
                : view.status === "PENDING_PAYMENT"
                  ? t("holdExpired")
                  : t("notPayable")}
          </p>
          <p className="mt-6 flex flex-wrap gap-x-6 gap-y-3">
            {view.status === "PAID" || view.status === "INVOICED" ? (
              <a className="button-primary" href={paths.payDone(locale, view.orderId)}>{t("doneTitle")}</a>
            ) : (
              <a className="button-primary" href={paths.book(locale, view.workshop.slug)}>{t("bookAgain")}</a>
            )}
            <a href={paths.bookings(locale)}>{t("toBookings")}</a>
          </p>
        </div>
      )}
    </div>
  );
}
