import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatLocalDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { getAdminOverview } from "@/lib/server/admin/get-admin-overview";
import { wordsFor } from "@/components/admin/audit-words";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "admin.overview" });
  return { title: t("title") };
}

export default async function AdminOverviewPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  await requirePageArea(locale, "admin");
  const [t, tr, ta, overview] = await Promise.all([
    getTranslations({ locale, namespace: "admin.overview" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "admin.audit" }),
    getAdminOverview(new Date()),
  ]);
  const words = wordsFor(ta.raw("actions"));
  const recentAuditHref = withQuery(paths.adminAudit(locale), { from: overview.since });

  return (
    <>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>

      <div className="mt-10 grid gap-12 lg:grid-cols-2">
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="text-2xl">
            {t("peopleHeading")}
          </h2>
          <p className="mt-3">{t("peopleTotal", { count: overview.people })}</p>
          <p className="mt-1">{t("incompleteProfiles", { count: overview.incompleteProfiles })}</p>
          <TableRegion captionId="roles-caption">
            <table className="w-full border-collapse text-base">
              <caption id="roles-caption" className="px-3 py-2 text-left font-semibold">
                {t("rolesCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    {t("roleColumn")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("countColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.perRole.map(({ role, count }) => (
                  <tr key={role}>
                    <th scope="row" className={`${td} text-left font-normal`}>
                      <a href={withQuery(paths.adminUsers(locale), { role })}>{tr(role)}</a>
                    </th>
                    <td className={`${td} text-right tabular-nums`}>{count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p className="mt-3 text-base text-muted">{t("rolesNote")}</p>
          <p className="mt-4">
            <a href={paths.adminUsers(locale)} className="button-secondary">
              {t("managePeople")}
            </a>
          </p>
        </section>

        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="text-2xl">
            {t("auditHeading")}
          </h2>
          <p className="mt-3">{t("auditLastWeek", { count: overview.eventCount, date: formatLocalDate(overview.since, locale) })}</p>
          {overview.actions.length > 0 && (
            <TableRegion captionId="actions-caption">
              <table className="w-full border-collapse text-base">
                <caption id="actions-caption" className="px-3 py-2 text-left font-semibold">
                  {t("actionsCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      {t("actionColumn")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("eventCountColumn")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.actions.map(({ action, count }) => (
                    <tr key={action}>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        <a href={withQuery(paths.adminAudit(locale), { action, from: overview.since })}>{words(action) ?? <code>{action}</code>}</a>
                      </th>
                      <td className={`${td} text-right tabular-nums`}>{count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <ul className="mt-4 grid gap-2">
            <li>
              <a href={recentAuditHref} className="font-semibold">
                {t("showAudit")}
              </a>
            </li>
            <li>
              <a href={paths.adminAudit(locale)} className="font-semibold">
                {t("showAllAudit")}
              </a>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
