import { can } from "@/lib/domain/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CountTable } from "@/components/admin/count-table";
import { PageHeader } from "@/components/admin/page-header";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { ExportLinks } from "@/components/organisations/export-links";
import { rateText, WorkshopPicker } from "@/components/organisations/workshop-picker";
import { requirePageUser } from "@/lib/auth/page-guards";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getOrganisationOverview, organisationPageInput } from "@/lib/server/attendance/get-organisation-overview";
import { firstValues, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string; organisationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "organisationOverview" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * One organisation's overview of a published workshop: its figures, its people with their bookings
 * and attendance, and the participant list to download. Coordinators and admins see any
 * organisation; an orderer their own; anyone else gets the same 404 as for an unknown id.
 */
export default async function OrganisationOverviewPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const { organisationId } = await params;
  const query = firstValues(await searchParams);
  const parsed = organisationPageInput.safeParse({ organisationId, workshop: query.workshop });
  if (!parsed.success) notFound();
  const overview = await getOrganisationOverview(user, parsed.data, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "organisationOverview" });
  const lang = contentLang(locale);
  const { organisation, workshop, counts } = overview;
  const staff = can(user, "organisation.readAny");
  const titled = (chunks: React.ReactNode) => <span lang={lang}>{chunks}</span>;

  return (
    <div className="container-page py-10 sm:py-12">
      <PageHeader
        back={staff ? { href: paths.coordinatorOrganisations(locale), text: t("backToOrganisations") } : { href: paths.staff(locale), text: t("backToStaff") }}
        title={organisation.name}
      />
      {!workshop ? (
        <p className="mt-8">{t("noWorkshop")}</p>
      ) : (
        <>
          <p className="mt-4 max-w-prose text-lg">{t.rich("pageIntro", { workshop: workshop.title, title: titled })}</p>
          <WorkshopPicker locale={locale} action={paths.organisationOverview(locale, organisation.id)} workshops={overview.workshops} chosen={workshop.id} />

          <CountTable
            captionId="counts-caption"
            className="mt-8 max-w-xl"
            caption={t.rich("countsCaption", { organisation: organisation.name, workshop: workshop.title, title: titled })}
            labelColumn={t("figureColumn")}
            countColumn={t("countColumn")}
            rows={[
              { key: "participants", label: t("participantsColumn"), count: counts.participants },
              { key: "package", label: t("packageColumn"), count: counts.packageBookings },
              { key: "lecture", label: t("lectureColumn"), count: counts.lectureBookings },
              { key: "own", label: t("ownProjectsColumn"), count: counts.ownProjects },
              { key: "submitted", label: t("pmsSubmittedColumn"), count: counts.pmsSubmitted },
              { key: "accepted", label: t("pmsAcceptedColumn"), count: counts.pmsAccepted },
            ]}
          />
          <p className="mt-4">
            <span className="font-semibold">{t("attendanceColumn")}:</span> {rateText(t, counts.attendanceRate)}
          </p>
          <p className="mt-2 max-w-prose text-base text-muted">{t("rateNote")}</p>

          <section aria-labelledby="people-heading" className="mt-10">
            <h2 id="people-heading" className="text-2xl">
              {t("peopleHeading")}
            </h2>
            {overview.people.length === 0 ? (
              <p className="mt-4">{t("noPeople")}</p>
            ) : (
              <TableRegion captionId="people-caption">
                <table className="w-full min-w-[48rem] border-collapse text-base">
                  <caption id="people-caption" className="px-3 py-2 text-left font-semibold">
                    {t.rich("peopleCaption", { organisation: organisation.name, workshop: workshop.title, title: titled })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className={th}>
                        {t("nameColumn")}
                      </th>
                      <th scope="col" className={th}>
                        {t("emailColumn")}
                      </th>
                      <th scope="col" className={th}>
                        {t("bookingsColumn")}
                      </th>
                      <th scope="col" className={th}>
                        {t("attendanceColumn")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.people.map((p) => (
                      <tr key={p.id}>
                        <th scope="row" className={`${td} text-left`}>
                          {p.name ?? t("noName")}
                        </th>
                        <td className={td}>{p.email}</td>
                        <td className={td}>
                          <ul>
                            {p.bookings.map((b) => (
                              <li key={b.id}>
                                {b.kind === "LECTURE" ? (
                                  t.rich("booking.LECTURE", { title: b.lectureTitle ?? "", t: titled })
                                ) : (
                                  t(b.ownProject ? "booking.PACKAGE_OWN_PROJECT" : "booking.PACKAGE")
                                )}
                                {b.status === "PENDING_PAYMENT" && <span className="text-muted"> ({t("pending")})</span>}
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td className={td}>{t("personAttendance", { ...p.attendance })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </section>

          <ExportLinks
            locale={locale}
            query={{ scope: "organisation", id: organisation.id, workshopId: workshop.id }}
            what={t("exportWhatOrganisation", { organisation: organisation.name })}
            headingId="export-heading"
            heading={t("exportHeading")}
          />
        </>
      )}
    </div>
  );
}
