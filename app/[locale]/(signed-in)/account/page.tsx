import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CalendarFeedSection } from "@/components/account/calendar-feed";
import { ProfileForm, type OrganisationOption } from "@/components/auth/profile-form";
import { requirePageUser } from "@/lib/auth/page-guards";
import { db } from "@/lib/db";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { listOrganisations } from "@/lib/server/accounts/list-organisations";
import { OTHER_ORGANISATION } from "@/lib/server/accounts/complete-profile";
import { localPathField } from "@/lib/validation/fields";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[]; saved?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  return { title: (await getTranslations({ locale, namespace: "account" }))("title") };
}

/** The signed-in person's profile. A first sign-in lands here until name, title and employer are filled in. */
export default async function AccountPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale, { allowIncompleteProfile: true });
  const query = await searchParams;
  const next = localPathField.safeParse(typeof query.next === "string" ? query.next : undefined);
  const [t, tForms, tRoles, organisations, profile] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "forms" }),
    getTranslations({ locale, namespace: "roles" }),
    listOrganisations(),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { otherOrganisationName: true } }),
  ]);
  const first = !user.profileComplete;
  const options: OrganisationOption[] = organisations.map((o) => ({
    id: o.id,
    name: o.name,
    group: o.type === "MEMBER_MUNICIPALITY" ? "member" : o.type === "INTEREST_ORGANISATION" ? "interest" : "other",
  }));

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{first ? t("welcomeTitle") : t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{first ? t("welcomeIntro") : t("intro")}</p>
      {query.saved === "1" && !first && (
        <p role="status" className="mt-6 max-w-prose rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">
          {t("saved")}
        </p>
      )}
      <dl className="mt-8 grid max-w-xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("email")}</dt>
        <dd>{user.email}</dd>
        {user.roles.length > 0 && (
          <>
            <dt className="font-semibold">{t("roles")}</dt>
            <dd>{user.roles.map((r) => tRoles(r)).join(", ")}</dd>
          </>
        )}
      </dl>
      <div className="mt-8">
        <ProfileForm
          next={next.success ? next.data : undefined}
          organisations={options}
          values={{
            name: user.name ?? "",
            title: user.title ?? "",
            organisationId: user.organisationId ?? (profile.otherOrganisationName ? OTHER_ORGANISATION : ""),
            otherOrganisationName: profile.otherOrganisationName ?? "",
            locale: user.locale,
          }}
          texts={{
            nameLabel: t("nameLabel"),
            nameHint: t("nameHint"),
            titleLabel: t("titleLabel"),
            titleHint: t("titleHint"),
            organisationLabel: t("organisationLabel"),
            organisationHint: t("organisationHint"),
            organisationPlaceholder: t("organisationPlaceholder"),
            organisationOther: t("organisationOther"),
            organisationNoMatch: t("organisationNoMatch"),
            otherOrganisationLabel: t("otherOrganisationLabel"),
            localeLabel: t("localeLabel"),
            localeHint: t("localeHint"),
            localeSv: t("localeSv"),
            localeEn: t("localeEn"),
            submit: first ? t("submitFirst") : t("submit"),
            saving: tForms("saving"),
            errorHeading: tForms("errorHeading"),
            groups: { member: t("memberGroup"), interest: t("interestGroup"), other: t("otherGroup") },
          }}
        />
      </div>
      {/* The private calendar link: once the profile is complete (its actions require that). */}
      {!first && <CalendarFeedSection locale={locale} user={user} />}
    </div>
  );
}
