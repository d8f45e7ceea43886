import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { TableRegion, td, th } from "@/components/admin/table-region";
import type { AppLocale } from "@/lib/i18n/routing";
import type { ActionResult } from "@/lib/server/action";
import { CalendarAdminMessages } from "./calendar-admin-messages";
import { ConfirmDelete } from "./confirm-action";

/*
 * The two registers the calendar draws on, venues and lecturers, share their pages: a list with a
 * form to add one, and one entry's page with its form and deletion while nothing uses it.
 */

type ListTexts = { back: string; title: string; intro: string; empty: string; caption: string; newHeading: string };
type Column = { label: string; numeric?: boolean };
type Row = { id: string; href: string; name: string; cells: ReactNode[] };

/** The list: every entry (its name links to its page; `cells` follow `columns` after the name), then the add form. */
export function RegisterListPage({
  locale,
  backHref,
  texts,
  captionId,
  newHeadingId,
  tableClassName,
  columns,
  rows,
  form,
}: {
  locale: AppLocale;
  backHref: string;
  texts: ListTexts;
  captionId: string;
  newHeadingId: string;
  /** The table's width classes (it scrolls sideways below them). */
  tableClassName: string;
  /** The name column first, then one per cell. */
  columns: Column[];
  rows: Row[];
  form: ReactNode;
}) {
  return (
    <>
      <PageHeader back={{ href: backHref, text: texts.back }} title={texts.title} intro={texts.intro} />
      {rows.length === 0 ? (
        <p className="mt-8">{texts.empty}</p>
      ) : (
        <TableRegion captionId={captionId} className="mt-8">
          <table className={`${tableClassName} border-collapse text-base`}>
            <caption id={captionId} className="px-3 py-2 text-left font-semibold">
              {texts.caption}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? `${th} text-right` : th}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className={`${td} text-left`}>
                    <a href={r.href}>{r.name}</a>
                  </th>
                  {r.cells.map((cell, i) => (
                    <td key={i} className={columns[i + 1]?.numeric ? `${td} text-right tabular-nums` : td}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <section aria-labelledby={newHeadingId} className="mt-10">
        <h2 id={newHeadingId} className="text-2xl">
          {texts.newHeading}
        </h2>
        <div className="mt-4">
          <CalendarAdminMessages locale={locale}>{form}</CalendarAdminMessages>
        </div>
      </section>
    </>
  );
}

type DeleteStep<T> = {
  heading: string;
  /** False while something still uses the entry; `blockedText` then says what. */
  allowed: boolean;
  blockedText: string;
  action: (previous: unknown, raw: unknown) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  /** The list, where deleting leads. */
  nextHref: string;
  texts: { open: string; confirmText: string; confirm: string };
};

/** One entry: back to the list, its name, what uses it, its form, and deletion. */
export async function RegisterItemPage<T>({
  locale,
  back,
  title,
  intro,
  form,
  remove,
}: {
  locale: AppLocale;
  back: { href: string; text: string };
  title: string;
  intro: string;
  form: ReactNode;
  remove: DeleteStep<T>;
}) {
  const ta = await getTranslations({ locale, namespace: "calendarAdmin.actions" });
  return (
    <CalendarAdminMessages locale={locale}>
      <PageHeader back={back} title={title} intro={intro} />
      <div className="mt-8">{form}</div>
      <section aria-labelledby="delete-heading" className="mt-10 max-w-xl">
        <h2 id="delete-heading" className="text-2xl">
          {remove.heading}
        </h2>
        <div className="mt-4">
          <ConfirmDelete
            allowed={remove.allowed}
            blockedText={remove.blockedText}
            action={remove.action}
            hidden={remove.hidden}
            nextHref={remove.nextHref}
            texts={{ ...remove.texts, cancel: ta("cancel"), pending: ta("deleting"), done: ta("deleted"), errorHeading: ta("errorHeading") }}
          />
        </div>
      </section>
    </CalendarAdminMessages>
  );
}
