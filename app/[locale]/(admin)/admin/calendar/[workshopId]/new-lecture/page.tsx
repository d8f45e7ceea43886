import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewSessionPage } from "@/components/admin/calendar/session-page";
import { localeFromParams } from "@/lib/i18n/locale-param";

type Props = { params: Promise<{ locale: string; workshopId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "sessionAdmin.page" });
  return { title: t("newLecture") };
}

/** "Ny föreläsning": a new lecture of the workshop, saved as a draft. ADMIN only. */
export default async function NewLecturePage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const { workshopId } = await params;
  return <NewSessionPage locale={locale} workshopId={workshopId} kind="lecture" />;
}
