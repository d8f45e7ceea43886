import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CountTable } from "@/components/admin/count-table";
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
  const [t, tr, ta, tb, overview] = await Promise.all([
    getTranslations({ locale, namespace: "admin.overview" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "admin.audit" }),
    getTranslations({ locale, namespace: "billingAdmin" }),
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
          <CountTable
            captionId="roles-caption"
            caption={t("rolesCaption")}
            labelColumn={t("roleColumn")}
            countColumn={t("countColumn")}
            rows={overview.perRole.map(({ role, count }) => ({
              key: role,
              label: <a href={withQuery(paths.adminUsers(locale), { role })}>{tr(role)}</a>,
              count,
            }))}
          />
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
            <CountTable
              captionId="actions-caption"
              caption={t("actionsCaption")}
              labelColumn={t("actionColumn")}
              countColumn={t("eventCountColumn")}
              rows={overview.actions.map(({ action, count }) => ({
                key: action,
                label: <a href={withQuery(paths.adminAudit(locale), { action, from: overview.since })}>{words(action) ?? <code>{action}</code>}</a>,
                count,
              }))}
            />
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

        <section aria-labelledby="billing-heading">
          <h2 id="billing-heading" className="text-2xl">
            {tb("overviewHeading")}
          </h2>
          <p className="mt-3">{tb("overviewText")}</p>
          <p className="mt-4">
            <a href={paths.adminBilling(locale)} className="button-secondary">
              {tb("overviewLink")}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}
