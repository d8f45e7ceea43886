import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { requirePageArea } from "@/lib/auth/page-guards";
import { formatLocalDate } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";
import { getSessionForEditing } from "@/lib/server/calendar/get-session-for-editing";
import { getWorkshopForSessionForm, listSessionChoices } from "@/lib/server/calendar/list-session-choices";
import { idField } from "@/lib/validation/fields";
import { GatheringForm } from "./gathering-form";
import { LectureForm } from "./lecture-form";
import { SessionActions, type SessionActionsTexts } from "./session-actions";
import { SESSION_STATUS_TONES } from "./session-table";
import type { SessionFormTexts } from "./session-form";

type Kind = "lecture" | "gathering";

const FORM_KEYS = [
  "title", "theme", "description", "descriptionHint", "lecturer", "venue", "choose", "startDate", "dateHint", "startTime", "timeHint",
  "endDate", "endDateHint", "endTime", "capacity", "capacityHint", "priceMember", "priceNonMember", "priceHint", "vatRate",
  "vat0", "vat600", "vat1200", "vat2500", "timesLegend", "pricesLegend", "save", "create", "saving", "saved", "savedNotified",
  "errorHeading", "errorIntro", "stockholmNote",
] as const;

const ACTION_KEYS = [
  "publishHeading", "publishText", "publish", "publishing", "published", "publishWaitsForWorkshop", "cancelHeading", "cancelNote",
  "cancelNoteHint", "cancelOpen", "cancelYes", "cancelling", "cancelled", "deleteHeading", "deleteText", "deleteOpen", "deleteYes",
  "deleting", "deleted", "deleteRefused", "keep", "errorHeading",
] as const;

async function formTexts(locale: AppLocale): Promise<SessionFormTexts> {
  const t = await getTranslations({ locale, namespace: "sessionAdmin.form" });
  return Object.fromEntries(FORM_KEYS.map((k) => [k, t.raw(k) as string])) as SessionFormTexts;
}

/** The summary's link texts: the field labels under the form's names. */
function fieldLabels(texts: SessionFormTexts): Record<string, string> {
  return { lecturerId: texts.lecturer, venueId: texts.venue, vatRateBp: texts.vatRate };
}

