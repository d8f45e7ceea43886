import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { seatsLeft, sessionAvailability } from "@/lib/domain/calendar";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import { STOCKHOLM } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import type { PublicSession } from "@/lib/server/calendar/find-sessions";
import { SessionWhen } from "./session-when";

type Props = {
  session: PublicSession;
  locale: AppLocale;
  now: Date;
  /** The calendar can list several workshops; a workshop's own page need not repeat its name. */
  showWorkshop: boolean;
  headingLevel: "h3" | "h4";
};

// Building an Intl.DateTimeFormat costs far more than using one; the calendar formats many dates per request.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayPart(instant: Date, locale: AppLocale, part: "weekday" | "day" | "month"): string {
  const key = `${locale}:${part}`;
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      part === "day" ? { day: "numeric" } : part === "weekday" ? { weekday: "short" } : { month: "short" };
    formatter = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { timeZone: STOCKHOLM, ...options });
    dayFormatters.set(key, formatter);
  }
  // Swedish short forms end in a full stop ("tors.", "nov."); the date block shows them without.
  return formatter.format(instant).replace(".", "");
}

function dayParts(instant: Date, locale: AppLocale) {
  return {
    weekday: dayPart(instant, locale, "weekday"),
    day: dayPart(instant, locale, "day"),
    month: dayPart(instant, locale, "month"),
  };
}

/** One gathering or lecture in a list: what, when, where, who, seats and price. */
export async function SessionItem({ session, locale, now, showWorkshop, headingLevel: Heading }: Props) {
  const t = await getTranslations({ locale, namespace: "session" });
  const availability = sessionAvailability(session, now);
  const left = seatsLeft(session.capacity, session.seatsTaken);
  const day = dayParts(session.startsAt, locale);
  const lectureHref = session.kind === "lecture" && session.slug ? paths.lecture(locale, session.workshop.slug, session.slug) : null;
  const muted = availability === "cancelled" || availability === "past";
  const lang = contentLang(locale);

  const facts: { label: string; value: ReactNode }[] = [
    { label: t("whenLabel"), value: <SessionWhen startsAt={session.startsAt} endsAt={session.endsAt} locale={locale} /> },
    { label: t("venue"), value: t("venueInCity", { venue: session.venue.name, city: session.venue.city }) },
  ];
  if (session.lecturer) {
    facts.push({
      label: t("lecturer"),
      value: session.lecturer.affiliation
        ? t("lecturerWithAffiliation", { name: session.lecturer.name, affiliation: session.lecturer.affiliation })
        : session.lecturer.name,
    });
  }
  if (availability === "open" || availability === "full") {
    facts.push({ label: t("seats"), value: t("seatsLeft", { count: left }) });
  }
  if (session.priceMemberOre !== null && session.priceNonMemberOre !== null && !muted) {
    facts.push({
      label: t("price"),
      value: (
        <>
          {t("priceMemberShort", { price: formatSek(session.priceMemberOre, locale) })},{" "}
          {t("priceNonMemberShort", { price: formatSek(session.priceNonMemberOre, locale) })}
        </>
      ),
    });
  }
  if (session.kind === "gathering") facts.push({ label: t("includedLabel"), value: t("partOfPackage") });
  if (showWorkshop) {
    facts.push({
      label: t("workshop"),
      value: (
        <a href={paths.workshop(locale, session.workshop.slug)} lang={lang}>
          {session.workshop.title}
        </a>
      ),
    });
  }

  return (
    <li className="grid grid-cols-[3.25rem_1fr] gap-3 border-t border-line py-6 sm:grid-cols-[4.5rem_1fr] sm:gap-6">
      <div
        aria-hidden="true"
        className={`flex flex-col items-center rounded-md border py-2 text-center leading-tight ${
          muted ? "border-line bg-white text-muted" : "border-brand-soft bg-brand-soft text-brand-strong"
        }`}
      >
        <span className="text-sm">{day.weekday}</span>
        <span className="text-2xl font-bold">{day.day}</span>
        <span className="text-sm">{day.month}</span>
      </div>
      <div className="min-w-0">
        <p className="mb-1 flex flex-wrap gap-2">
          <Badge tone={session.kind === "lecture" ? "lecture" : "gathering"}>
            {session.kind === "lecture" ? t("lecture") : t("gathering")}
          </Badge>
          {availability === "cancelled" && <Badge tone="danger">{t("cancelled")}</Badge>}
          {availability === "full" && <Badge tone="warning">{t("full")}</Badge>}
          {availability === "past" && <Badge tone="neutral">{t("past")}</Badge>}
        </p>
        <Heading lang={lang} className="text-lg font-semibold sm:text-xl">
          {lectureHref ? <a href={lectureHref}>{session.title}</a> : session.title}
        </Heading>
        {session.theme && (
          <p lang={lang} className="mt-1 text-muted">
            {session.theme}
          </p>
        )}
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-base sm:gap-x-4">
          {facts.map((f) => (
            <div key={f.label} className="contents">
              <dt className="text-muted">{f.label}</dt>
              <dd className="min-w-0">{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </li>
  );
}
