import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { CoordinationPageHeader } from "@/components/coordination/coordination-page-header";
import { Badge } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatStockholmDate, formatStockholmTimeRange } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang, type AppLocale } from "@/lib/i18n/routing";
import { listAttendanceSessions, type AttendanceSessionItem } from "@/lib/server/attendance/list-attendance-sessions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "attendance" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

async function SessionTable({ locale, id, caption, sessions }: { locale: AppLocale; id: string; caption: string; sessions: AttendanceSessionItem[] }) {
  const t = await getTranslations({ locale, namespace: "attendance" });
  const lang = contentLang(locale);
  return (
    <TableRegion captionId={id}>
      <table className="w-full min-w-[48rem] border-collapse text-base">
        <caption id={id} className="px-3 py-2 text-left font-semibold">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {t("sessionColumn")}
            </th>
            <th scope="col" className={th}>
              {t("workshopColumn")}
            </th>
            <th scope="col" className={th}>
              {t("whenColumn")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("expectedColumn")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("presentColumn")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("recordedColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.ref}>
              <th scope="row" className={`${td} text-left`}>
                <a href={paths.coordinatorAttendanceSession(locale, s.ref)} lang={lang}>
                  {s.title}
                </a>
                <span className="mt-1 flex flex-wrap gap-2 text-sm font-normal text-muted">
                  {t(`kind.${s.kind}`)}
                  {s.status === "CANCELLED" && <Badge tone="danger">{t("cancelled")}</Badge>}
                </span>
              </th>
              <td className={td} lang={lang}>
                {s.workshop.title}
              </td>
              <td className={td}>
                {t("whenValue", { date: formatStockholmDate(s.startsAt, locale), time: formatStockholmTimeRange(s.startsAt, s.endsAt, locale) })}
              </td>
              <td className={`${td} text-right tabular-nums`}>{s.expected}</td>
              <td className={`${td} text-right tabular-nums`}>{s.present}</td>
              <td className={`${td} text-right tabular-nums`}>{s.recorded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Närvaro: the sessions of published workshops, those that have begun first (newest first), then what is coming. */
export default async function AttendanceSessionsPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const [t, list] = await Promise.all([getTranslations({ locale, namespace: "attendance" }), listAttendanceSessions(user, new Date())]);

  return (
    <div className="container-page py-10 sm:py-12">
      <CoordinationPageHeader locale={locale} backText={t("backToCoordination")} title={t("title")} intro={t("intro")} />

      <section aria-labelledby="open-heading" className="mt-10">
        <h2 id="open-heading" className="text-2xl">
          {t("openHeading")}
        </h2>
        {list.open.length === 0 ? (
          <p className="mt-4">{t("noneOpen")}</p>
        ) : (
          <SessionTable locale={locale} id="open-caption" caption={t("openCaption")} sessions={list.open} />
        )}
      </section>

      <section aria-labelledby="upcoming-heading" className="mt-12">
        <h2 id="upcoming-heading" className="text-2xl">
          {t("upcomingHeading")}
        </h2>
        <p className="mt-2 max-w-prose">{t("upcomingIntro")}</p>
        {list.upcoming.length === 0 ? (
          <p className="mt-4">{t("noneUpcoming")}</p>
        ) : (
          <SessionTable locale={locale} id="upcoming-caption" caption={t("upcomingCaption")} sessions={list.upcoming} />
        )}
      </section>
    </div>
  );
}
