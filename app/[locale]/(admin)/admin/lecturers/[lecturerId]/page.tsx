import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { deleteLecturerAction } from "@/app/_actions/calendar-admin";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { LecturerForm } from "@/components/admin/calendar/lecturer-form";
import { RegisterItemPage } from "@/components/admin/calendar/register-page";
import { paths } from "@/lib/i18n/paths";
import { getLecturer } from "@/lib/server/calendar/list-lecturers";

export const generateMetadata = titleMetadata("calendarAdmin.lecturers", "editTitle");

/** One lecturer: the form, and deletion while no lecture names them. */
export default async function LecturerPage({ params }: { params: Promise<{ locale: string; lecturerId: string }> }) {
  const { locale, me, params: p } = await openAdminPage(params);
  const lecturer = await getLecturer(me, p.lecturerId);
  if (!lecturer) notFound();
  const t = await getTranslations({ locale, namespace: "calendarAdmin.lecturers" });

  return (
    <RegisterItemPage
      locale={locale}
      back={{ href: paths.adminLecturers(locale), text: t("backToList") }}
      title={lecturer.name}
      intro={t("usedBy", { count: lecturer.lectures })}
      form={<LecturerForm lecturerId={lecturer.id} values={{ name: lecturer.name, affiliation: lecturer.affiliation ?? "", bio: lecturer.bio ?? "" }} />}
      remove={{
        heading: t("deleteHeading"),
        allowed: lecturer.lectures === 0,
        blockedText: t("deleteBlocked", { count: lecturer.lectures }),
        action: deleteLecturerAction,
        hidden: { lecturerId: lecturer.id },
        nextHref: paths.adminLecturers(locale),
        texts: { open: t("delete"), confirmText: t("deleteConfirm", { name: lecturer.name }), confirm: t("deleteYes") },
      }}
    />
  );
}
