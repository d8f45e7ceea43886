import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";

export type ParticipantExportQuery = { scope: "session" | "workshop" | "organisation"; id: string; workshopId?: string };

/** The address of a participant export (GET /api/exports/participants). */
export function participantExportUrl(query: ParticipantExportQuery, format: "csv" | "xlsx", locale: AppLocale): string {
  const params = new URLSearchParams({ scope: query.scope, id: query.id, format, lang: locale });
  if (query.workshopId) params.set("workshopId", query.workshopId);
  return `/api/exports/participants?${params.toString()}`;
}

/**
 * Download links for a participant list, CSV and Excel. Each link's accessible name says what
 * and in which format, since "CSV" alone says neither (WCAG 2.4.4).
 */
export async function ExportLinks({ locale, query, what, headingId, heading }: { locale: AppLocale; query: ParticipantExportQuery; what: string; headingId: string; heading: string }) {
  const t = await getTranslations({ locale, namespace: "participantExport" });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-xl">
        {heading}
      </h2>
      <ul className="mt-3 flex flex-wrap gap-3">
        {(["csv", "xlsx"] as const).map((format) => (
          <li key={format}>
            <a href={participantExportUrl(query, format, locale)} download className="button-secondary inline-block" aria-label={t("download", { what, format: t(format) })}>
              {t(format)}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-2 max-w-prose text-base text-muted">{t("note")}</p>
    </section>
  );
}
