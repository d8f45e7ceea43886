import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { deleteLecturerAction } from "@/app/_actions/calendar-admin";
import { ConfirmAction } from "@/components/admin/calendar/confirm-action";
import { LecturerForm } from "@/components/admin/calendar/lecturer-form";
import { requirePageArea } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { getLecturer } from "@/lib/server/calendar/list-lecturers";

type Props = { params: Promise<{ locale: string; lecturerId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendarAdmin.lecturers" });
  return { title: t("editTitle") };
}

/** One lecturer: the form, and deletion while no lecture names them. */
export default async function LecturerPage({ params }: Props) {
  const locale = await localeFromParams(params);
  const { lecturerId } = await params;
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const lecturer = await getLecturer(me, lecturerId);
  if (!lecturer) notFound();
  const [t, ta, messages] = await Promise.all([
    getTranslations({ locale, namespace: "calendarAdmin.lecturers" }),
    getTranslations({ locale, namespace: "calendarAdmin.actions" }),
    getMessages({ locale }),
  ]);

  return (
    <NextIntlClientProvider messages={{ calendarAdmin: (messages as Record<string, AbstractIntlMessages>).calendarAdmin ?? {} }}>
      <p className="mb-4">
        <a href={paths.adminLecturers(locale)}>{t("backToList")}</a>
      </p>
      <h1 className="text-3xl sm:text-4xl">{lecturer.name}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("usedBy", { count: lecturer.lectures })}</p>
      <div className="mt-8">
        <LecturerForm lecturerId={lecturer.id} values={{ name: lecturer.name, affiliation: lecturer.affiliation ?? "", bio: lecturer.bio ?? "" }} />
      </div>
      <section aria-labelledby="delete-heading" className="mt-10 max-w-xl">
        <h2 id="delete-heading" className="text-2xl">
          {t("deleteHeading")}
        </h2>
        <div className="mt-4">
          {lecturer.lectures === 0 ? (
            <ConfirmAction
              action={deleteLecturerAction}
              hidden={{ lecturerId: lecturer.id }}
              danger
              nextHref={paths.adminLecturers(locale)}
              texts={{ open: t("delete"), confirmText: t("deleteConfirm", { name: lecturer.name }), confirm: t("deleteYes"), cancel: ta("cancel"), pending: ta("deleting"), done: ta("deleted"), errorHeading: ta("errorHeading") }}
            />
          ) : (
            <p>{t("deleteBlocked", { count: lecturer.lectures })}</p>
          )}
        </div>
      </section>
    </NextIntlClientProvider>
  );
}
