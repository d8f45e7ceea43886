import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { WorkshopView } from "@/components/calendar/workshop-view";
import { getSessionUser } from "@/lib/auth/session";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths, withQuery } from "@/lib/i18n/paths";
import { getPublishedWorkshop } from "@/lib/server/calendar/get-workshop";

type Props = { params: Promise<{ locale: string; slug: string }> };

// generateMetadata and the page both need the workshop; one lookup per request.
const loadWorkshop = cache(getPublishedWorkshop);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const { slug } = await params;
  const workshop = await loadWorkshop(slug);
  if (workshop) return { title: workshop.title, description: workshop.summary };
  return { title: (await getTranslations({ locale, namespace: "notFound" }))("title") };
}

export default async function WorkshopPage({ params }: Props) {
  const locale = await localeFromParams(params);
  const { slug } = await params;
  setRequestLocale(locale);
  const workshop = await loadWorkshop(slug);
  if (!workshop) notFound();
  // Signed-out readers sign in first and come back to the booking page.
  const bookPath = paths.book(locale, workshop.slug);
  const bookHref = (await getSessionUser()) ? bookPath : withQuery(paths.signIn(locale), { callbackUrl: bookPath });
  return <WorkshopView workshop={workshop} locale={locale} now={new Date()} bookHref={bookHref} />;
}
