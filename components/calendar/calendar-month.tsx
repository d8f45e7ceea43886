import { SessionItem } from "@/components/calendar/session-item";
import type { MonthGroup } from "@/lib/domain/calendar";
import { formatMonth } from "@/lib/domain/time";
import type { AppLocale } from "@/lib/i18n/routing";
import type { PublicSession } from "@/lib/server/calendar/find-sessions";

/** One month of the Kalendarium: the month as a heading, then its sessions in time order. */
export function CalendarMonth({
  month,
  locale,
  now,
  showWorkshop,
  headingLevel,
}: {
  month: MonthGroup<PublicSession>;
  locale: AppLocale;
  now: Date;
  showWorkshop: boolean;
  /**
   * The month's heading, the sessions' headings one level below; null on a month's own page,
   * whose h1 names the month already (the sessions are then h2).
   */
  headingLevel: "h3" | null;
}) {
  return (
    <section className="mt-8">
      {headingLevel && <h3 className="capitalize-first text-xl text-brand-strong">{formatMonth(month.monthKey, locale)}</h3>}
      <ul className="mt-2">
        {month.items.map((session) => (
          <SessionItem
            key={`${session.kind}-${session.id}`}
            session={session}
            locale={locale}
            now={now}
            showWorkshop={showWorkshop}
            headingLevel={headingLevel ? "h4" : "h2"}
          />
        ))}
      </ul>
    </section>
  );
}
