import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { CoordinationPageHeader } from "@/components/coordination/coordination-page-header";
import { ExportLinks } from "@/components/organisations/export-links";
import { rateText, WorkshopPicker } from "@/components/organisations/workshop-picker";
import { requirePageArea } from "@/lib/auth/page-guards";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import type { OrganisationCounts } from "@/lib/server/attendance/organisation-counts";
import { listOrganisationOverview, organisationOverviewInput } from "@/lib/server/attendance/list-organisation-overview";
import { firstValues, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "organisationOverview" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const FIGURES = ["participants", "packageBookings", "lectureBookings", "ownProjects"] as const;

/** Every organisation's figures for one published workshop (by default the current one). */
export default async function OrganisationsOverviewPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const parsed = organisationOverviewInput.safeParse(firstValues(await searchParams));
  const overview = await listOrganisationOverview(user, parsed.success ? parsed.data : {}, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "organisationOverview" });
  const lang = contentLang(locale);
  const workshop = overview.workshop;
  const numbers = (c: OrganisationCounts) => (
    <>
      {FIGURES.map((key) => (
        <td key={key} className={`${td} text-right tabular-nums`}>
          {c[key]}
        </td>
      ))}
      <td className={`${td} text-right tabular-nums`}>{rateText(t, c.attendanceRate)}</td>
      <td className={`${td} text-right tabular-nums`}>{c.pmsSubmitted}</td>
      <td className={`${td} text-right tabular-nums`}>{c.pmsAccepted}</td>
    </>
  );
  const without = overview.withoutOrganisation;

  return (
    <div className="container-page py-10 sm:py-12">
      <CoordinationPageHeader locale={locale} backText={t("backToCoordination")} title={t("title")} intro={t("intro")} />

      {!workshop ? (
        <p className="mt-8">{t("noWorkshop")}</p>
      ) : (
        <>
          <WorkshopPicker locale={locale} action={paths.coordinatorOrganisations(locale)} workshops={overview.workshops} chosen={workshop.id} />
          {overview.rows.length === 0 ? (
            <p className="mt-8">{t("none")}</p>
          ) : (
            <TableRegion captionId="organisations-caption" className="mt-8">
              <table className="w-full min-w-[64rem] border-collapse text-base">
                <caption id="organisations-caption" className="px-3 py-2 text-left font-semibold">
                  {t.rich("caption", { workshop: workshop.title, title: (chunks) => <span lang={lang}>{chunks}</span> })}
                </caption>
                <thead>
                  <tr>
                    {[
                      ["organisationColumn", ""],
                      ["participantsColumn", "text-right"],
                      ["packageColumn", "text-right"],
                      ["lectureColumn", "text-right"],
                      ["ownProjectsColumn", "text-right"],
                      ["attendanceColumn", "text-right"],
                      ["pmsSubmittedColumn", "text-right"],
                      ["pmsAcceptedColumn", "text-right"],
                    ].map(([key, align]) => (
                      <th key={key} scope="col" className={`${th} ${align}`}>
                        {t(key!)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {overview.rows.map((r) => (
                    <tr key={r.organisation.id}>
                      <th scope="row" className={`${td} text-left`}>
                        <a href={withQuery(paths.organisationOverview(locale, r.organisation.id), { workshop: workshop.id })}>{r.organisation.name}</a>
                      </th>
                      {numbers(r.counts)}
                    </tr>
                  ))}
                  {without.participants + without.present + without.absent + without.pmsSubmitted > 0 && (
                    <tr>
                      <th scope="row" className={`${td} text-left font-normal italic`}>
                        {t("withoutOrganisation")}
                      </th>
                      {numbers(without)}
                    </tr>
                  )}
                </tbody>
                <tfoot>
                  <tr className="font-semibold">
                    <th scope="row" className={`${td} text-left`}>
                      {t("total")}
                    </th>
                    {numbers(overview.totals)}
                  </tr>
                </tfoot>
              </table>
            </TableRegion>
          )}
          <p className="mt-2 max-w-prose text-base text-muted">{t("rateNote")}</p>
          <ExportLinks locale={locale} query={{ scope: "workshop", id: workshop.id }} what={t("exportWhatWorkshop")} headingId="export-heading" heading={t("exportHeading")} />
        </>
      )}
    </div>
  );
}
