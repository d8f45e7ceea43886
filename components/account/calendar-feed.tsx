import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/domain/money";
import { formatStockholmDate } from "@/lib/domain/time";
import { getFeedStatus } from "@/lib/server/calendar/get-feed-status";
import { CalendarFeedForms } from "./calendar-feed-forms";

/**
 * "Dina bokningar i din kalenderapp" on the account page: what a private calendar link is, whether
 * the person has one, and the forms to make one (shown once) or stop sharing it.
 */
export async function CalendarFeedSection({ locale, user }: { locale: AppLocale; user: { id: string } }) {
  const [t, tForms, status] = await Promise.all([
    getTranslations({ locale, namespace: "calendarFeed" }),
    getTranslations({ locale, namespace: "forms" }),
    getFeedStatus(user),
  ]);
  return (
    <section aria-labelledby="calendar-feed-heading" className="mt-12 max-w-prose">
      <h2 id="calendar-feed-heading" className="text-2xl">
        {t("heading")}
      </h2>
      <p className="mt-3">{t("intro")}</p>
      <p className="mt-3">{t("privacy")}</p>
      <CalendarFeedForms
        live={status.liveSince !== null}
        texts={{
          status: status.liveSince ? t("active", { date: formatStockholmDate(status.liveSince, locale) }) : t("none"),
          create: status.liveSince ? t("createNew") : t("create"),
          creating: t("creating"),
          created: t("created"),
          urlLabel: t("urlLabel"),
          urlHint: t("urlHint"),
          webcal: t("webcal"),
          revoke: t("revoke"),
          revoking: t("revoking"),
          revokeHint: t("revokeHint"),
          revoked: t("revoked"),
          errorHeading: tForms("errorHeading"),
        }}
      />
    </section>
  );
}
