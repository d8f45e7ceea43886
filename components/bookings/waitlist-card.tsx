import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import type { AppLocale } from "@/lib/domain/money";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { contentLang } from "@/lib/i18n/routing";
import type { WaitlistView } from "@/lib/server/enrollment/list-my-bookings";
import type { HeadingLevel } from "./booking-card";

const HEADINGS = { 2: "h2", 3: "h3", 4: "h4" } as const;

/** A place on a waiting list: the position in the queue, or an open offer and until when it stands. */
export async function WaitlistCard({ entry, locale, level, actions }: { entry: WaitlistView; locale: AppLocale; level: HeadingLevel; actions?: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "myBookings" });
  const lang = contentLang(locale);
  const Heading = HEADINGS[level];
  const headingId = `waitlist-${entry.id}`;
  const state =
    entry.status === "OFFERED"
      ? entry.offerExpiresAt
        ? t("offered", { date: formatStockholmDate(entry.offerExpiresAt, locale), time: formatStockholmTime(entry.offerExpiresAt, locale) })
        : t("offeredNoExpiry")
      : t("waitingPosition", { position: entry.position ?? "–" });

  const facts: { label: string; value: ReactNode }[] = [{ label: t("statusLabel"), value: state }];
  if (entry.kind === "LECTURE") facts.push({ label: t("workshopLabel"), value: <span lang={lang}>{entry.workshop.title}</span> });
  if (entry.startsAt) {
    facts.push({
      label: t("startsLabel"),
      value: (
        <time dateTime={entry.startsAt.toISOString()}>
          {t("startsValue", { date: formatStockholmDate(entry.startsAt, locale), time: formatStockholmTime(entry.startsAt, locale) })}
        </time>
      ),
    });
  }
  if (entry.addedBy) facts.push({ label: t("addedByLabel"), value: entry.addedBy.name ?? entry.addedBy.email });

  return (
    <article aria-labelledby={headingId} className={`rounded-lg border p-5 sm:p-6 ${entry.status === "OFFERED" ? "border-warning bg-warning-soft" : "border-line bg-white"}`}>
      <Heading id={headingId} className="text-xl">
        <span lang={lang}>{entry.title}</span>
      </Heading>
      <p className="mt-2">
        <Badge tone={entry.kind === "PACKAGE" ? "gathering" : "lecture"}>{t(entry.kind === "PACKAGE" ? "kindPackage" : "kindLecture")}</Badge>
      </p>
      <Facts className="mt-4" items={facts} />
      {actions && <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-3">{actions}</div>}
    </article>
  );
}
