import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/domain/money";

/** Who pays which price, and whether VAT comes on top (prices are stored without VAT). */
export async function PriceNote({ locale, vatRateBp }: { locale: AppLocale; vatRateBp: number }) {
  const t = await getTranslations({ locale, namespace: "price" });
  const rate = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 2 }).format(vatRateBp / 100);
  return (
    <p>
      {t("memberNote")} {vatRateBp > 0 ? t("vatAdded", { rate }) : t("vatNone")}
    </p>
  );
}
