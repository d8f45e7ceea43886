import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/admin/pagination";
import { RoleToggle } from "@/components/admin/role-toggle";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Field, inputClass } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { ROLES } from "@/lib/domain/roles";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { listUsers, listUsersInput } from "@/lib/server/accounts/list-users";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "admin.users" });
  return { title: t("title") };
}

export default async function AdminUsersPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const { input, values, fieldErrors } = await parseSearchParams(listUsersInput, await searchParams, locale);
  const [t, tr, result] = await Promise.all([
    getTranslations({ locale, namespace: "admin.users" }),
    getTranslations({ locale, namespace: "roles" }),
    listUsers(input),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const first = (input.page - 1) * result.pageSize + 1;
  const hrefFor = (page: number) =>
    withQuery(paths.adminUsers(locale), { q: input.q, role: input.role, page: page > 1 ? String(page) : undefined });
  const filtered = Boolean(input.q || input.role);

  return (
    <>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>

      <form
        method="get"
        action={paths.adminUsers(locale)}
        role="search"
        aria-label={t("searchLabel")}
        className="mt-8 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end sm:p-5"
      >
        <Field id="q" label={t("qLabel")} hint={t("qHint")} errors={fieldErrors.q}>
          {(c) => (
            <input
              id={c.id}
              name="q"
              type="search"
              defaultValue={values.q ?? ""}
              maxLength={100}
              autoComplete="off"
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="role" label={t("roleLabel")} errors={fieldErrors.role}>
          {(c) => (
            <select
              id={c.id}
              name="role"
              defaultValue={input.role ?? ""}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              className={inputClass}
            >
              <option value="">{t("allRoles")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tr(role)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <button type="submit" className="button-primary">
            {t("submit")}
          </button>
          {filtered && <a href={paths.adminUsers(locale)}>{t("clear")}</a>}
        </div>
      </form>

      <p className="mt-8">
        {t("count", { count: result.total })}{" "}
        {result.users.length > 0 && t("showing", { from: first, to: first + result.users.length - 1 })}
      </p>

      {result.users.length === 0 ? (
        result.total > 0 && <p className="mt-2">{t("pageEmpty")}</p>
      ) : (
        <TableRegion captionId="people-caption">
          <table className="w-full min-w-[60rem] border-collapse text-base">
            <caption id="people-caption" className="px-3 py-2 text-left font-semibold">
              {t("caption", { page: input.page, pages })}
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
                  {t("organisationColumn")}
                </th>
                <th scope="col" className={th}>
                  {t("rolesColumn")}
                </th>
                <th scope="col" className={th}>
                  {t("changeColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.users.map((user) => {
                const name = user.name ?? user.email;
                const held = ROLES.filter((role) => user.roles.includes(role));
                return (
                  <tr key={user.id}>
                    <th scope="row" className={`${td} text-left`}>
                      <span className={user.name ? undefined : "font-normal italic text-muted"}>{user.name ?? t("noName")}</span>
                      {user.id === me.id && (
                        <>
                          {" "}
                          <Badge tone="neutral">{t("you")}</Badge>
                        </>
                      )}
                      {user.title && <span className="block text-sm font-normal text-muted">{user.title}</span>}
                    </th>
                    <td className={`${td} whitespace-nowrap`}>{user.email}</td>
                    <td className={td}>{user.organisation ?? <span className="text-muted">{t("noOrganisation")}</span>}</td>
                    <td className={td}>{held.length ? held.map((role) => tr(role)).join(", ") : <span className="text-muted">{t("noRoles")}</span>}</td>
                    <td className={td}>
                      <ul className="flex flex-wrap gap-2">
                        {ROLES.map((role) => {
                          const has = held.includes(role);
                          const roleName = tr(role);
                          return (
                            <li key={role}>
                              <RoleToggle
                                userId={user.id}
                                role={role}
                                held={has}
                                label={has ? t("revoke", { role: roleName }) : t("grant", { role: roleName })}
                                labelSuffix={has ? t("revokeSuffix", { name }) : t("grantSuffix", { name })}
                                pendingLabel={t("pending")}
                                nowHeldMessage={t("granted", { name, role: roleName })}
                                nowNotHeldMessage={t("revoked", { name, role: roleName })}
                                unchangedMessage={t("unchanged")}
                              />
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}

      <Pagination locale={locale} page={input.page} pages={pages} hrefFor={hrefFor} />
    </>
  );
}
