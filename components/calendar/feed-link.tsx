import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/domain/money";
import { getEnv } from "@/lib/env";

/**
 * "Prenumerera på kalendern" on a published workshop's public page: a webcal:// link that calendar
 * apps open as a subscription, and the same feed as a plain download. The feed
 * (/api/calendar/workshops/<slug>) holds only the workshop's public sessions.
 */
export async function CalendarFeedLink({ locale, workshopSlug }: { locale: AppLocale; workshopSlug: string }) {
  const t = await getTranslations({ locale, namespace: "calendarFeed" });
  const https = new URL(`/api/calendar/workshops/${encodeURIComponent(workshopSlug)}?lang=${locale}`, getEnv().APP_URL).toString();
  const webcal = https.replace(/^https?:/, "webcal:");
  return (
    <p className="mt-4 max-w-prose">
      <a href={webcal} className="font-semibold">
        {t("subscribe")}
      </a>{" "}
      <span className="text-muted">{t("subscribeHint")}</span>{" "}
      <a href={https} download>
        {t("download")}
      </a>
    </p>
  );
}
