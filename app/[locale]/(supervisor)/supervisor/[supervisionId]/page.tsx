import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CompleteSupervisionForm } from "@/components/supervision/complete-supervision-form";
import { LogMeetingForm } from "@/components/supervision/log-meeting-form";
import { MeetingTable } from "@/components/supervision/meeting-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { TextBlock } from "@/components/ui/text-block";
import { requirePageArea } from "@/lib/auth/page-guards";
import { SUPERVISION_RULES, type SupervisionNextStep, type SupervisionStatus } from "@/lib/domain/supervision";
import { formatLocalDate, formatStockholmDate } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getSupervision, type SupervisionDetail } from "@/lib/server/supervision/get-supervision";
import { idField } from "@/lib/validation/fields";

type Props = { params: Promise<{ locale: string; supervisionId: string }> };

const statusTone: Record<SupervisionStatus, BadgeTone> = { ACTIVE: "gathering", COMPLETED: "neutral", ENDED_EARLY: "warning" };

async function load(params: Props["params"]): Promise<SupervisionDetail> {
  const locale = await localeFromParams(params);
  const user = await requirePageArea(locale, "supervisor");
  const { supervisionId } = await params;
  if (!idField.safeParse(supervisionId).success) notFound();
  return getSupervision(user, supervisionId, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "supervision" });
  // The project's name stays out of the title: titles end up in history and tab lists.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * One supervised project: the accepted PM (read-only), the meetings so far, and for the assigned
 * supervisor the form to log a meeting. Someone else's project is a 404, as is an id that does not exist.
 */
