import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { WorkshopView } from "@/components/calendar/workshop-view";
import { requirePageArea } from "@/lib/auth/page-guards";
import { isAppError } from "@/lib/errors";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { getWorkshopPreview } from "@/lib/server/calendar/get-workshop-preview";

type Props = { params: Promise<{ locale: string; workshopId: string }> };

// Admins only, never in a search engine (the admin layout says so too).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendarAdmin.preview" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * The public workshop page as it will look once published, drafts included, rendered by the same
 * component as the public page, under a banner that says it is a preview. The booking button is
 * drawn but leads nowhere.
 */
export default async function WorkshopPreviewPage({ params }: Props) {
  const locale = await localeFromParams(params);
  const { workshopId } = await params;
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  let preview;
  try {
    preview = await getWorkshopPreview(me, workshopId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const t = await getTranslations({ locale, namespace: "calendarAdmin.preview" });
  const published = preview.status === "PUBLISHED";

  return (
    <>
      <div role="note" aria-labelledby="preview-banner" className="rounded-lg border-l-4 border-warning bg-warning-soft p-4 sm:p-5">
        <p id="preview-banner" className="text-xl font-bold">
          {published ? t("bannerPublished") : t("banner")}
        </p>
        <p className="mt-1">{published ? t("bannerPublishedText", { drafts: preview.draftSessions }) : t("bannerText")}</p>
        <p className="mt-2">
          <a href={paths.adminWorkshop(locale, preview.workshopId)}>{t("back")}</a>
        </p>
      </div>
      <WorkshopView workshop={preview.workshop} locale={locale} now={new Date()} bookHref={null} feedLink={false} />
    </>
  );
}
