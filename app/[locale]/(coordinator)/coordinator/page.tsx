import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CountTable } from "@/components/admin/count-table";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Badge } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatLocalDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import {
  BOOKING_KINDS,
  BOOKING_STATUSES,
  getCoordinationOverview,
  PM_STATUSES,
} from "@/lib/server/coordination/get-coordination-overview";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "coordination" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The coordinator area's landing page: where each workshop stands, in figures. */
export default async function CoordinatorPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  await requirePageArea(locale, "coordinator");
  const [t, tSupervision, tPmReview, tAttendance, tOrganisations, workshops] = await Promise.all([
    getTranslations({ locale, namespace: "coordination" }),
    getTranslations({ locale, namespace: "supervisionAdmin" }),
    getTranslations({ locale, namespace: "pmReview" }),
    getTranslations({ locale, namespace: "attendance" }),
    getTranslations({ locale, namespace: "organisationOverview" }),
    getCoordinationOverview(),
  ]);
  const lang = contentLang(locale);

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      <p className="mt-4">
        <a href={paths.coordinatorPms(locale)}>{tPmReview("queueLink")}</a>
      </p>
      <p className="mt-4">
        <a href={paths.coordinatorSupervision(locale)}>{tSupervision("title")}</a>
      </p>
      <p className="mt-4">
        <a href={paths.coordinatorAttendance(locale)}>{tAttendance("coordinatorLink")}</a>
      </p>
      <p className="mt-4">
        <a href={paths.coordinatorOrganisations(locale)}>{tOrganisations("coordinatorLink")}</a>
      </p>

      {workshops.length === 0 && <p className="mt-8">{t("none")}</p>}

      {workshops.map((w) => {
        const headingId = `workshop-${w.id}`;
        const pmTotal = PM_STATUSES.reduce((sum, status) => sum + w.pms[status], 0);
        return (
          <section key={w.id} aria-labelledby={headingId} className="mt-10 rounded-lg border border-line p-5 sm:p-6">
            <h2 id={headingId} className="text-2xl">
              {w.status === "PUBLISHED" ? (
                <a href={paths.workshop(locale, w.slug)} lang={lang}>
                  {w.title}
                </a>
              ) : (
                <span lang={lang}>{w.title}</span>
              )}
            </h2>
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <Badge tone={w.status === "DRAFT" ? "warning" : "gathering"}>{t(w.status === "DRAFT" ? "draft" : "published")}</Badge>
              <span className="text-base text-muted">{t("edition", { edition: w.edition })}</span>
            </p>

            <Facts
              className="mt-4"
              items={[
                {
                  label: t("period"),
                  value: t("periodValue", { start: formatLocalDate(w.startsOn, locale), end: formatLocalDate(w.endsOn, locale) }),
                },
                { label: t("pmDeadline"), value: formatLocalDate(w.pmDeadline, locale) },
                { label: t("packageSeats"), value: t("packageSeatsValue", { taken: w.packageSeatsTaken, capacity: w.packageCapacity }) },
                {
                  label: t("activeSupervisions"),
                  value: (
                    <>
                      {t("activeSupervisionsValue", { count: w.activeSupervisions })}
                      {w.activeSupervisions > 0 && (
                        <>
                          {" "}
                          (<a href={paths.coordinatorSupervision(locale)}>{t("showSupervisions")}</a>)
                        </>
                      )}
                    </>
                  ),
                },
              ]}
            />

            <h3 className="mt-8 text-xl">{t("bookingsHeading")}</h3>
            <TableRegion captionId={`${headingId}-bookings`}>
              <table className="w-full min-w-[40rem] border-collapse text-base">
                <caption id={`${headingId}-bookings`} className="px-3 py-2 text-left font-semibold">
                  {t.rich("bookingsCaption", { workshop: w.title, title: (chunks) => <span lang={lang}>{chunks}</span> })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      {t("kindColumn")}
                    </th>
                    {BOOKING_STATUSES.map((status) => (
                      <th key={status} scope="col" className={`${th} text-right`}>
                        {t(`bookingStatus.${status}`)}
                      </th>
                    ))}
                    <th scope="col" className={`${th} text-right`}>
                      {t("waitlistColumn")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {BOOKING_KINDS.map((kind) => {
                    const queue = w.waitlist[kind];
                    return (
                      <tr key={kind}>
                        <th scope="row" className={`${td} text-left`}>
                          {t(`kinds.${kind}`)}
                        </th>
                        {BOOKING_STATUSES.map((status) => (
                          <td key={status} className={`${td} text-right tabular-nums`}>
                            {w.bookings[kind][status]}
                          </td>
                        ))}
                        <td className={`${td} text-right tabular-nums`}>
                          {queue.waiting + queue.offered}
                          {queue.offered > 0 && <span className="block text-sm text-muted">{t("waitlistOffered", { count: queue.offered })}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
            <p className="mt-2 text-base text-muted">{t("bookingsNote")}</p>

            <h3 className="mt-8 text-xl">{t("pmsHeading")}</h3>
            <CountTable
              captionId={`${headingId}-pms`}
              className="max-w-xl"
              caption={t.rich("pmsCaption", { workshop: w.title, title: (chunks) => <span lang={lang}>{chunks}</span> })}
              labelColumn={t("statusColumn")}
              countColumn={t("countColumn")}
              rows={PM_STATUSES.map((status) => ({ key: status, label: t(`pmStatus.${status}`), count: w.pms[status] }))}
              total={{ label: t("pmsTotal"), count: pmTotal }}
            />
          </section>
        );
      })}
    </div>
  );
}
