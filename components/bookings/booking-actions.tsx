import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { canCancelSelf } from "@/lib/domain/enrollment";
import type { AppLocale } from "@/lib/domain/money";
import { formatLocalDate } from "@/lib/domain/time";
import type { BookingView, WaitlistView } from "@/lib/server/enrollment/list-my-bookings";
import { BookingActionForm } from "./booking-action-form";

type Options = {
  locale: AppLocale;
  now: Date;
  /** Whether the reader may change the booking or queue place of this participant, made by this person (the server checks again). */
  mayAct: (participantId: string, madeById: string) => boolean;
  /** Coordinators and admins may cancel after the cancellation day too. */
  cancelAfterDeadline: boolean;
};

/**
 * The forms for changing bookings and waiting-list places (app/_actions/enrollment-changes.ts),
 * with their texts in the page's language: cancel and pass on an upcoming active booking; accept
 * or decline an offer; leave a waiting list.
 */
export async function bookingActionRenderers({ locale, now, mayAct, cancelAfterDeadline }: Options) {
  const t = await getTranslations({ locale, namespace: "myBookings" });
  const common = (title: string) => ({ suffix: t("forTitle", { title }), errorHeading: t("errorHeading") });

  const bookingActions = (b: BookingView): ReactNode => {
    if (!b.active || b.timing !== "upcoming" || !mayAct(b.participant.id, b.bookedBy?.id ?? b.participant.id)) return null;
    const deadline = formatLocalDate(b.workshop.cancellationDeadline, locale);
    const mayCancel = cancelAfterDeadline || canCancelSelf(b.workshop.cancellationDeadline, now);
    return (
      <>
        {mayCancel ? (
          <BookingActionForm
            kind="cancel"
            id={b.id}
            texts={{
              ...common(b.title),
              open: t("cancelOpen"),
              intro: `${t("cancelIntro")} ${t("cancelUntil", { date: deadline })}`,
              fieldLabel: t("reasonLabel"),
              submit: t("cancelSubmit"),
              pending: t("cancelPending"),
              done: t("cancelDone"),
            }}
          />
        ) : (
          <p className="w-full text-base text-muted">{t("cancelClosed", { date: deadline })}</p>
        )}
        <BookingActionForm
          kind="substitute"
          id={b.id}
          texts={{
            ...common(b.title),
            open: t("substituteOpen"),
            intro: t("substituteIntro"),
            fieldLabel: t("emailLabel"),
            fieldHint: t("emailHint"),
            submit: t("substituteSubmit"),
            pending: t("substitutePending"),
            done: t("substituteDone"),
          }}
        />
      </>
    );
  };

  const waitlistActions = (e: WaitlistView): ReactNode => {
    if (!mayAct(e.participant.id, e.addedBy?.id ?? e.participant.id)) return null;
    return (
      <>
        {e.status === "OFFERED" && (
          <BookingActionForm kind="accept" id={e.id} texts={{ ...common(e.title), submit: t("acceptSubmit"), pending: t("acceptPending"), done: t("acceptDone") }} />
        )}
        <BookingActionForm
          kind="leave"
          id={e.id}
          texts={{ ...common(e.title), submit: t(e.status === "OFFERED" ? "declineSubmit" : "leaveSubmit"), pending: t("leavePending"), done: t("leaveDone") }}
        />
      </>
    );
  };

  return { bookingActions, waitlistActions };
}
