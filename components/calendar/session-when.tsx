import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/domain/money";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";

/** "tisdag 13 oktober 2026 kl. 9.00–12.00", with machine-readable instants for both ends. */
export async function SessionWhen({ startsAt, endsAt, locale }: { startsAt: Date; endsAt: Date; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "session" });
  return (
    <>
      {t.rich("when", {
        date: formatStockholmDate(startsAt, locale),
        startTime: formatStockholmTime(startsAt, locale),
        endTime: formatStockholmTime(endsAt, locale),
        start: (chunks) => <time dateTime={startsAt.toISOString()}>{chunks}</time>,
        end: (chunks) => <time dateTime={endsAt.toISOString()}>{chunks}</time>,
      })}
    </>
  );
}

/** "kl. 9.00–12.00" alone, for pages that show the date separately. */
export async function SessionTime({ startsAt, endsAt, locale }: { startsAt: Date; endsAt: Date; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "session" });
  return (
    <>
      {t.rich("timeRange", {
        startTime: formatStockholmTime(startsAt, locale),
        endTime: formatStockholmTime(endsAt, locale),
        start: (chunks) => <time dateTime={startsAt.toISOString()}>{chunks}</time>,
        end: (chunks) => <time dateTime={endsAt.toISOString()}>{chunks}</time>,
      })}
    </>
  );
}
