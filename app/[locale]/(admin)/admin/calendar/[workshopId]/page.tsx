import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { CalendarAdminMessages } from "@/components/admin/calendar/calendar-admin-messages";
import { SessionTable } from "@/components/admin/calendar/session-table";
import { WorkshopActions } from "@/components/admin/calendar/workshop-actions";
import { WorkshopForm } from "@/components/admin/calendar/workshop-form";
import { WorkshopStatusBadge } from "@/components/admin/calendar/workshop-status-badge";
import { workshopFormValues } from "@/components/admin/calendar/workshop-values";
import { PageHeader } from "@/components/admin/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { nextEdition } from "@/lib/domain/calendar-editor";
import { isAppError } from "@/lib/errors";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getWorkshopForEditing } from "@/lib/server/calendar/get-workshop-for-editing";
import { listOrganisers } from "@/lib/server/calendar/list-organisers";

export const generateMetadata = titleMetadata("calendarAdmin.edit", "metaTitle");

async function load(me: SessionUser, workshopId: string) {
  try {
    return await getWorkshopForEditing(me, workshopId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * One workshop for the admin: status, what can be done (publish, make a draft again, copy to next
 * year, delete), a link to the preview, the settings form, and its gatherings and lectures.
 */
export default async function WorkshopAdminPage({ params }: { params: Promise<{ locale: string; workshopId: string }> }) {
  const { locale, me, params: p } = await openAdminPage(params);
  const workshop = await load(me, p.workshopId);
  const [t, organisers] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.edit" }), listOrganisers(me)]);
  const lang = contentLang(locale);
  const { counts } = workshop;

  return (
    <CalendarAdminMessages locale={locale}>
      <PageHeader back={{ href: paths.adminCalendar(locale), text: t("back") }} title={workshop.values.title} titleLang={lang} />
      {/* A live region: publishing or unpublishing re-renders it, and a screen reader hears the new state. */}
      <p role="status" className="mt-3 flex flex-wrap items-center gap-3">
        <WorkshopStatusBadge status={workshop.status} locale={locale} />
        <span>{t("statusText", { status: workshop.status, sessions: counts.gatherings + counts.lectures, drafts: counts.draftSessions, bookings: counts.activeBookings })}</span>
      </p>
      <p className="mt-4 flex flex-wrap gap-4">
        <a href={paths.adminWorkshopPreview(locale, workshop.id)}>{t("preview")}</a>
        {workshop.status === "PUBLISHED" && <a href={paths.workshop(locale, workshop.values.slug)}>{t("publicPage")}</a>}
      </p>

      <section aria-labelledby="actions-heading" className="mt-8 max-w-2xl rounded-lg border border-line p-5">
        <h2 id="actions-heading" className="text-2xl">
          {t("actionsHeading")}
        </h2>
        <div className="mt-4">
          <WorkshopActions
            workshopId={workshop.id}
            status={workshop.status}
            can={{ publish: workshop.canPublish, unpublish: workshop.canUnpublish, delete: workshop.canDelete }}
            counts={{ sessions: counts.gatherings + counts.lectures, draftSessions: counts.draftSessions, activeBookings: counts.activeBookings, liveWaitlist: counts.liveWaitlist }}
            nextEdition={nextEdition(workshop.values.edition)}
            listHref={paths.adminCalendar(locale)}
            workshopHref={paths.adminWorkshop(locale, "__id__")}
          />
        </div>
      </section>

      <SessionTable locale={locale} workshopId={workshop.id} />

      <section aria-labelledby="settings-heading" className="mt-10">
        <h2 id="settings-heading" className="text-2xl">
          {t("settingsHeading")}
        </h2>
        <p className="mt-2 max-w-prose">{t("settingsIntro", { seats: workshop.packageSeatsTaken })}</p>
        <div className="mt-6">
          <WorkshopForm mode="edit" workshopId={workshop.id} values={workshopFormValues(workshop.values)} organisers={organisers} />
        </div>
      </section>
    </CalendarAdminMessages>
  );
}
