import { getTranslations } from "next-intl/server";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { PageHeader } from "@/components/admin/page-header";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { WorkshopStatusBadge } from "@/components/admin/calendar/workshop-status-badge";
import { formatLocalDate } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { listWorkshopsForAdmin } from "@/lib/server/calendar/list-workshops-for-admin";

export const generateMetadata = titleMetadata("calendarAdmin.list");

/** "Kalender": every workshop (drafts too) with status, sessions, bookings and links. */
export default async function CalendarAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, me } = await openAdminPage(params);
  const [t, workshops] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.list" }), listWorkshopsForAdmin(me)]);
  const lang = contentLang(locale);

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="mt-6 flex flex-wrap gap-4">
        <a href={paths.adminWorkshopNew(locale)} className="button-primary">
          {t("new")}
        </a>
        <a href={paths.adminVenues(locale)} className="button-secondary">
          {t("venues")}
        </a>
        <a href={paths.adminLecturers(locale)} className="button-secondary">
          {t("lecturers")}
        </a>
      </p>
      {workshops.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <TableRegion captionId="workshops-caption" className="mt-8">
          <table className="w-full min-w-[48rem] border-collapse text-base">
            <caption id="workshops-caption" className="px-3 py-2 text-left font-semibold">
              {t("caption", { count: workshops.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t("colWorkshop")}</th>
                <th scope="col" className={th}>{t("colPeriod")}</th>
                <th scope="col" className={th}>{t("colStatus")}</th>
                <th scope="col" className={`${th} text-right`}>{t("colSessions")}</th>
                <th scope="col" className={`${th} text-right`}>{t("colBookings")}</th>
                <th scope="col" className={th}>{t("colLinks")}</th>
              </tr>
            </thead>
            <tbody>
              {workshops.map((w) => (
                <tr key={w.id}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <a href={paths.adminWorkshop(locale, w.id)} lang={lang} className="font-semibold">
                      {w.title}
                    </a>
                    <span className="block text-muted">{t("edition", { edition: w.edition })}</span>
                  </th>
                  <td className={td}>
                    {t("period", { start: formatLocalDate(w.startsOn, locale), end: formatLocalDate(w.endsOn, locale) })}
                  </td>
                  <td className={td}>
                    <WorkshopStatusBadge status={w.status} locale={locale} />
                  </td>
                  <td className={`${td} text-right tabular-nums`}>
                    {w.sessions}
                    {w.draftSessions > 0 && <span className="block text-muted">{t("drafts", { count: w.draftSessions })}</span>}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{w.bookings}</td>
                  <td className={td}>
                    <ul className="grid gap-1">
                      <li>
                        <a href={paths.adminWorkshop(locale, w.id)}>{t("edit")}
                          <span className="sr-only" lang={lang}> {w.title}</span></a>
                      </li>
                      <li>
                        <a href={paths.adminWorkshopPreview(locale, w.id)}>{t("preview")}
                          <span className="sr-only" lang={lang}> {w.title}</span></a>
                      </li>
                      {w.status === "PUBLISHED" && (
                        <li>
                          <a href={paths.workshop(locale, w.slug)}>{t("publicPage")}
                            <span className="sr-only" lang={lang}> {w.title}</span></a>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
