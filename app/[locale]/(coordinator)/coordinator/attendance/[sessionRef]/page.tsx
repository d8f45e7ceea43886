import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { AttendanceForm } from "@/components/attendance/attendance-form";
import { Field, inputClass } from "@/components/forms/field";
import { ExportLinks } from "@/components/organisations/export-links";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatLocalDate, formatStockholmDate, formatStockholmTime, formatStockholmTimeRange, toStockholmDate } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { attendanceSheetInput, getAttendanceSheet, type AttendanceSheetRow } from "@/lib/server/attendance/get-attendance-sheet";
import { firstValues, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string; sessionRef: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "attendance" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The attendance list of one session: everyone expected, searchable by name or organisation (GET
 * ?q=), with a Present/Absent choice per person in one form and one save button, what is saved,
 * and the participant list to download. Recording opens on the session's Stockholm start day.
 */
export default async function AttendanceSheetPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const { sessionRef } = await params;
  const query = firstValues(await searchParams);
  const parsed = attendanceSheetInput.safeParse({ sessionRef, q: query.q });
  const input = parsed.success ? parsed.data : { sessionRef, q: undefined };
  const sheet = await getAttendanceSheet(user, input, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tForms] = await Promise.all([getTranslations({ locale, namespace: "attendance" }), getTranslations({ locale, namespace: "forms" })]);
  const lang = contentLang(locale);
  const { session, summary } = sheet;
  const here = paths.coordinatorAttendanceSession(locale, sessionRef);
  const nameOf = (r: AttendanceSheetRow) => r.name ?? t("noName");
  const bookingOf = (r: AttendanceSheetRow) => t(`bookingKind.${r.bookingKind === "LECTURE" ? "LECTURE" : r.ownProject ? "PACKAGE_OWN_PROJECT" : "PACKAGE"}`);

  const cells = (r: AttendanceSheetRow) => (
    <>
      <td className={td}>{r.organisation ?? <span className="text-muted">{t("noOrganisation")}</span>}</td>
      <td className={td}>{bookingOf(r)}</td>
      <td className={td}>
        {!r.dietaryNeeds && !r.accessibilityNeeds ? (
          <span className="text-muted">{t("noNeeds")}</span>
        ) : (
          <ul>
            {r.dietaryNeeds && <li>{t("dietary", { needs: r.dietaryNeeds })}</li>}
            {r.accessibilityNeeds && <li>{t("accessibility", { needs: r.accessibilityNeeds })}</li>}
          </ul>
        )}
      </td>
      <td className={td}>
        <span className="font-semibold">{t(`state.${r.state}`)}</span>
        {r.recordedAt && (
          <span className="block text-sm text-muted">
            {t("recordedBy", { by: r.recordedBy ?? "", date: formatLocalDate(toStockholmDate(r.recordedAt), locale), time: formatStockholmTime(r.recordedAt, locale) })}
          </span>
        )}
      </td>
    </>
  );
  const headers = [t("organisationColumn"), t("bookingColumn"), t("needsColumn"), t("savedColumn")];

  return (
    <div className="container-page py-10 sm:py-12">
      <p>
        <a href={paths.coordinatorAttendance(locale)}>{t("backToSessions")}</a>
      </p>
      <h1 className="mt-4 text-3xl sm:text-4xl" lang={lang}>
        {session.title}
      </h1>
      <p className="mt-4 max-w-prose text-lg">
        {t("sheetIntro", {
          kind: t(`kind.${session.kind}`),
          workshop: session.workshop.title,
          date: formatStockholmDate(session.startsAt, locale),
          time: formatStockholmTimeRange(session.startsAt, session.endsAt, locale),
          venue: session.venueName,
        })}
      </p>
      {session.status === "CANCELLED" ? (
        <p className="mt-4 max-w-prose rounded border-l-4 border-danger bg-danger-soft p-4 font-semibold">{t("cancelledNote")}</p>
      ) : (
        !sheet.canRecord && <p className="mt-4 max-w-prose rounded border-l-4 border-warning bg-warning-soft p-4 font-semibold">{t("notYet", { date: formatLocalDate(sheet.opensOn, locale) })}</p>
      )}
      <p className="mt-4 font-semibold">{t("summary", { ...summary })}</p>

      <form method="get" action={here} role="search" aria-label={t("searchLegend")} className="mt-8 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4 sm:p-5">
        <Field id="q" label={t("searchLabel")}>
          {(c) => <input id={c.id} name="q" type="search" defaultValue={input.q ?? ""} aria-describedby={c.describedBy} className={`${inputClass} sm:w-80`} />}
        </Field>
        <button type="submit" className="button-primary">
          {t("searchSubmit")}
        </button>
        {input.q && <a href={here}>{t("showAll")}</a>}
      </form>
      {input.q && <p className="mt-4" role="status">{t("searchResult", { count: sheet.rows.length, q: input.q })}</p>}

      {summary.expected === 0 ? (
        <p className="mt-8">{t("noneExpected")}</p>
      ) : sheet.rows.length === 0 ? (
        <p className="mt-8">{t("noMatch")}</p>
      ) : sheet.canRecord ? (
        <AttendanceForm
          sessionRef={sessionRef}
          rows={sheet.rows.map((r) => ({ participantId: r.participantId, name: nameOf(r), state: r.state, cells: cells(r) }))}
          texts={{
            caption: t("sheetCaption", { session: session.title }),
            nameColumn: t("nameColumn"),
            headers,
            markColumn: t("markColumn"),
            legends: Object.fromEntries(sheet.rows.map((r) => [r.participantId, t("markLegend", { name: nameOf(r) })])),
            present: t("present"),
            absent: t("absent"),
            save: t("save"),
            saving: t("saving"),
            saved: t("saved"),
            hint: t("formHint"),
            errorHeading: tForms("errorHeading"),
          }}
        />
      ) : (
        <TableRegion captionId="attendance-caption">
          <table className="w-full min-w-[48rem] border-collapse text-base">
            <caption id="attendance-caption" className="px-3 py-2 text-left font-semibold">
              {t("sheetCaption", { session: session.title })}
            </caption>
            <thead>
              <tr>
                {[t("nameColumn"), ...headers].map((h) => (
                  <th key={h} scope="col" className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((r) => (
                <tr key={r.participantId}>
                  <th scope="row" className={`${td} text-left`}>
                    {nameOf(r)}
                  </th>
                  {cells(r)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <ExportLinks
        locale={locale}
        query={{ scope: "session", id: sessionRef }}
        what={t("exportWhat", { session: session.title })}
        headingId="export-heading"
        heading={t("exportHeading")}
      />
    </div>
  );
}
