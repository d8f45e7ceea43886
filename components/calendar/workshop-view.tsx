import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CalendarFeedLink } from "@/components/calendar/feed-link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { PriceNote } from "@/components/calendar/price-note";
import { SessionItem } from "@/components/calendar/session-item";
import { Facts } from "@/components/ui/facts";
import { TextBlock } from "@/components/ui/text-block";
import { packageSeatsLeft } from "@/lib/domain/enrollment";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import { formatLocalDate } from "@/lib/domain/time";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import type { PublicWorkshop } from "@/lib/server/calendar/get-workshop";

type Props = {
  workshop: PublicWorkshop;
  locale: AppLocale;
  now: Date;
  /**
   * Where "Book" leads, or null for the admin's preview: the button is drawn as it will look but
   * leads nowhere, since the booking page never shows a draft.
   */
  bookHref: string | null;
  /** The "subscribe to the calendar" link; not in the preview, whose feed does not exist yet. */
  feedLink?: boolean;
};

/**
 * The public page of one workshop. The public route and the admin's preview both render it, so the
 * preview is exactly what will be published.
 */
export async function WorkshopView({ workshop, locale, now, bookHref, feedLink = true }: Props) {
  const [t, tc, ts] = await Promise.all([
    getTranslations({ locale, namespace: "workshop" }),
    getTranslations({ locale, namespace: "calendar" }),
    getTranslations({ locale, namespace: "session" }),
  ]);
  const pmDeadline = formatLocalDate(workshop.pmDeadline, locale);
  const lang = contentLang(locale);
  // Booking is open while something is still to come; signed-out readers sign in first and come back.
  const bookable = [...workshop.gatherings, ...workshop.lectures].some((s) => s.status === "PUBLISHED" && s.startsAt > now);
  const bookButton: ReactNode =
    bookHref === null ? (
      <span className="button-primary">{t("bookCta")}</span>
    ) : (
      <a href={bookHref} className="button-primary">
        {t("bookCta")}
      </a>
    );

  const facts = [
    {
      label: t("period"),
      value: tc("periodValue", {
        start: formatLocalDate(workshop.startsOn, locale),
        end: formatLocalDate(workshop.endsOn, locale),
      }),
    },
    { label: t("pmDeadline"), value: t("pmDeadlineValue", { date: pmDeadline }) },
    { label: t("supervision"), value: t("supervisionValue", { months: workshop.supervisionMonths }) },
    ...(workshop.followUpOn ? [{ label: t("followUp"), value: formatLocalDate(workshop.followUpOn, locale) }] : []),
    {
      label: t("packagePrice"),
      value: (
        <>
          {ts("priceMemberShort", { price: formatSek(workshop.packagePriceMemberOre, locale) })},{" "}
          {ts("priceNonMemberShort", { price: formatSek(workshop.packagePriceNonMemberOre, locale) })}
        </>
      ),
    },
    {
      label: t("packageSeats"),
      // The package takes a seat in every gathering and lecture it includes: a full lecture fills it too.
      value: ts("seatsLeft", {
        count: packageSeatsLeft(
          { capacity: workshop.packageCapacity, seatsTaken: workshop.packageSeatsTaken },
          [...workshop.gatherings, ...workshop.lectures].filter((s) => s.status === "PUBLISHED"),
        ),
      }),
    },
  ];

  return (
    <div className="container-page py-10 sm:py-12">
      <Breadcrumbs locale={locale} items={[{ label: tc("title"), href: paths.calendar(locale) }, { label: workshop.title, lang }]} />
      <h1 lang={lang} className="text-3xl sm:text-4xl">
        {workshop.title}
      </h1>
      <p lang={lang} className="mt-4 max-w-prose text-lg sm:text-xl">
        {workshop.summary}
      </p>
      <p className="mt-2 text-base text-muted">{t("organiser", { organiser: workshop.organiserName })}</p>
      {bookable && <p className="mt-6">{bookButton}</p>}

      <section className="mt-8 rounded-lg border border-line bg-surface p-5 sm:p-6">
        <h2 className="text-xl sm:text-2xl">{t("factsHeading")}</h2>
        <Facts className="mt-4" items={facts} />
        <div className="mt-4 max-w-prose space-y-2 text-base">
          <p>{t("pmDeadlineExplained", { date: pmDeadline })}</p>
          <p>{t("pmExplained")}</p>
          <PriceNote locale={locale} vatRateBp={workshop.packageVatRateBp} />
        </div>
      </section>

      <div className="mt-10 grid gap-10">
        <section className="max-w-prose">
          <h2 className="text-2xl">{t("aboutHeading")}</h2>
          <TextBlock className="mt-4" text={workshop.description} lang={lang} />
        </section>

        <section className="max-w-prose">
          <h2 className="text-2xl">{t("packageHeading")}</h2>
          <p className="mt-4">{t("packageText", { months: workshop.supervisionMonths })}</p>
          <p className="mt-3">{t("lecturesOnlyText")}</p>
        </section>

        <section>
          <h2 className="text-2xl">{t("gatheringsHeading")}</h2>
          {workshop.gatherings.length === 0 ? (
            <p className="mt-4">{t("noGatherings")}</p>
          ) : (
            <ul className="mt-4">
              {workshop.gatherings.map((s) => (
                <SessionItem key={s.id} session={s} locale={locale} now={now} showWorkshop={false} headingLevel="h3" />
              ))}
            </ul>
          )}
        </section>

        <section>
          <h2 className="text-2xl">{t("lecturesHeading")}</h2>
          {workshop.lectures.length === 0 ? (
            <p className="mt-4">{t("noLectures")}</p>
          ) : (
            <ul className="mt-4">
              {workshop.lectures.map((s) => (
                <SessionItem key={s.id} session={s} locale={locale} now={now} showWorkshop={false} headingLevel="h3" />
              ))}
            </ul>
          )}
          {feedLink && <CalendarFeedLink locale={locale} workshopSlug={workshop.slug} />}
        </section>

        {bookable && (
          <section className="max-w-prose">
            <h2 className="text-2xl">{t("bookingHeading")}</h2>
            <p className="mt-4">{t("bookingOpenText")}</p>
            <p className="mt-4">{bookButton}</p>
          </section>
        )}
      </div>
    </div>
  );
}
