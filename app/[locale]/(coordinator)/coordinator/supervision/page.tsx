import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { ChangeStatus } from "@/components/bookings/change-status";
import { CoordinationPageHeader } from "@/components/coordination/coordination-page-header";
import { Field, inputClass } from "@/components/forms/field";
import { AssignSupervisorForm } from "@/components/supervision/assign-supervisor-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { SUPERVISION_RULES, type MeetingPace, type SupervisionStatus } from "@/lib/domain/supervision";
import { formatLocalDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";
import { listSupervisionOverview, supervisionOverviewInput } from "@/lib/server/supervision/list-supervision-overview";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "supervisionAdmin" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const paceTone: Record<MeetingPace, BadgeTone> = { NOT_STARTED: "neutral", ON_TRACK: "gathering", BEHIND: "warning", ALL_HELD: "gathering", CLOSED: "neutral" };
const statusTone: Record<SupervisionStatus, BadgeTone> = { ACTIVE: "gathering", COMPLETED: "neutral", ENDED_EARLY: "warning" };

/**
 * Supervision for coordinators: every accepted project, its supervisor, period and meetings held
 * against planned; an assignment form for each project still without a supervisor.
 */
export default async function CoordinatorSupervisionPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "coordinator");
  const [t, tForms, parsed] = await Promise.all([
    getTranslations({ locale, namespace: "supervisionAdmin" }),
    getTranslations({ locale, namespace: "forms" }),
    parseSearchParams(supervisionOverviewInput, await searchParams, locale),
  ]);
  const overview = await listSupervisionOverview(user, parsed.input, new Date());
  const lang = contentLang(locale);
  const unassigned = overview.rows.filter((r) => !r.supervision);
  const assigned = overview.rows.filter((r) => r.supervision);
  const filtered = Boolean(parsed.input.workshop || parsed.input.supervisor || parsed.input.show);
  const supervisorOptions = overview.supervisors.map((s) => ({
    id: s.id,
    full: s.full,
    label: t(s.full ? "form.supervisorFull" : "form.supervisorOption", { name: s.name, active: s.active, limit: s.limit }),
  }));
  const participant = (name: string | null) => name ?? <span className="font-normal italic text-muted">{t("erased")}</span>;

  return (
    <div className="container-page py-10 sm:py-12">
      <CoordinationPageHeader locale={locale} backText={t("backToCoordination")} title={t("title")} intro={t("intro")} />

      <form
        method="get"
        action={paths.coordinatorSupervision(locale)}
        role="search"
        aria-label={t("filterLegend")}
        className="mt-8 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4 sm:p-5"
      >
        <Field id="workshop" label={t("workshopLabel")} errors={parsed.fieldErrors.workshop}>
          {(c) => (
            <select id={c.id} name="workshop" defaultValue={parsed.input.workshop ?? ""} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="">{t("all")}</option>
              {overview.workshops.map((w) => (
                <option key={w.id} value={w.id} lang={lang}>
                  {w.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="supervisor" label={t("supervisorLabel")} errors={parsed.fieldErrors.supervisor}>
          {(c) => (
            <select id={c.id} name="supervisor" defaultValue={parsed.input.supervisor ?? ""} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="">{t("all")}</option>
              {overview.supervisors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="show" label={t("showLabel")} errors={parsed.fieldErrors.show}>
          {(c) => (
            <select id={c.id} name="show" defaultValue={parsed.input.show ?? "all"} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
              <option value="all">{t("showAll")}</option>
              <option value="unassigned">{t("showUnassigned")}</option>
            </select>
          )}
        </Field>
        <button type="submit" className="button-primary">
          {t("filterSubmit")}
        </button>
      </form>

      {overview.rows.length === 0 ? (
        <p className="mt-8">{t(filtered ? "noneFiltered" : "none")}</p>
      ) : (
        <p className="mt-8 max-w-prose">
          {t("totals", {
            projects: overview.totals.projects,
            unassigned: overview.totals.unassigned,
            held: overview.totals.meetingsHeld,
            planned: overview.totals.meetingsPlanned,
            behind: overview.totals.behind,
          })}
        </p>
      )}

      <ChangeStatus>
        {unassigned.length > 0 && (
          <section aria-labelledby="unassigned-heading" className="mt-10">
            <h2 id="unassigned-heading" className="text-2xl">
              {t("unassignedHeading")}
            </h2>
            <p className="mt-2 max-w-prose">{t("unassignedIntro", { months: SUPERVISION_RULES.months })}</p>
            {overview.supervisors.length === 0 && <p className="mt-4 rounded border-l-4 border-warning bg-warning-soft p-4">{t("form.noSupervisors")}</p>}
            <ul className="mt-6 grid gap-6">
              {unassigned.map((r) => (
                <li key={r.pmId} className="rounded-lg border border-line p-5">
                  <h3 className="text-xl">
                    <span lang={lang}>{r.pmTitle || t("untitled")}</span>
                  </h3>
                  <p className="mt-1 text-base text-muted">
                    {participant(r.participantName)} · {r.organisation ?? t("noOrganisation")} · <span lang={lang}>{r.workshop.title}</span>
                  </p>
                  {overview.supervisors.length > 0 && (
                    <div className="mt-4">
                      <AssignSupervisorForm
                        pmId={r.pmId}
                        supervisors={supervisorOptions}
                        suggestedStart={r.suggestedStart}
                        defaultPlanned={overview.defaultPlannedMeetings}
                        maxPlanned={SUPERVISION_RULES.maxPlannedMeetings}
                        texts={{
                          supervisorLabel: t("form.supervisorLabel"),
                          supervisorHint: t("form.supervisorHint"),
                          chooseSupervisor: t("form.chooseSupervisor"),
                          startsOnLabel: t("form.startsOnLabel"),
                          startsOnHint: t("form.startsOnHint"),
                          plannedLabel: t("form.plannedLabel"),
                          plannedHint: t("form.plannedHint", { max: SUPERVISION_RULES.maxPlannedMeetings }),
                          submit: t("form.submit"),
                          suffix: t("form.suffix", { project: r.pmTitle || t("untitled") }),
                          pending: t("form.pending"),
                          done: t("form.done"),
                          conflict: t("form.conflict"),
                          errorHeading: tForms("errorHeading"),
                        }}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </ChangeStatus>

      {assigned.length > 0 && (
        <section aria-labelledby="assigned-heading" className="mt-12">
          <h2 id="assigned-heading" className="text-2xl">
            {t("assignedHeading")}
          </h2>
          <TableRegion captionId="assigned-caption">
            <table className="w-full min-w-[60rem] border-collapse text-base">
              <caption id="assigned-caption" className="px-3 py-2 text-left font-semibold">
                {t("caption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    {t("participantColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("projectColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("supervisorColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("periodColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("meetingsColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("statusColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {assigned.map((r) => {
                  const s = r.supervision!;
                  return (
                    <tr key={r.pmId}>
                      <th scope="row" className={`${td} text-left`}>
                        {participant(r.participantName)}
                        <span className="block text-sm font-normal text-muted">{r.organisation ?? t("noOrganisation")}</span>
                      </th>
                      <td className={td}>
                        <a href={paths.supervision(locale, s.id)} lang={lang}>
                          {r.pmTitle || t("untitled")}
                        </a>
                        <span lang={lang} className="block text-sm text-muted">
                          {r.workshop.title}
                        </span>
                      </td>
                      <td className={td}>{s.supervisorName}</td>
                      <td className={td}>{t("periodValue", { start: formatLocalDate(s.startsOn, locale), end: formatLocalDate(s.endsOn, locale) })}</td>
                      <td className={`${td} tabular-nums`}>
                        {t("meetingsValue", { held: s.progress.held, planned: s.progress.planned })}
                        {(s.progress.pace === "ON_TRACK" || s.progress.pace === "BEHIND") && (
                          <span className="block text-sm text-muted">{t("expected", { expected: s.progress.expectedByNow })}</span>
                        )}
                        <span className="block text-sm text-muted">
                          {s.lastMeetingOn ? t("lastMeeting", { date: formatLocalDate(s.lastMeetingOn, locale) }) : t("noMeetings")}
                        </span>
                      </td>
                      <td className={td}>
                        <span className="flex flex-col items-start gap-1">
                          <Badge tone={statusTone[s.status]}>{t(`status.${s.status}`)}</Badge>
                          {s.status === "ACTIVE" && <Badge tone={paceTone[s.progress.pace]}>{t(`pace.${s.progress.pace}`)}</Badge>}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        </section>
      )}
    </div>
  );
}
