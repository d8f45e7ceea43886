import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EditSessionPage } from "@/components/admin/calendar/session-page";
import { localeFromParams } from "@/lib/i18n/locale-param";

type Props = { params: Promise<{ locale: string; workshopId: string; gatheringId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "sessionAdmin.page" });
  return { title: t("editGathering") };
}

/** A gathering's edit page: the form, who is booked and waiting, publish / cancel / delete. ADMIN only. */
export default async function GatheringPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const { workshopId, gatheringId } = await params;
  return <EditSessionPage locale={locale} workshopId={workshopId} sessionId={gatheringId} kind="gathering" />;
}
