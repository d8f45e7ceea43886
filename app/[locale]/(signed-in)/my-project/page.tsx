import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingTable } from "@/components/supervision/meeting-table";
import { Facts } from "@/components/ui/facts";
import { requirePageUser } from "@/lib/auth/page-guards";
import { formatLocalDate } from "@/lib/domain/time";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { contentLang } from "@/lib/i18n/routing";
import { getMyProject } from "@/lib/server/supervision/get-my-project";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  const t = await getTranslations({ locale, namespace: "myProject" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The participant's own improvement project: who supervises it, the period and the meetings held.
 * Without an accepted project, a plain explanation (and where their PM stands, if they have one).
 */
export default async function MyProjectPage({ params }: Props) {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const [t, view] = await Promise.all([getTranslations({ locale, namespace: "myProject" }), getMyProject(user, new Date())]);
  const lang = contentLang(locale);
  const forms = { IN_PERSON: t("form.IN_PERSON"), VIDEO: t("form.VIDEO"), PHONE: t("form.PHONE") };

  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>

      {view.projects.length === 0 ? (
        <section aria-labelledby="none-heading" className="mt-6 max-w-prose">
          <h2 id="none-heading" className="text-2xl">
            {t("noneTitle")}
          </h2>
          <p className="mt-2 text-lg">{t("none")}</p>
          {view.otherPms.map((pm) => (
            <p key={pm.bookingId} className="mt-4">
              {t("pmStatusNote", { workshop: pm.workshopTitle, status: t(`pmStatus.${pm.status}`) })}{" "}
              <a href={paths.projectPm(locale, pm.bookingId)}>{t("openPm")}</a>
            </p>
          ))}
          <p className="mt-6">
            <a href={paths.bookings(locale)}>{t("bookings")}</a>
          </p>
        </section>
      ) : (
        <>
          <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
          {view.projects.map((p) => {
            const headingId = `project-${p.pmId}`;
            const s = p.supervision;
            return (
              <section key={p.pmId} aria-labelledby={headingId} className="mt-10 rounded-lg border border-line p-5 sm:p-6">
                <h2 id={headingId} className="text-2xl" lang={lang}>
                  {p.title}
                </h2>
                <Facts
                  className="mt-4"
                  items={[
                    { label: t("workshop"), value: <span lang={lang}>{p.workshopTitle}</span> },
                    ...(p.workplace ? [{ label: t("workplace"), value: <span lang={lang}>{p.workplace}</span> }] : []),
                    ...(s
                      ? [
                          {
                            label: t("supervisor"),
                            value: t.rich("supervisorValue", {
                              name: s.supervisorName,
                              email: s.supervisorEmail,
                              mail: (chunks) => <a href={`mailto:${s.supervisorEmail}`}>{chunks}</a>,
                            }),
                          },
                          { label: t("period"), value: t("periodValue", { start: formatLocalDate(s.startsOn, locale), end: formatLocalDate(s.endsOn, locale) }) },
                          { label: t("meetings"), value: t("meetingsValue", { held: s.progress.held, planned: s.progress.planned }) },
                          { label: t("status"), value: t(`statusValue.${s.status}`) },
                        ]
                      : []),
                  ]}
                />
                {!s ? (
                  <p className="mt-4 max-w-prose">{t("noSupervisor")}</p>
                ) : (
                  <>
                    <h3 className="mt-8 text-xl">{t("meetingsHeading")}</h3>
                    {s.meetings.length === 0 ? (
                      <p className="mt-2">{t("noMeetings")}</p>
                    ) : (
                      <MeetingTable
                        meetings={s.meetings}
                        locale={locale}
                        captionId={`${headingId}-meetings`}
                        texts={{ caption: t("meetingsCaption"), date: t("dateColumn"), form: t("formColumn"), note: t("noteColumn"), forms }}
                      />
                    )}
                  </>
                )}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
