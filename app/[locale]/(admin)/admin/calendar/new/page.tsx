import type { Metadata } from "next";
import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { WorkshopForm } from "@/components/admin/calendar/workshop-form";
import { newWorkshopValues } from "@/components/admin/calendar/workshop-values";
import { requirePageArea } from "@/lib/auth/page-guards";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { listOrganisers } from "@/lib/server/calendar/list-organisers";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "calendarAdmin.new" });
  return { title: t("title") };
}

/** "Ny verkstad": the workshop form, empty; the new workshop is a draft until published. */
export default async function NewWorkshopPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  const [t, messages, organisers] = await Promise.all([
    getTranslations({ locale, namespace: "calendarAdmin.new" }),
    getMessages({ locale }),
    listOrganisers(me),
  ]);
  return (
    <>
      <p className="mb-4">
        <a href={paths.adminCalendar(locale)}>{t("back")}</a>
      </p>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      <div className="mt-8">
        <NextIntlClientProvider messages={{ calendarAdmin: (messages as Record<string, AbstractIntlMessages>).calendarAdmin ?? {} }}>
          <WorkshopForm
            mode="create"
            values={newWorkshopValues(organisers.length === 1 ? (organisers[0]?.id ?? "") : "")}
            organisers={organisers}
            editHref={paths.adminWorkshop(locale, "__id__")}
          />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
