import { getTranslations } from "next-intl/server";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import type { CheckoutView } from "@/lib/server/billing/get-checkout";

/** The order's lines with participant, price, VAT and what it all comes to: what is being paid for. */
export async function OrderLines({ view, locale, lang }: { view: CheckoutView; locale: AppLocale; lang: AppLocale | undefined }) {
  const t = await getTranslations({ locale, namespace: "checkout" });
  const vat = (bp: number) => (bp === 0 ? t("vatExempt") : t("vatRate", { rate: (bp / 100).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB") }));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-semibold">{t("linesCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">{t("colDescription")}</th>
            <th scope="col" className="py-2 pr-4">{t("colParticipant")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("colPrice")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("colVat")}</th>
            <th scope="col" className="py-2 text-right">{t("colTotal")}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line) => (
            <tr key={line.id} className="border-b border-muted/40 align-top">
              <td className="py-2 pr-4" lang={lang}>{line.description}</td>
              <td className="py-2 pr-4">{line.participant}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatSek(line.lineExclVatOre, locale)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {formatSek(line.vatOre, locale)} <span className="block text-base text-muted">{vat(line.vatRateBp)}</span>
              </td>
              <td className="py-2 text-right tabular-nums">{formatSek(line.lineExclVatOre + line.vatOre, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4} className="pt-3 pr-4 text-right font-normal">{t("sumExclVat")}</th>
            <td className="pt-3 text-right tabular-nums">{formatSek(view.totals.exclVatOre, locale)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={4} className="pr-4 text-right font-normal">{t("sumVat")}</th>
            <td className="text-right tabular-nums">{formatSek(view.totals.vatOre, locale)}</td>
          </tr>
          <tr className="text-lg font-semibold">
            <th scope="row" colSpan={4} className="pr-4 text-right">{t("sumTotal")}</th>
            <td className="text-right tabular-nums" data-testid="checkout-total">{formatSek(view.totals.inclVatOre, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
