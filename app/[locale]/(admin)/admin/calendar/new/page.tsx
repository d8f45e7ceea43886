import { getTranslations } from "next-intl/server";
import { openAdminPage, titleMetadata } from "@/components/admin/admin-page";
import { CalendarAdminMessages } from "@/components/admin/calendar/calendar-admin-messages";
import { WorkshopForm } from "@/components/admin/calendar/workshop-form";
import { newWorkshopValues } from "@/components/admin/calendar/workshop-values";
import { PageHeader } from "@/components/admin/page-header";
import { paths } from "@/lib/i18n/paths";
import { listOrganisers } from "@/lib/server/calendar/list-organisers";

export const generateMetadata = titleMetadata("calendarAdmin.new");

/** "Ny verkstad": the workshop form, empty; the new workshop is a draft until published. */
export default async function NewWorkshopPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, me } = await openAdminPage(params);
  const [t, organisers] = await Promise.all([getTranslations({ locale, namespace: "calendarAdmin.new" }), listOrganisers(me)]);
  return (
    <>
      <PageHeader back={{ href: paths.adminCalendar(locale), text: t("back") }} title={t("title")} intro={t("intro")} />
      <div className="mt-8">
        <CalendarAdminMessages locale={locale}>
          <WorkshopForm
            mode="create"
            values={newWorkshopValues(organisers.length === 1 ? (organisers[0]?.id ?? "") : "")}
            organisers={organisers}
            editHref={paths.adminWorkshop(locale, "__id__")}
          />
        </CalendarAdminMessages>
      </div>
    </>
  );
}