function BackLink({ locale, workshopId, text }: { locale: AppLocale; workshopId: string; text: string }) {
  return (
    <p>
      <Link href={paths.adminWorkshop(locale, workshopId)} className="underline underline-offset-4">
        {text}
      </Link>
    </p>
  );
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** "Ny föreläsning" / "Ny samling": the empty form, saved as a draft, then on to the edit page. */
export async function NewSessionPage({ locale, workshopId, kind }: { locale: AppLocale; workshopId: string; kind: Kind }) {
  const me = await requirePageArea(locale, "admin");
  if (!idField.safeParse(workshopId).success) notFound();
  const [workshop, choices, t, texts] = await Promise.all([
    guard(() => getWorkshopForSessionForm(me, workshopId)),
    listSessionChoices(me),
    getTranslations({ locale, namespace: "sessionAdmin" }),
    formTexts(locale),
  ]);
  const values: Record<string, string> = {
    title: "", theme: "", description: "", lecturerId: "", venueId: "", startDate: workshop.startsOn, startTime: "09:00", endDate: "",
    endTime: kind === "lecture" ? "12:00" : "16:00", capacity: "", priceMember: "", priceNonMember: "", vatRateBp: "0",
  };
  const editHref = kind === "lecture" ? paths.adminLecture(locale, workshopId, "{id}") : paths.adminGathering(locale, workshopId, "{id}");
  return (
    <div className="grid gap-6">
      <BackLink locale={locale} workshopId={workshopId} text={t("page.back", { workshop: workshop.title })} />
      <div>
        <h1 className="text-3xl font-bold">{kind === "lecture" ? t("page.newLecture") : t("page.newGathering")}</h1>
        <p className="mt-2">{t("page.workshopDays", { workshop: workshop.title, from: formatLocalDate(workshop.startsOn, locale), to: formatLocalDate(workshop.endsOn, locale) })}</p>
        <p className="mt-2">{t("page.savedAsDraft")}</p>
      </div>
      {kind === "lecture" ? (
        <LectureForm workshopId={workshopId} values={values} venues={choices.venues} lecturers={choices.lecturers} texts={texts} labels={fieldLabels(texts)} editHref={decodeURIComponent(editHref)} />
      ) : (
        <GatheringForm workshopId={workshopId} values={values} venues={choices.venues} texts={texts} labels={fieldLabels(texts)} editHref={decodeURIComponent(editHref)} />
      )}
    </div>
  );
}

/** A session's edit page: what it is, who is affected, the form, then publish / cancel / delete. */
export async function EditSessionPage({ locale, workshopId, sessionId, kind }: { locale: AppLocale; workshopId: string; sessionId: string; kind: Kind }) {
  const me = await requirePageArea(locale, "admin");
  if (!idField.safeParse(workshopId).success || !idField.safeParse(sessionId).success) notFound();
  const [session, choices, t, texts, ta] = await Promise.all([
    guard(() => getSessionForEditing(me, { kind, workshopId, sessionId })),
    listSessionChoices(me),
    getTranslations({ locale, namespace: "sessionAdmin" }),
    formTexts(locale),
    getTranslations({ locale, namespace: "sessionAdmin.actions" }),
  ]);
  const { affected } = session;
  const actionTexts = {
    ...Object.fromEntries(ACTION_KEYS.map((k) => [k, ta.raw(k) as string])),
    cancelWarning:
      kind === "lecture"
        ? ta("cancelWarningLecture", { booked: affected.lectureBookings, packages: affected.packageBookings, waiting: affected.waiting })
        : ta("cancelWarningGathering", { packages: affected.packageBookings, waiting: affected.waiting }),
  } as SessionActionsTexts;
  const heading = kind === "gathering" ? t("kind.gatheringNumber", { number: session.number ?? 0 }) : t("kind.lecture");
  return (
    <div className="grid gap-6">
      <BackLink locale={locale} workshopId={workshopId} text={t("page.back", { workshop: session.workshop.title })} />
      <div>
        <p className="text-muted">{heading}</p>
        <h1 className="text-3xl font-bold">{session.values.title}</h1>
        <p className="mt-2">
          <Badge tone={SESSION_STATUS_TONES[session.status]}>{t(`status.${session.status}`)}</Badge>
        </p>
      </div>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t("page.seats")}</dt>
        <dd>{t("table.seatsValue", { taken: session.seatsTaken, capacity: Number(session.values.capacity) })}</dd>
        {kind === "lecture" && (
          <>
            <dt className="font-semibold">{t("page.singleBookings")}</dt>
            <dd>{affected.lectureBookings}</dd>
          </>
        )}
        <dt className="font-semibold">{t("page.packageBookings")}</dt>
        <dd>{affected.packageBookings}</dd>
        <dt className="font-semibold">{t("page.waiting")}</dt>
        <dd>{affected.waiting}</dd>
      </dl>
      {session.status === "PUBLISHED" && (affected.lectureBookings > 0 || affected.packageBookings > 0 || affected.waiting > 0) && (
        <p className="max-w-xl rounded border-l-4 border-warning bg-warning-soft p-4">{t("page.changeNotice")}</p>
      )}
      {session.can.edit ? (
        <section aria-labelledby="edit-heading" className="grid gap-4">
          <h2 id="edit-heading" className="text-xl font-semibold">
            {t("page.editHeading")}
          </h2>
          {kind === "lecture" ? (
            <LectureForm workshopId={workshopId} lectureId={sessionId} values={session.values} venues={choices.venues} lecturers={choices.lecturers} texts={texts} labels={fieldLabels(texts)} />
          ) : (
            <GatheringForm workshopId={workshopId} gatheringId={sessionId} values={session.values} venues={choices.venues} texts={texts} labels={fieldLabels(texts)} />
          )}
        </section>
      ) : (
        <p>{t("page.cancelledNoEdit")}</p>
      )}
      <SessionActions
        sessionRef={{ kind, workshopId, sessionId }}
        can={session.can}
        workshopPublished={session.workshop.status === "PUBLISHED"}
        texts={actionTexts}
        afterDeleteHref={paths.adminWorkshop(locale, workshopId)}
      />
    </div>
  );
}
