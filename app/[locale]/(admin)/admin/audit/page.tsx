import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { wordsFor } from "@/components/admin/audit-words";
import { Pagination } from "@/components/admin/pagination";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Field, inputClass } from "@/components/forms/field";
import { requirePageArea } from "@/lib/auth/page-guards";
import { auditChanges, displayAuditValue } from "@/lib/domain/audit-diff";
import { isRoleName } from "@/lib/domain/roles";
import { addDays, formatStockholmTime, toStockholmDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { listAuditEvents, listAuditEventsInput } from "@/lib/server/audit/list-audit-events";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "admin.audit" });
  return { title: t("title") };
}

/** "2026-02-30" passes the schema's pattern but is no day; the use case would fail on it. */
function isRealDate(date: string | undefined): boolean {
  if (!date) return true;
  try {
    return addDays(date, 0) === date;
  } catch {
    return false;
  }
}

export default async function AdminAuditPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  await requirePageArea(locale, "admin");
  const [t, tr, parsed] = await Promise.all([
    getTranslations({ locale, namespace: "admin.audit" }),
    getTranslations({ locale, namespace: "roles" }),
    parseSearchParams(listAuditEventsInput, await searchParams, locale),
  ]);
  const { values } = parsed;
  const input = { ...parsed.input };
  const fieldErrors = { ...parsed.fieldErrors };
  for (const key of ["from", "to"] as const) {
    if (fieldErrors[key] || !isRealDate(input[key])) {
      fieldErrors[key] = [t("invalidDate")];
      input[key] = undefined;
    }
  }
  const result = await listAuditEvents(input);

  const actionWords = wordsFor(t.raw("actions"));
  const typeWords = wordsFor(t.raw("entityTypes"));
  const fieldWords = wordsFor(t.raw("fields"));
  const valueWords = (key: string) => (scalar: string | number | boolean) => {
    if (typeof scalar === "boolean") return scalar ? t("yes") : t("no");
    if (key === "roles" && typeof scalar === "string" && isRoleName(scalar)) return tr(scalar);
    return String(scalar);
  };

  const knownTypes = Object.keys((t.raw("entityTypes") ?? {}) as Record<string, string>);
  const typeOptions = input.entityType && !knownTypes.includes(input.entityType) ? [...knownTypes, input.entityType] : knownTypes;
  const actionOptions = input.action && !result.actions.includes(input.action) ? [input.action, ...result.actions] : result.actions;

  const filter = {
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    actor: input.actor,
    from: input.from,
    to: input.to,
  };
  const filtered = Object.values(filter).some(Boolean);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const first = (input.page - 1) * result.pageSize + 1;
  const hrefFor = (page: number) => withQuery(paths.adminAudit(locale), { ...filter, page: page > 1 ? String(page) : undefined });
  const textInput = (name: keyof typeof values, maxLength: number) =>
    function TextControl(c: { id: string; describedBy: string | undefined; invalid: boolean }) {
      return (
        <input
          id={c.id}
          name={name}
          type="text"
          defaultValue={values[name] ?? ""}
          maxLength={maxLength}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={c.describedBy}
          aria-invalid={c.invalid || undefined}
          className={inputClass}
        />
      );
    };
  const dateInput = (name: "from" | "to") =>
    function DateControl(c: { id: string; describedBy: string | undefined; invalid: boolean }) {
      return (
        <input
          id={c.id}
          name={name}
          type="text"
          inputMode="numeric"
          defaultValue={values[name] ?? ""}
          maxLength={10}
          autoComplete="off"
          aria-describedby={c.describedBy}
          aria-invalid={c.invalid || undefined}
          className={inputClass}
        />
      );
    };

  return (
    <>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>

      <form
        method="get"
        action={paths.adminAudit(locale)}
        role="search"
        aria-label={t("filterLabel")}
        className="mt-8 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-3"
      >
        <Field id="action" label={t("actionLabel")} errors={fieldErrors.action}>
          {(c) => (
            <select
              id={c.id}
              name="action"
              defaultValue={input.action ?? ""}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              className={inputClass}
            >
              <option value="">{t("allActions")}</option>
              {actionOptions.map((action) => (
                <option key={action} value={action}>
                  {actionWords(action) ?? action}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="entityType" label={t("entityTypeLabel")} errors={fieldErrors.entityType}>
          {(c) => (
            <select
              id={c.id}
              name="entityType"
              defaultValue={input.entityType ?? ""}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              className={inputClass}
            >
              <option value="">{t("allEntityTypes")}</option>
              {typeOptions.map((type) => (
                <option key={type} value={type}>
                  {typeWords(type) ?? type}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="entityId" label={t("entityIdLabel")} hint={t("entityIdHint")} errors={fieldErrors.entityId}>
          {textInput("entityId", 50)}
        </Field>
        <Field id="actor" label={t("actorLabel")} hint={t("actorHint")} errors={fieldErrors.actor}>
          {textInput("actor", 254)}
        </Field>
        <Field id="from" label={t("fromLabel")} hint={t("dateHint")} errors={fieldErrors.from}>
          {dateInput("from")}
        </Field>
        <Field id="to" label={t("toLabel")} hint={t("dateHint")} errors={fieldErrors.to}>
          {dateInput("to")}
        </Field>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-full">
          <button type="submit" className="button-primary">
            {t("submit")}
          </button>
          {filtered && <a href={paths.adminAudit(locale)}>{t("clear")}</a>}
        </div>
      </form>

      <p className="mt-8">
        {t("count", { count: result.total })}{" "}
        {result.events.length > 0 && t("showing", { from: first, to: first + result.events.length - 1 })}
      </p>

      {result.events.length > 0 && (
        <TableRegion captionId="audit-caption">
          <table className="w-full min-w-[60rem] border-collapse text-base">
            <caption id="audit-caption" className="px-3 py-2 text-left font-semibold">
              {t("caption", { page: input.page, pages })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("timeColumn")}
                </th>
                <th scope="col" className={th}>
                  {t("actorColumn")}
                </th>
                <th scope="col" className={th}>
                  {t("actionColumn")}
                </th>
                <th scope="col" className={th}>
                  {t("entityColumn")}
                </th>
                <th scope="col" className={th}>
                  {t("changeColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.events.map((event) => {
                const changes = auditChanges(event.before, event.after);
                const type = typeWords(event.entityType) ?? event.entityType;
                return (
                  <tr key={event.id}>
                    <th scope="row" className={`${td} whitespace-nowrap text-left font-normal tabular-nums`}>
                      <time dateTime={event.createdAt.toISOString()}>
                        {toStockholmDate(event.createdAt)} {formatStockholmTime(event.createdAt, locale)}
                      </time>
                    </th>
                    <td className={td}>
                      {event.actor ? (
                        <>
                          {event.actor.name ?? event.actor.email}
                          {event.actor.name && <span className="block whitespace-nowrap text-sm text-muted">{event.actor.email}</span>}
                        </>
                      ) : (
                        <span className="text-muted">{t("system")}</span>
                      )}
                    </td>
                    <td className={td}>{actionWords(event.action) ?? <code className="break-all">{event.action}</code>}</td>
                    <td className={td}>
                      {type}
                      <a
                        href={withQuery(paths.adminAudit(locale), { entityType: event.entityType, entityId: event.entityId })}
                        className="block whitespace-nowrap font-mono text-sm"
                      >
                        <span className="sr-only">{t("showEntity", { type })} </span>
                        {event.entityId}
                      </a>
                    </td>
                    <td className={td}>
                      {changes.length === 0 ? (
                        <span className="text-muted">{t("noChange")}</span>
                      ) : (
                        <ul className="grid gap-1">
                          {changes.map((change) => {
                            const word = valueWords(change.key);
                            const before = displayAuditValue(change.before, word);
                            const after = displayAuditValue(change.after, word);
                            return (
                              <li key={change.key} className="break-words">
                                <span className="font-semibold">{fieldWords(change.key) ?? change.key}:</span>{" "}
                                {event.before !== null && (
                                  <>
                                    {before ?? <em className="text-muted">{t("nothing")}</em>} <span aria-hidden="true">→</span>
                                    <span className="sr-only">{t("changedTo")}</span>{" "}
                                  </>
                                )}
                                {after ?? <em className="text-muted">{t("nothing")}</em>}
                              </li>
                            );
                          })}
                        </ul>
                      )}
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
