import { getTranslations } from "next-intl/server";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { LecturerForm } from "@/components/admin/calendar/lecturer-form";
import { RegisterListPage } from "@/components/admin/calendar/register-page";
import { paths } from "@/lib/i18n/paths";
import { listLecturers } from "@/lib/server/calendar/list-lecturers";

export const generateMetadata = titleMetadata("calendarAdmin.lecturers");

/** "Föreläsare": every lecturer with how many lectures name them, and a form to add one. */
export default async function LecturersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, me } = await openAdminPage(params);
  const [t, lecturers] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.lecturers" }), listLecturers(me)]);

  return (
    <RegisterListPage
      locale={locale}
      backHref={paths.adminCalendar(locale)}
      texts={{ back: t("back"), title: t("title"), intro: t("intro"), empty: t("empty"), caption: t("caption", { count: lecturers.length }), newHeading: t("newHeading") }}
      captionId="lecturers-caption"
      newHeadingId="new-lecturer-heading"
      tableClassName="w-full min-w-[32rem]"
      columns={[{ label: t("colName") }, { label: t("colAffiliation") }, { label: t("colLectures"), numeric: true }]}
      rows={lecturers.map((l) => ({
        id: l.id,
        href: paths.adminLecturer(locale, l.id),
        name: l.name,
        cells: [l.affiliation ?? <span className="text-muted">{t("noAffiliation")}</span>, l.lectures],
      }))}
      form={<LecturerForm values={{}} editHref={paths.adminLecturer(locale, "__id__")} />}
    />
  );
}
