"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { bookSessionsAction } from "@/app/_actions/enrollment";
import { joinWaitlistAction } from "@/app/_actions/enrollment-changes";
import { FormMessage } from "@/components/forms/form-message";
import { fieldErrorsOf } from "@/components/forms/form-state";
import { suggestPackage as suggestPackageRule } from "@/lib/domain/billing/package";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import type { PriceTier } from "@/lib/domain/pricing";
import type { ActionResult } from "@/lib/server/action";
import type { BookSessionsResult } from "@/lib/server/enrollment/book-sessions";
import type { JoinWaitlistResult } from "@/lib/server/enrollment/join-waitlist";
import { BookingConfirmation } from "./booking-confirmation";
import { ColleagueList, type ColleagueRow } from "./colleague-list";
import { WaitlistJoined } from "./waitlist-joined";
import type { BookingKind, LectureChoice, LectureUnavailable, PackageChoice } from "./types";

type Props = {
  locale: AppLocale;
  /** The language of the calendar's own texts (titles), when it differs from the page's. */
  contentLang: AppLocale | undefined;
  workshop: { id: string; title: string; pmDeadline: string; supervisionMonths: number; gatheringCount: number; lectureCount: number };
  tier: PriceTier;
  organisationName: string | null;
  isOrderer: boolean;
  email: string;
  pkg: PackageChoice;
  lectures: LectureChoice[];
  /** Made once per page on the server: a double submit or a retry places the order once. */
  idempotencyKey: string;
  preselectedLectureId: string | null;
  anyVat: boolean;
  links: { bookings: string; bookAgain: string; /** The checkout page with "__ORDER__" where the order id goes. */ pay: string };
  errorHeading: string;
};

const REASON_KEY: Record<LectureUnavailable, string> = {
  cancelled: "reasonCancelled",
  past: "reasonPast",
  full: "reasonFull",
  booked: "reasonBooked",
  inPackage: "reasonInPackage",
  queued: "reasonQueued",
};

/** One submit of the form: a booking, or joining the waiting list of a full lecture or package. */
type Submission = { action: "book"; data: FormData } | { action: "queue"; data: FormData; session: string };
type Outcome =
  | { action: "book"; result: ActionResult<BookSessionsResult> }
  | { action: "queue"; session: string; result: ActionResult<JoinWaitlistResult> };

async function send(_previous: Outcome | null, submission: Submission): Promise<Outcome> {
  if (submission.action === "book") return { action: "book", result: await bookSessionsAction(submission.data) };
  return { action: "queue", session: submission.session, result: await joinWaitlistAction(submission.data) };
}

const SHOWN_FIELDS = ["kind", "lectureIds", "ownProject", "participantEmails", "includeSelf"];

/**
 * The booking form: the whole workshop or single lectures, for oneself or (orderers) for colleagues.
 * Prices come from the server for the person's price tier; the running total here is only a
 * preview, the order's amounts are computed again by the booking itself.
 */