export default async function SupervisionPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const view = await load(params);
  const [t, tList, tForms] = await Promise.all([
    getTranslations({ locale, namespace: "supervisorProject" }),
    getTranslations({ locale, namespace: "supervision" }),
    getTranslations({ locale, namespace: "forms" }),
  ]);
  const lang = contentLang(locale);
  const project = view.pm?.title || t("untitled");
  const forms = { IN_PERSON: t("form.IN_PERSON"), VIDEO: t("form.VIDEO"), PHONE: t("form.PHONE") };
  const nextStep = (step: SupervisionNextStep): string => {
    switch (step.kind) {
      case "STARTS":
        return tList("next.STARTS", { date: formatLocalDate(step.on, locale) });
      case "MEETING":
        return tList("next.MEETING", { number: step.number, planned: step.planned });
      case "FOLLOW_UP":
        return tList("next.FOLLOW_UP", { date: formatLocalDate(step.on, locale) });
      default:
        return tList(`next.${step.kind}`);
    }
  };

  return (
    <div className="container-page py-10 sm:py-12">
      <p>
        <a href={paths.supervisor(locale)}>{t("back")}</a>
      </p>
      <h1 className="mt-4 text-3xl sm:text-4xl">
        {t.rich("title", { project, name: (chunks) => <span lang={lang}>{chunks}</span> })}
      </h1>

      <Facts
        className="mt-6"
        items={[
          {
            label: t("participant"),
            value: view.participant.name ?? view.participant.email ?? <span className="italic text-muted">{t("erased")}</span>,
          },
          { label: t("organisation"), value: view.participant.organisation ?? t("noOrganisation") },
          { label: t("workshop"), value: <span lang={lang}>{view.workshopTitle}</span> },
          { label: t("supervisor"), value: view.supervisorName },
          { label: t("period"), value: t("periodValue", { start: formatLocalDate(view.startsOn, locale), end: formatLocalDate(view.endsOn, locale) }) },
          { label: t("meetings"), value: t("meetingsValue", { held: view.progress.held, planned: view.progress.planned }) },
          { label: t("status"), value: <Badge tone={statusTone[view.status]}>{tList(`status.${view.status}`)}</Badge> },
          { label: t("nextStep"), value: nextStep(view.nextStep) },
        ]}
      />

      {!view.canLog && view.status === "ACTIVE" && <p className="mt-6 max-w-prose rounded border-l-4 border-warning bg-warning-soft p-4">{t("readOnly")}</p>}

      <section aria-labelledby="meetings-heading" className="mt-10">
        <h2 id="meetings-heading" className="text-2xl">
          {t("meetingsHeading")}
        </h2>
        {view.meetings.length === 0 ? (
          <p className="mt-2">{t("noMeetingsYet")}</p>
        ) : (
          <MeetingTable
            meetings={view.meetings}
            locale={locale}
            captionId="meetings-caption"
            texts={{ caption: t("meetingsCaption"), date: t("dateColumn"), form: t("formColumn"), note: t("noteColumn"), forms }}
          />
        )}
      </section>

      {view.canLog ? (
        <section aria-labelledby="log-heading" className="mt-10">
          <h2 id="log-heading" className="text-2xl">
            {t("logHeading")}
          </h2>
          <p className="mt-2 max-w-prose">{t("logIntro")}</p>
          {view.meetingDays.earliest > view.meetingDays.latest ? (
            <p className="mt-4 max-w-prose">
              {t("logFrom", { start: formatLocalDate(view.startsOn, locale), date: formatLocalDate(view.meetingDays.earliest, locale) })}
            </p>
          ) : (
            <div className="mt-6">
              <LogMeetingForm
                supervisionId={view.id}
                earliest={view.meetingDays.earliest}
                latest={view.meetingDays.latest}
                noteMax={SUPERVISION_RULES.noteMax}
                texts={{
                  heldOnLabel: t("heldOnLabel"),
                  heldOnHint: t("heldOnHint", {
                    earliest: formatLocalDate(view.meetingDays.earliest, locale),
                    latest: formatLocalDate(view.meetingDays.latest, locale),
                  }),
                  formLegend: t("formLegend"),
                  forms,
                  noteLabel: t("noteLabel"),
                  noteHint: t("noteHint", { max: SUPERVISION_RULES.noteMax }),
                  submit: t("logSubmit"),
                  pending: t("logPending"),
                  logged: t("logged"),
                  conflict: t("conflict"),
                  errorHeading: tForms("errorHeading"),
                }}
              />
            </div>
          )}
        </section>
      ) : (
        view.status !== "ACTIVE" && <p className="mt-10 max-w-prose">{t("closedNote")}</p>
      )}

      <section aria-labelledby="pm-heading" className="mt-12">
        <h2 id="pm-heading" className="text-2xl">
          {t("pmHeading")}
        </h2>
        {view.pm ? (
          <>
            <p className="mt-2 text-muted">{t("pmIntro", { number: view.pm.number, date: formatStockholmDate(view.pm.submittedAt, locale) })}</p>
            <dl className="mt-4 grid max-w-prose gap-4" lang={lang}>
              {(
                [
                  ["title", view.pm.title],
                  ["need", view.pm.need],
                  ["backgroundPurpose", view.pm.backgroundPurpose],
                  ["method", view.pm.method],
                  ["workplace", view.pm.workplace],
                  ["unit", view.pm.unit],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt className="font-semibold">{t(`pm.${key}`)}</dt>
                  <dd className="mt-1">
                    {value ? <TextBlock text={value} /> : <span className="italic text-muted">{key === "method" ? t("pm.noMethod") : "–"}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p className="mt-2">{t("noPm")}</p>
        )}
      </section>

      {view.status === "ACTIVE" && (
        <section aria-labelledby="complete-heading" className="mt-12">
          <h2 id="complete-heading" className="text-2xl">
            {t("completeHeading")}
          </h2>
          <p className="mt-2 max-w-prose">{t("completeIntro")}</p>
          <div className="mt-4">
            <CompleteSupervisionForm
              supervisionId={view.id}
              texts={{
                submit: t("completeSubmit"),
                pending: t("completePending"),
                done: t("completed"),
                conflict: t("conflict"),
                errorHeading: tForms("errorHeading"),
              }}
            />
          </div>
        </section>
      )}
    </div>
  );
}
