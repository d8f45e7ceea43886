import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/domain/money";
import { STOCKHOLM, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import type { MySessionChange } from "@/lib/server/calendar/list-my-session-changes";

const shortDate: Record<AppLocale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat("sv-SE", { timeZone: STOCKHOLM, weekday: "short", day: "numeric", month: "short" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: STOCKHOLM, weekday: "short", day: "numeric", month: "short" }),
};

/**
 * Recent changes to the reader's sessions (moved, new venue, cancelled), as one short line each:
 * "Ändrad tid: Föreläsning X flyttas från tis 3 feb. kl. 09.00 till ons 4 feb. kl. 13.00." A status
 * region, so a screen reader hears it when the page opens; nothing at all when there is nothing new.
 */
export async function SessionChangeNotices({ changes, locale, idPrefix = "changes" }: { changes: readonly MySessionChange[]; locale: AppLocale; idPrefix?: string }) {
  if (changes.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "sessionChanges" });
  const when = (instant: Date) => t("when", { date: shortDate[locale].format(instant), time: formatStockholmTime(instant, locale) });
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="mt-8 max-w-prose rounded border-l-4 border-warning bg-warning-soft p-4">
      <h2 id={`${idPrefix}-heading`} className="text-xl">
        {t("heading")}
      </h2>
      <p className="mt-1">{t("intro")}</p>
      <div role="status">
        <ul className="mt-3 grid gap-3">
          {changes.map((change) => {
            const session = t("session", { kind: change.session.kind, title: change.session.title });
            const venueChanged = change.before.venueName !== change.after.venueName;
            const key = change.kind === "TIME" && venueChanged ? "TIME_AND_VENUE" : change.kind;
            return (
              <li key={change.id}>
                <p className="font-semibold">
                  {t(key, {
                    session,
                    before: when(change.before.startsAt),
                    after: when(change.after.startsAt),
                    beforeVenue: change.before.venueName,
                    afterVenue: change.after.venueName,
                  })}
                </p>
                <p className="text-base text-muted">
                  {change.workshopTitle} · {t("announced", { date: formatStockholmDate(change.createdAt, locale) })}
                </p>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
