import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { PriceNote } from "@/components/calendar/price-note";
import { SessionTime } from "@/components/calendar/session-when";
import { Badge } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { TextBlock } from "@/components/ui/text-block";
import { getSessionUser } from "@/lib/auth/session";
import { seatsLeft, sessionAvailability } from "@/lib/domain/calendar";
import { formatSek } from "@/lib/domain/money";
import { formatStockholmDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getPublishedLecture } from "@/lib/server/calendar/get-lecture";

type Props = { params: Promise<{ locale: string; slug: string; lectureSlug: string }> };

const loadLecture = cache(getPublishedLecture);

/** Only ordinary web addresses become links; anything else stored as a map URL is ignored. */
function safeMapUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const { slug, lectureSlug } = await params;
  const lecture = await loadLecture(slug, lectureSlug);
  if (lecture) return { title: lecture.title, description: lecture.theme };
  return { title: (await getTranslations({ locale, namespace: "notFound" }))("title") };
}

export default async function LecturePage({ params }: Props) {
  const locale = await localeFromParams(params);
  const { slug, lectureSlug } = await params;
  setRequestLocale(locale);
  const lecture = await loadLecture(slug, lectureSlug);
  if (!lecture) notFound();
  const now = new Date();
  const [t, tc, ts] = await Promise.all([
    getTranslations({ locale, namespace: "lecture" }),
    getTranslations({ locale, namespace: "calendar" }),
    getTranslations({ locale, namespace: "session" }),
  ]);
  const availability = sessionAvailability(lecture, now);
  const mapUrl = safeMapUrl(lecture.venue.mapUrl);
  const workshopHref = paths.workshop(locale, lecture.workshop.slug);
  const lang = contentLang(locale);
  // The booking page opens with this lecture chosen; signed-out readers sign in first and come back.
  const bookable = availability === "open" && lecture.startsAt > now;
  const bookPath = withQuery(paths.book(locale, lecture.workshop.slug), { lecture: lecture.slug });
  const bookHref = (await getSessionUser()) ? bookPath : withQuery(paths.signIn(locale), { callbackUrl: bookPath });

  const facts = [
    {
      label: t("date"),
      value: <time dateTime={lecture.startsAt.toISOString()}>{formatStockholmDate(lecture.startsAt, locale)}</time>,
    },
    { label: t("time"), value: <SessionTime startsAt={lecture.startsAt} endsAt={lecture.endsAt} locale={locale} /> },
    {
      label: t("venue"),
      value: (
        <>
          {lecture.venue.name}
          <br />
          {lecture.venue.streetAddress}, {lecture.venue.postalCode} {lecture.venue.city}
          {mapUrl && (
            <>
              <br />
              <a href={mapUrl} rel="noopener noreferrer">
                {t("map", { venue: lecture.venue.name })}
              </a>
            </>
          )}
        </>
      ),
    },
    ...(lecture.venue.accessibilityNotes
      ? [{ label: t("venueAccessibility"), value: <span lang={lang}>{lecture.venue.accessibilityNotes}</span> }]
      : []),
    {
      label: t("lecturer"),
      value: lecture.lecturer.affiliation
        ? ts("lecturerWithAffiliation", { name: lecture.lecturer.name, affiliation: lecture.lecturer.affiliation })
        : lecture.lecturer.name,
    },
    ...(availability === "open" || availability === "full"
      ? [{ label: t("seats"), value: ts("seatsLeft", { count: seatsLeft(lecture.capacity, lecture.seatsTaken) }) }]
      : []),
    {
      label: t("price"),
      value: (
        <>
          {t("priceMember", { price: formatSek(lecture.priceMemberOre, locale) })}
          <br />
          {t("priceNonMember", { price: formatSek(lecture.priceNonMemberOre, locale) })}
        </>
      ),
    },
  ];

  return (
    <div className="container-page py-10 sm:py-12">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: tc("title"), href: paths.calendar(locale) },
          { label: lecture.workshop.title, href: workshopHref, lang },
          { label: lecture.title, lang },
        ]}
      />
      <p className="mb-2 flex flex-wrap gap-2">
        <Badge tone="lecture">{t("eyebrow")}</Badge>
        {availability === "cancelled" && <Badge tone="danger">{ts("cancelled")}</Badge>}
        {availability === "full" && <Badge tone="warning">{ts("full")}</Badge>}
        {availability === "past" && <Badge tone="neutral">{ts("past")}</Badge>}
      </p>
      <h1 lang={lang} className="text-3xl sm:text-4xl">
        {lecture.title}
      </h1>
      <p className="mt-3 text-lg text-muted sm:text-xl">
        {t("theme")}: <span lang={lang}>{lecture.theme}</span>
      </p>

      {availability === "cancelled" && (
        <div className="mt-6 max-w-prose rounded-md border-l-4 border-danger bg-danger-soft p-4">
          <p className="font-semibold text-danger">{t("cancelled")}</p>
          <p className="mt-1">{t("cancelledText")}</p>
        </div>
      )}
      {availability === "past" && (
        <p className="mt-6 max-w-prose rounded-md border-l-4 border-muted bg-surface p-4 font-semibold">{t("past")}</p>
      )}
      {bookable && (
        <p className="mt-6">
          <a href={bookHref} className="button-primary">
            {t("bookCta")}
          </a>
        </p>
      )}
      {availability === "full" && lecture.startsAt > now && (
        // Full: the booking page offers the waiting list for it.
        <p className="mt-6">
          <a href={bookHref} className="button-secondary">
            {t("waitlistCta")}
          </a>
        </p>
      )}

      <section className="mt-8 rounded-lg border border-line bg-surface p-5 sm:p-6">
        <h2 className="text-xl sm:text-2xl">{t("factsHeading")}</h2>
        <Facts className="mt-4" items={facts} />
        <div className="mt-4 max-w-prose text-base">
          <PriceNote locale={locale} vatRateBp={lecture.vatRateBp} />
        </div>
      </section>

      <div className="mt-10 grid max-w-prose gap-10">
        {lecture.description && (
          <section>
            <h2 className="text-2xl">{t("aboutHeading")}</h2>
            <TextBlock className="mt-4" text={lecture.description} lang={lang} />
          </section>
        )}
        {lecture.lecturer.bio && (
          <section>
            <h2 className="text-2xl">{t("lecturerHeading")}</h2>
            <TextBlock className="mt-4" text={lecture.lecturer.bio} lang={lang} />
          </section>
        )}
        <section>
          <h2 className="text-2xl">{t("bookingHeading")}</h2>
          {bookable && <p className="mt-4">{t("bookingOpenText")}</p>}
          <p className="mt-4">
            {t.rich("partOf", {
              workshop: lecture.workshop.title,
              link: (chunks) => (
                <a href={workshopHref} lang={lang}>
                  {chunks}
                </a>
              ),
            })}
          </p>
        </section>
      </div>
    </div>
  );
}
