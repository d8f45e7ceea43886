import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MyBillingDocuments } from "@/components/billing/my-documents";
import { requirePageUser } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { listMyBillingDocuments } from "@/lib/server/billing/list-my-billing-documents";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "myBilling" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * "Fakturor och kvitton": the invoices, credit notes and card receipts of the orders the signed-in
 * person placed, whatever their role. Only their own: the query itself is limited to their orders.
 */
export default async function MyInvoicesPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const [t, documents] = await Promise.all([getTranslations({ locale, namespace: "myBilling" }), listMyBillingDocuments(user, new Date())]);

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      <MyBillingDocuments locale={locale} documents={documents} />
    </div>
  );
}
