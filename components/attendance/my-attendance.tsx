import { getTranslations } from "next-intl/server";
import { formatStockholmDate } from "@/lib/domain/time";
import { contentLang, type AppLocale } from "@/lib/i18n/routing";
import { listMyAttendance } from "@/lib/server/attendance/list-my-attendance";

const th = "border-b-2 border-line bg-surface px-3 py-2 text-left align-bottom font-semibold";
const td = "border-b border-line px-3 py-2 align-top";

/**
 * "Min närvaro" for the bookings page: the signed-in person's own attendance record, one row per
 * session that has taken place. Renders nothing until there is such a session.
 * Place it as <MyAttendance locale={locale} userId={user.id} now={now} level={2} />.
 */
export async function MyAttendance({ locale, userId, now, level = 2 }: { locale: AppLocale; userId: string; now: Date; level?: 2 | 3 }) {
  const [t, record] = await Promise.all([getTranslations({ locale, namespace: "attendance.my" }), listMyAttendance({ id: userId }, now)]);
  if (record.rows.length === 0) return null;
  const Heading = level === 2 ? "h2" : "h3";
  const lang = contentLang(locale);
  return (
    <section aria-labelledby="my-attendance-heading" className="mt-12">
      <Heading id="my-attendance-heading" className="text-2xl">
        {t("heading")}
      </Heading>
      <p className="mt-2 max-w-prose">{t("intro")}</p>
      <p className="mt-2 font-semibold">{t("summary", { present: record.summary.present, expected: record.summary.expected })}</p>
      <div role="region" aria-labelledby="my-attendance-caption" tabIndex={0} className="mt-4 overflow-x-auto rounded-lg border border-line">
        <table className="w-full min-w-[36rem] border-collapse text-base">
          <caption id="my-attendance-caption" className="px-3 py-2 text-left font-semibold">
            {t("caption")}
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
                {t("dateColumn")}
              </th>
              <th scope="col" className={th}>
                {t("stateColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {record.rows.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <th scope="row" className={`${td} text-left`} lang={lang}>
                  {r.title}
                </th>
                <td className={td} lang={lang}>
                  {r.workshop.title}
                </td>
                <td className={td}>{formatStockholmDate(r.startsAt, locale)}</td>
                <td className={td}>{t(`state.${r.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
