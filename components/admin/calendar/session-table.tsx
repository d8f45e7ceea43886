import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TableRegion, td, th } from "@/components/admin/table-region";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatStockholmTimeRange, toStockholmDate } from "@/lib/domain/time";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";
import { listWorkshopSessions } from "@/lib/server/calendar/list-workshop-sessions";

export const SESSION_STATUS_TONES: Record<SessionStatus, BadgeTone> = {
  DRAFT: "warning",
  PUBLISHED: "gathering",
  CANCELLED: "danger",
};

/**
 * A workshop's gatherings and lectures for the admin, in time order: kind, title, status, Stockholm
 * date and time, venue, seats taken of capacity, and a link to each session's edit page; above the
 * table, links to add a lecture or a gathering. ADMIN only (a page guard; the list query checks too).
 */
export async function SessionTable({ locale, workshopId }: { locale: AppLocale; workshopId: string }) {
  const me = await requirePageArea(locale, "admin");
  const [t, { sessions }] = await Promise.all([getTranslations({ locale, namespace: "sessionAdmin" }), listWorkshopSessions(me, workshopId)]);
  const captionId = `sessions-${workshopId}`;
  return (
    <section aria-labelledby={`${captionId}-heading`} className="mt-8">
      <h2 id={`${captionId}-heading`} className="text-xl font-semibold">
        {t("table.heading")}
      </h2>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={paths.adminLectureNew(locale, workshopId)} className="font-semibold underline underline-offset-4">
          {t("table.newLecture")}
        </Link>
        <Link href={paths.adminGatheringNew(locale, workshopId)} className="font-semibold underline underline-offset-4">
          {t("table.newGathering")}
        </Link>
      </p>
      {sessions.length === 0 ? (
        <p className="mt-4 text-muted">{t("table.empty")}</p>
      ) : (
        <TableRegion captionId={captionId}>
          <table className="w-full min-w-[48rem] border-collapse text-base">
            <caption id={captionId} className="px-3 py-2 text-left font-semibold">
              {t("table.caption", { count: sessions.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("table.session")}
                </th>
                <th scope="col" className={th}>
                  {t("table.status")}
                </th>
                <th scope="col" className={th}>
                  {t("table.when")}
                </th>
                <th scope="col" className={th}>
                  {t("table.venue")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("table.seats")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const href =
                  s.kind === "lecture" ? paths.adminLecture(locale, workshopId, s.id) : paths.adminGathering(locale, workshopId, s.id);
                const label = s.kind === "lecture" ? t("kind.lecture") : t("kind.gatheringNumber", { number: s.number ?? 0 });
                return (
                  <tr key={`${s.kind}-${s.id}`}>
                    <th scope="row" className={`${td} text-left font-normal`}>
                      <span className="block text-sm text-muted">{label}</span>
                      <Link href={href} className="font-semibold underline underline-offset-4">
                        {s.title}
                        <span className="sr-only"> {t("table.edit")}</span>
                      </Link>
                      {s.lecturerName && <span className="block text-sm">{s.lecturerName}</span>}
                    </th>
                    <td className={td}>
                      <Badge tone={SESSION_STATUS_TONES[s.status]}>{t(`status.${s.status}`)}</Badge>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      <time dateTime={s.startsAt.toISOString()}>{toStockholmDate(s.startsAt)}</time>{" "}
                      <span>{formatStockholmTimeRange(s.startsAt, s.endsAt, locale)}</span>
                    </td>
                    <td className={td}>{s.venueName}</td>
                    <td className={`${td} text-right tabular-nums whitespace-nowrap`}>
                      {t("table.seatsValue", { taken: s.seatsTaken, capacity: s.capacity })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