export function BookingForm(props: Props) {
  const { locale, contentLang, workshop, pkg, lectures, isOrderer } = props;
  const t = useTranslations("booking");
  // Both actions answer into one state, so the form shows the answer to whatever was sent last.
  const [outcome, dispatch, pending] = useActionState(send, null);
  const state = outcome?.result ?? null;

  const preselected = lectures.find((l) => l.id === props.preselectedLectureId && l.unavailable === null);
  const [kind, setKind] = useState<BookingKind>(preselected || pkg.unavailable !== null ? "LECTURE" : "PACKAGE");
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(preselected ? [preselected.id] : []));
  const [ownProject, setOwnProject] = useState(false);
  const [rows, setRows] = useState<ColleagueRow[]>([{ key: 0, email: "" }]);
  const [includeSelf, setIncludeSelf] = useState(true);
  const formRef = useRef<HTMLFormElement>(null);
  const packageRadio = useRef<HTMLInputElement>(null);

  if (outcome?.action === "book" && outcome.result.ok) {
    return <BookingConfirmation result={outcome.result.data} locale={locale} email={props.email} links={props.links} />;
  }
  // A full package can still be chosen: the form then puts people on its waiting list.
  const packageQueue = kind === "PACKAGE" && pkg.unavailable === "full";

  const chosenLectures = lectures.filter((l) => l.unavailable === null && selected.has(l.id));
  const own = props.email.toLowerCase();
  const others = new Set(rows.map((r) => r.email.trim().toLowerCase()).filter((e) => e !== "" && e !== own));
  // As the booking counts them: without colleagues an orderer books themselves.
  const people = isOrderer && others.size > 0 ? others.size + (includeSelf ? 1 : 0) : 1;
  const perPerson = kind === "PACKAGE" ? (pkg.unavailable === null ? pkg.priceInclVatOre : 0) : chosenLectures.reduce((s, l) => s + l.priceInclVatOre, 0);
  const chosenSomething = kind === "PACKAGE" ? pkg.unavailable === null : chosenLectures.length > 0;
  // The domain's rule (lib/domain/billing/package.ts), on what the person pays: VAT included.
  const suggestion = suggestPackageRule({ selectedLectureTotalsOre: chosenLectures.map((l) => l.priceInclVatOre), packageOre: pkg.priceInclVatOre });
  const suggestPackage = kind === "LECTURE" && pkg.unavailable === null && suggestion.suggest;
  const sek = (ore: number) => formatSek(ore, locale);

  // Field errors of the e-mail rows come back by position among the rows that were filled in.
  const filled = rows.filter((r) => r.email !== "");
  const rowErrors = new Map(filled.map((r, i) => [r.key, fieldErrorsOf(state, `participantEmails.${i}`)]));
  const otherErrors =
    state && !state.ok
      ? Object.entries(state.fieldErrors ?? {})
          .filter(([field]) => !SHOWN_FIELDS.includes(field) && !field.startsWith("participantEmails."))
          .flatMap(([, messages]) => messages)
      : [];
  const kindErrors = fieldErrorsOf(state, "kind");
  const lectureErrors = fieldErrorsOf(state, "lectureIds");
  const ownProjectErrors = fieldErrorsOf(state, "ownProject");

  function toggleLecture(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  // Sent by hand, not as the form's action: a form action resets the form afterwards (React 19),
  // and ticked boxes would look empty after an error while the choice is still held here.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(packageQueue ? { action: "queue", data, session: workshop.title } : { action: "book", data }));
  }

  function queueForLecture(lecture: LectureChoice) {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("kind", "LECTURE");
    data.set("lectureId", lecture.id);
    data.delete("lectureIds");
    startTransition(() => dispatch({ action: "queue", data, session: lecture.title }));
  }

  function choosePackage() {
    setKind("PACKAGE");
    packageRadio.current?.focus();
  }

  const packageReason =
    pkg.unavailable === "started"
      ? t("packageStarted")
      : pkg.unavailable === "booked"
        ? t("packageBooked")
        : pkg.unavailable === "queued"
          ? t("packageQueued")
        : pkg.unavailable === "full" && pkg.fullBecauseOf
          ? t.rich("packageFullBecause", { session: pkg.fullBecauseOf, w: (chunks) => <span lang={contentLang}>{chunks}</span> })
          : pkg.unavailable === "full"
            ? t("packageFull")
            : null;

  return (
    <form ref={formRef} method="post" onSubmit={submit} noValidate className="grid gap-8">
      <FormMessage state={state} heading={props.errorHeading} />
      {outcome?.action === "queue" && outcome.result.ok && (
        <WaitlistJoined
          result={outcome.result.data}
          session={outcome.session}
          contentLang={contentLang}
          email={props.email}
          bookingsHref={props.links.bookings}
        />
      )}
      {otherErrors.length > 0 && (
        <ul className="text-base font-semibold text-danger">
          {otherErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <input type="hidden" name="workshopId" value={workshop.id} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />

      <p className="max-w-prose">
        {props.tier === "MEMBER" && props.organisationName
          ? t("tierMember", { organisation: props.organisationName })
          : t("tierNonMember")}
      </p>

      <fieldset className="grid gap-4" aria-describedby={kindErrors.length ? "kind-error" : undefined}>
        <legend className="mb-3 text-2xl font-bold">{t("kindLegend")}</legend>
        {kindErrors.length > 0 && (
          <ul id="kind-error" className="text-base font-semibold text-danger">
            {kindErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <div className={`rounded-lg border-2 p-4 ${kind === "PACKAGE" ? "border-brand bg-brand-soft" : "border-line"}`}>
            <label className="flex items-start gap-3">
              <input
                ref={packageRadio}
                type="radio"
                name="kind"
                value="PACKAGE"
                checked={kind === "PACKAGE"}
                disabled={pkg.unavailable !== null && pkg.unavailable !== "full"}
                onChange={() => setKind("PACKAGE")}
                aria-describedby="kind-package-hint"
                className="mt-1 size-5 shrink-0 accent-brand"
              />
              <span className="text-lg font-semibold">{t("kindPackage")}</span>
            </label>
            <div id="kind-package-hint" className="ml-8 mt-1 grid gap-1 text-base">
              <p>
                {t("kindPackageHint", { gatherings: workshop.gatheringCount, lectures: workshop.lectureCount, months: workshop.supervisionMonths })}
              </p>
              <p>{t("yourPrice", { price: sek(pkg.priceExclVatOre) })}</p>
              {packageReason && <p className="font-semibold">{packageReason}</p>}
              {pkg.unavailable === "full" && <p>{t("packageQueueHint")}</p>}
            </div>
          </div>
          <div className={`rounded-lg border-2 p-4 ${kind === "LECTURE" ? "border-brand bg-brand-soft" : "border-line"}`}>
            <label className="flex items-start gap-3">
              <input
                type="radio"
                name="kind"
                value="LECTURE"
                checked={kind === "LECTURE"}
                onChange={() => setKind("LECTURE")}
                aria-describedby="kind-lectures-hint"
                className="mt-1 size-5 shrink-0 accent-brand"
              />
              <span className="text-lg font-semibold">{t("kindLectures")}</span>
            </label>
            <p id="kind-lectures-hint" className="ml-8 mt-1 text-base">
              {t("kindLecturesHint")}
            </p>
          </div>
        </div>
      </fieldset>

      {kind === "PACKAGE" && (
        <section aria-labelledby="package-heading" className="grid gap-4 rounded-lg border border-line bg-surface p-5 sm:p-6">
          <h2 id="package-heading" className="text-xl sm:text-2xl">
            {t("packageHeading")}
          </h2>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(9rem,max-content)_1fr]">
            <dt className="font-semibold sm:font-normal sm:text-muted">{t("priceLabel")}</dt>
            <dd className="mb-2 sm:mb-1">
              <ul>
                <li>
                  {t("priceMember", { price: sek(pkg.priceMemberOre) })}
                  {props.tier === "MEMBER" && <strong> {t("appliesToYou")}</strong>}
                </li>
                <li>
                  {t("priceNonMember", { price: sek(pkg.priceNonMemberOre) })}
                  {props.tier === "NON_MEMBER" && <strong> {t("appliesToYou")}</strong>}
                </li>
              </ul>
            </dd>
            <dt className="font-semibold sm:font-normal sm:text-muted">{t("seatsLabel")}</dt>
            <dd className="mb-2 sm:mb-1">{t("seatsLeft", { count: pkg.seatsLeft })}</dd>
          </dl>
          {isOrderer && pkg.ownPlace && <p>{t("packageOwnPlace")}</p>}
          <div className="grid gap-1">
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                name="ownProject"
                value="true"
                checked={ownProject}
                onChange={(e) => setOwnProject(e.target.checked)}
                aria-describedby={["own-project-hint", ownProjectErrors.length ? "own-project-error" : ""].filter(Boolean).join(" ")}
                aria-invalid={ownProjectErrors.length > 0}
                className="mt-1 size-5 shrink-0 accent-brand"
              />
              <span className="font-semibold">
                {isOrderer ? t("ownProjectOrderer", { date: workshop.pmDeadline }) : t("ownProject", { date: workshop.pmDeadline })}
              </span>
            </label>
            <p id="own-project-hint" className="ml-8 max-w-prose text-base text-muted">
              {t("ownProjectHint")}
            </p>
            {ownProjectErrors.length > 0 && (
              <ul id="own-project-error" className="ml-8 text-base font-semibold text-danger">
                {ownProjectErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        </section>
      )}

      {kind === "LECTURE" && (
        <fieldset
          className="grid gap-2"
          aria-describedby={["lectures-hint", lectureErrors.length ? "lectures-error" : ""].filter(Boolean).join(" ")}
        >
          <legend className="mb-2 text-2xl font-bold">{t("lecturesLegend")}</legend>
          <p id="lectures-hint" className="max-w-prose">
            {t("lecturesHint")}
          </p>
          {lectureErrors.length > 0 && (
            <ul id="lectures-error" className="text-base font-semibold text-danger">
              {lectureErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {lectures.length === 0 ? (
            <p>{t("noLectures")}</p>
          ) : (
            <ul className="mt-2">
              {lectures.map((lecture) => (
                <LectureItem
                  key={lecture.id}
                  lecture={lecture}
                  checked={lecture.unavailable === null && selected.has(lecture.id)}
                  onToggle={toggleLecture}
                  contentLang={contentLang}
                  isOrderer={isOrderer}
                  locale={locale}
                  pending={pending}
                  onQueue={queueForLecture}
                />
              ))}
            </ul>
          )}
        </fieldset>
      )}

      {isOrderer && (
        <ColleagueList
          rows={rows}
          onChange={setRows}
          rowErrors={rowErrors}
          listErrors={fieldErrorsOf(state, "participantEmails")}
          organisationName={props.organisationName}
          includeSelf={includeSelf}
          onIncludeSelfChange={setIncludeSelf}
        />
      )}

      <section aria-labelledby="summary-heading" className="grid gap-3 rounded-lg border-2 border-brand p-5 sm:p-6">
        <h2 id="summary-heading" className="text-xl sm:text-2xl">
          {t("summaryHeading")}
        </h2>
        {/* Read out when the choice changes, without moving focus (WCAG 4.1.3). */}
        <div aria-live="polite" aria-atomic="true" className="grid gap-1">
          {packageQueue ? (
            <p>{isOrderer ? t("summaryPackageQueueOrderer") : t("summaryPackageQueue")}</p>
          ) : chosenSomething ? (
            <>
              <p>
                {kind === "PACKAGE" ? t("summaryPackage", { people }) : t("summaryLectures", { count: chosenLectures.length, people })}
              </p>
              <p className="text-xl font-bold">{t("total", { total: sek(perPerson * people) })}</p>
              <p className="text-base text-muted">{props.anyVat ? t("vatIncluded") : t("vatNone")}</p>
            </>
          ) : (
            <p>{t("summaryNothing")}</p>
          )}
          {suggestPackage && (
            <p className="mt-2 max-w-prose rounded border-l-4 border-warning bg-warning-soft p-3">
              {t("packageHint", { lectures: sek(suggestion.lecturesOre), package: sek(suggestion.packageOre) })}
            </p>
          )}
        </div>
        {suggestPackage && (
          <div>
            <button type="button" className="button-secondary" onClick={choosePackage}>
              {t("choosePackage")}
            </button>
          </div>
        )}
      </section>

      <div>
        <button type="submit" disabled={pending} aria-disabled={pending} className="button-primary">
          {pending ? t("submitting") : packageQueue ? (isOrderer ? t("queuePackageOrderer") : t("queuePackage")) : t("submit")}
        </button>
      </div>
    </form>
  );
}

function LectureItem({
  lecture,
  checked,
  onToggle,
  contentLang,
  isOrderer,
  locale,
  pending,
  onQueue,
}: {
  lecture: LectureChoice;
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
  contentLang: AppLocale | undefined;
  isOrderer: boolean;
  locale: AppLocale;
  pending: boolean;
  onQueue: (lecture: LectureChoice) => void;
}) {
  const t = useTranslations("booking");
  const id = `lecture-${lecture.id}`;
  const disabled = lecture.unavailable !== null;
  return (
    <li className={`grid grid-cols-[auto_1fr] gap-3 border-t border-line py-5 ${disabled ? "text-muted" : ""}`}>
      <input
        id={id}
        type="checkbox"
        name="lectureIds"
        value={lecture.id}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onToggle(lecture.id, e.target.checked)}
        aria-describedby={`${id}-when ${id}-status`}
        className="mt-1.5 size-5 accent-brand"
      />
      <div className="min-w-0">
        <label htmlFor={id} lang={contentLang} className={`text-lg font-semibold ${disabled ? "" : "text-ink"}`}>
          {lecture.title}
        </label>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-base sm:gap-x-4">
          <dt className="text-muted">{t("whenLabel")}</dt>
          <dd id={`${id}-when`}>
            {t.rich("when", {
              date: lecture.date,
              startTime: lecture.startTime,
              endTime: lecture.endTime,
              start: (chunks) => <time dateTime={lecture.startsAt}>{chunks}</time>,
              end: (chunks) => <time dateTime={lecture.endsAt}>{chunks}</time>,
            })}
          </dd>
          <dt className="text-muted">{t("lecturerLabel")}</dt>
          <dd>{lecture.lecturer}</dd>
          <dt className="text-muted">{t("venueLabel")}</dt>
          <dd>{lecture.venue}</dd>
          <dt className="text-muted">{t("priceLabel")}</dt>
          <dd>{formatSek(lecture.priceExclVatOre, locale)}</dd>
          {(lecture.unavailable === null || lecture.unavailable === "full") && (
            <>
              <dt className="text-muted">{t("seatsLabel")}</dt>
              <dd>{t("seatsLeft", { count: lecture.seatsLeft })}</dd>
            </>
          )}
        </dl>
        <p id={`${id}-status`} className="mt-2 text-base font-semibold text-ink">
          {lecture.unavailable
            ? t(REASON_KEY[lecture.unavailable])
            : isOrderer && lecture.ownPlace
              ? t("ownPlaceNote")
              : ""}
          {isOrderer && lecture.queued && ` ${t("ownQueueNote")}`}
        </p>
        {lecture.unavailable === "full" && (
          // Not a submit button: Enter in a field sends the form with its first submit button.
          <button type="button" className="button-secondary mt-3" disabled={pending} onClick={() => onQueue(lecture)}>
            {t.rich(isOrderer ? "queueLectureOrderer" : "queueLecture", {
              session: lecture.title,
              hidden: (chunks) => <span className="sr-only">{chunks}</span>,
              w: (chunks) => <span lang={contentLang}>{chunks}</span>,
            })}
          </button>
        )}
      </div>
    </li>
  );
}
