import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/forms/field";
import { contentLang, type AppLocale } from "@/lib/i18n/routing";
import type { WorkshopChoice } from "@/lib/server/attendance/organisation-counts";

/** A GET form choosing which published workshop the overview shows (?workshop=<id>). */
export async function WorkshopPicker({ locale, action, workshops, chosen }: { locale: AppLocale; action: string; workshops: WorkshopChoice[]; chosen: string | null }) {
  const t = await getTranslations({ locale, namespace: "organisationOverview" });
  const lang = contentLang(locale);
  return (
    <form method="get" action={action} role="search" aria-label={t("workshopLegend")} className="mt-8 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4 sm:p-5">
      <Field id="workshop" label={t("workshopLabel")}>
        {(c) => (
          <select id={c.id} name="workshop" defaultValue={chosen ?? ""} aria-describedby={c.describedBy} className={inputClass}>
            {workshops.map((w) => (
              <option key={w.id} value={w.id} lang={lang}>
                {w.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button-primary">
        {t("show")}
      </button>
    </form>
  );
}

/** "83 %" or "Inte registrerad". */
export function rateText(t: (key: string, values?: Record<string, number>) => string, rate: number | null): string {
  return rate === null ? t("noRate") : t("rate", { rate });
}
