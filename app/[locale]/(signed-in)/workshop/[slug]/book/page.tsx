import { can } from "@/lib/domain/roles";
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { BookingForm } from "@/components/booking/booking-form";
import type { LectureChoice } from "@/components/booking/types";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { requirePageUser } from "@/lib/auth/page-guards";
import { getSessionUser } from "@/lib/auth/session";
import { formatLocalDate, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getBookingOptions } from "@/lib/server/enrollment/get-booking-options";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ lecture?: string | string[] }>;
};

// generateMetadata and the page both need the options; one lookup per request.
const loadOptions = cache(async (slug: string) => {
  const user = await getSessionUser();
  return user ? getBookingOptions(user, slug, new Date()) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const { slug } = await params;
  const t = await getTranslations({ locale, namespace: "booking" });
  const options = await loadOptions(slug);
  return { title: options ? t("metaTitle", { workshop: options.workshop.title }) : t("metaTitleShort"), robots: { index: false } };
}

/** Booking a published workshop: the whole workshop or single lectures, for oneself or (orderers) for colleagues. */
export default async function BookPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  const { slug } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  // ?lecture= preselects a lecture (its id or its slug, as the lecture page links here).
  const lectureParam = typeof query.lecture === "string" && /^[a-z0-9-]{1,120}$/.test(query.lecture) ? query.lecture : undefined;

  // Signed out: sign in, then back here with the same lecture chosen (the guard would drop the query).
  if (!(await getSessionUser())) {
    redirect(withQuery(paths.signIn(locale), { callbackUrl: withQuery(paths.book(locale, slug), { lecture: lectureParam }) }));
  }
  const user = await requirePageUser(locale);
  if (!can(user, "booking.book")) forbidden();
  const options = await loadOptions(slug);
  if (!options) notFound();

  const [t, tc, tForms, tSession, messages] = await Promise.all([
    getTranslations({ locale, namespace: "booking" }),
    getTranslations({ locale, namespace: "calendar" }),
    getTranslations({ locale, namespace: "forms" }),
    getTranslations({ locale, namespace: "session" }),
    getMessages({ locale }),
  ]);
  const lang = contentLang(locale);
  const { workshop } = options;
  const preselected = lectureParam ? (options.lectures.find((l) => l.id === lectureParam || l.slug === lectureParam)?.id ?? null) : null;

  const lectures: LectureChoice[] = options.lectures.map((l) => ({
    id: l.id,
    slug: l.slug,
    title: l.title,
    theme: l.theme,
    startsAt: l.startsAt.toISOString(),
    endsAt: l.endsAt.toISOString(),
    date: formatStockholmDate(l.startsAt, locale),
    startTime: formatStockholmTime(l.startsAt, locale),
    endTime: formatStockholmTime(l.endsAt, locale),
    lecturer: l.lecturer.affiliation
      ? tSession("lecturerWithAffiliation", { name: l.lecturer.name, affiliation: l.lecturer.affiliation })
      : l.lecturer.name,
    venue: tSession("venueInCity", { venue: l.venue.name, city: l.venue.city }),
    priceMemberOre: l.price.memberOre,
    priceNonMemberOre: l.price.nonMemberOre,
    priceExclVatOre: l.price.exclVatOre,
    priceInclVatOre: l.price.inclVatOre,
    seatsLeft: l.seatsLeft,
    unavailable: l.unavailable,
    ownPlace: l.ownPlace,
    queued: l.queued,
  }));
  const anyVat = options.package.price.vatRateBp > 0 || options.lectures.some((l) => l.price.vatRateBp > 0);

  return (
    <div className="container-page py-10 sm:py-12">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: tc("title"), href: paths.calendar(locale) },
          { label: workshop.title, href: paths.workshop(locale, workshop.slug), lang },
          { label: t("breadcrumb") },
        ]}
      />
      <h1 className="text-3xl sm:text-4xl">
        {t.rich("heading", { workshop: workshop.title, w: (chunks) => <span lang={lang}>{chunks}</span> })}
      </h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro", { minutes: workshop.holdMinutes })}</p>
      <div className="mt-8">
        {/* Only this page's texts go to the browser. */}
        <NextIntlClientProvider messages={{ booking: (messages as Record<string, AbstractIntlMessages>).booking ?? {} }}>
          <BookingForm
            locale={locale}
            contentLang={lang}
            workshop={{
              id: workshop.id,
              title: workshop.title,
              pmDeadline: formatLocalDate(workshop.pmDeadline, locale),
              supervisionMonths: workshop.supervisionMonths,
              gatheringCount: workshop.gatheringCount,
              lectureCount: workshop.lectureCount,
            }}
            tier={options.tier}
            organisationName={options.organisationName}
            isOrderer={options.isOrderer}
            email={user.email}
            pkg={{
              priceMemberOre: options.package.price.memberOre,
              priceNonMemberOre: options.package.price.nonMemberOre,
              priceExclVatOre: options.package.price.exclVatOre,
              priceInclVatOre: options.package.price.inclVatOre,
              seatsLeft: options.package.seatsLeft,
              unavailable: options.package.unavailable,
              ownPlace: options.package.ownPlace,
              queued: options.package.queued,
              fullBecauseOf: options.package.fullBecauseOf,
            }}
            lectures={lectures}
            idempotencyKey={randomUUID()}
            preselectedLectureId={preselected}
            anyVat={anyVat}
            links={{ bookings: paths.bookings(locale), bookAgain: paths.book(locale, workshop.slug), pay: paths.pay(locale, "__ORDER__") }}
            errorHeading={tForms("errorHeading")}
          />
        </NextIntlClientProvider>
      </div>
    </div>
  );
}
