import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import type { SupervisionNextStep, SupervisionStatus } from "@/lib/domain/supervision";
import { formatLocalDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { listMySupervisions } from "@/lib/server/supervision/list-my-supervisions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "supervision" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const statusTone: Record<SupervisionStatus, BadgeTone> = { ACTIVE: "gathering", COMPLETED: "neutral", ENDED_EARLY: "warning" };

/**
 * The supervision area's landing page. A supervisor sees the projects assigned to them;
 * coordinators and admins (who may enter the area too) see every supervision and who holds it.
 */
export default async function SupervisorPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageArea(locale, "supervisor");
  const [t, { seesAll, supervisions }] = await Promise.all([
    getTranslations({ locale, namespace: "supervision" }),
    listMySupervisions(user, new Date()),
  ]);
  const lang = contentLang(locale);
  const nextStep = (step: SupervisionNextStep): string => {
    switch (step.kind) {
      case "STARTS":
        return t("next.STARTS", { date: formatLocalDate(step.on, locale) });
      case "MEETING":
        return t("next.MEETING", { number: step.number, planned: step.planned });
      case "FOLLOW_UP":
        return t("next.FOLLOW_UP", { date: formatLocalDate(step.on, locale) });
      default:
        return t(`next.${step.kind}`);
    }
  };

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t(seesAll ? "introAll" : "introMine")}</p>

      {supervisions.length === 0 ? (
        <p className="mt-8 max-w-prose">{t(seesAll ? "noneAll" : "noneMine")}</p>
      ) : (
        <>
          <p className="mt-8">{t("count", { count: supervisions.length })}</p>
          <TableRegion captionId="supervisions-caption">
            <table className="w-full min-w-[56rem] border-collapse text-base">
              <caption id="supervisions-caption" className="px-3 py-2 text-left font-semibold">
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
                  {seesAll && (
                    <th scope="col" className={th}>
                      {t("supervisorColumn")}
                    </th>
                  )}
                  <th scope="col" className={th}>
                    {t("periodColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("meetingsColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("statusColumn")}
                  </th>
                  <th scope="col" className={th}>
                    {t("nextStepColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {supervisions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className={`${td} text-left`}>
                      {s.participantName ?? (
                        <span className="font-normal italic text-muted">{t(s.participantEmail ? "unnamed" : "erased")}</span>
                      )}
                      <span className="block text-sm font-normal text-muted">{s.organisation ?? t("noOrganisation")}</span>
                    </th>
                    <td className={td}>
                      <a href={paths.supervision(locale, s.id)} lang={lang}>
                        {s.pmTitle || t("untitled")}
                      </a>
                      {s.workplace && (
                        <span className="block text-sm text-muted">
                          {t.rich("workplace", { workplace: s.workplace, place: (chunks) => <span lang={lang}>{chunks}</span> })}
                        </span>
                      )}
                      <span lang={lang} className="block text-sm text-muted">
                        {s.workshopTitle}
                      </span>
                    </td>
                    {seesAll && <td className={td}>{s.supervisorName}</td>}
                    <td className={td}>
                      {t("periodValue", { start: formatLocalDate(s.startsOn, locale), end: formatLocalDate(s.endsOn, locale) })}
                    </td>
                    <td className={`${td} tabular-nums`}>
                      {t("meetingsValue", { held: s.meetingsHeld, planned: s.plannedMeetings })}
                      <span className="block text-sm text-muted">
                        {s.lastMeetingOn ? t("lastMeeting", { date: formatLocalDate(s.lastMeetingOn, locale) }) : t("noMeetings")}
                      </span>
                    </td>
                    <td className={td}>
                      <Badge tone={statusTone[s.status]}>{t(`status.${s.status}`)}</Badge>
                    </td>
                    <td className={td}>{nextStep(s.nextStep)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </div>
  );
}
