import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { LecturerForm } from "@/components/admin/calendar/lecturer-form";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { requirePageArea } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { listLecturers } from "@/lib/server/calendar/list-lecturers";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendarAdmin.lecturers" });
  return { title: t("title") };
}

/** "Föreläsare": every lecturer with how many lectures name them, and a form to add one. */
export default async function LecturersPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const [t, messages, lecturers] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.lecturers" }), getMessages({ locale }), listLecturers(me)]);

  return (
    <>
      <p className="mb-4">
        <a href={paths.adminCalendar(locale)}>{t("back")}</a>
      </p>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      {lecturers.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <TableRegion captionId="lecturers-caption" className="mt-8">
          <table className="w-full min-w-[32rem] border-collapse text-base">
            <caption id="lecturers-caption" className="px-3 py-2 text-left font-semibold">
              {t("caption", { count: lecturers.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t("colName")}</th>
                <th scope="col" className={th}>{t("colAffiliation")}</th>
                <th scope="col" className={`${th} text-right`}>{t("colLectures")}</th>
              </tr>
            </thead>
            <tbody>
              {lecturers.map((l) => (
                <tr key={l.id}>
                  <th scope="row" className={`${td} text-left`}>
                    <a href={paths.adminLecturer(locale, l.id)}>{l.name}</a>
                  </th>
                  <td className={td}>{l.affiliation ?? <span className="text-muted">{t("noAffiliation")}</span>}</td>
                  <td className={`${td} text-right tabular-nums`}>{l.lectures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <section aria-labelledby="new-lecturer-heading" className="mt-10">
        <h2 id="new-lecturer-heading" className="text-2xl">
          {t("newHeading")}
        </h2>
        <div className="mt-4">
          <NextIntlClientProvider messages={{ calendarAdmin: (messages as Record<string, AbstractIntlMessages>).calendarAdmin ?? {} }}>
            <LecturerForm values={{}} editHref={paths.adminLecturer(locale, "__id__")} />
          </NextIntlClientProvider>
        </div>
      </section>
    </>
  );
}
