import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { seatsLeft, sessionAvailability } from "@/lib/domain/calendar";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import { STOCKHOLM } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import type { PublicSession } from "@/lib/server/calendar/find-sessions";
import { SessionWhen } from "./session-when";
import "./session-item.css";

type Props = {
  session: PublicSession;
  locale: AppLocale;
  now: Date;
  /** The calendar can list several workshops; a workshop's own page need not repeat its name. */
  showWorkshop: boolean;
  headingLevel: "h2" | "h3" | "h4";
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
      value: `${t("priceMemberShort", { price: formatSek(session.priceMemberOre, locale) })}, ${t("priceNonMemberShort", { price: formatSek(session.priceNonMemberOre, locale) })}`,
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

  // The markup is kept lean (the calendar lists many items): the styles are in session-item.css.
  return (
    <li className={muted ? "session-item muted" : "session-item"}>
      <p aria-hidden="true">
        {day.weekday}
        <b>{day.day}</b>
        {day.month}
      </p>
      <div>
        <p>
          <span className={session.kind}>{session.kind === "lecture" ? t("lecture") : t("gathering")}</span>
          {availability === "cancelled" && <span className="danger">{t("cancelled")}</span>}
          {availability === "full" && <span className="warning">{t("full")}</span>}
          {availability === "past" && <span>{t("past")}</span>}
        </p>
        <Heading lang={lang}>{lectureHref ? <a href={lectureHref}>{session.title}</a> : session.title}</Heading>
        {session.theme && <p lang={lang}>{session.theme}</p>}
        <dl>
          {facts.map((f) => (
            <Fragment key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
    </li>
  );
}
