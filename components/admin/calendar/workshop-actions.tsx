"use client";

import { useTranslations } from "next-intl";
import { deleteWorkshopAction, duplicateWorkshopAction, publishWorkshopAction, unpublishWorkshopAction } from "@/app/_actions/calendar-admin";
import { Field, inputClass } from "@/components/forms/field";
import { ConfirmAction, ConfirmDelete } from "./confirm-action";

/**
 * Publish, make a draft again, copy to next year, delete: each asks first and says what will
 * happen. Steps that cannot be taken now are explained instead of offered (the server checks again).
 */
export function WorkshopActions({
  workshopId,
  status,
  can,
  counts,
  nextEdition,
  listHref,
  workshopHref,
}: {
  workshopId: string;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  can: { publish: boolean; unpublish: boolean; delete: boolean };
  counts: { sessions: number; draftSessions: number; activeBookings: number; liveWaitlist: number };
  /** The copy's edition name, or null when the admin must name it (the copy page asks). */
  nextEdition: string | null;
  listHref: string;
  /** A workshop's page with "__id__" for its id. */
  workshopHref: string;
}) {
  const t = useTranslations("calendarAdmin.actions");
  const common = { cancel: t("cancel"), errorHeading: t("errorHeading") };
  const hidden = { workshopId };

  return (
    <div className="grid gap-6">
      <section aria-labelledby="publish-heading" className="grid gap-2">
        <h3 id="publish-heading" className="text-lg font-semibold">
          {status === "DRAFT" ? t("publishHeading") : t("unpublishHeading")}
        </h3>
        {status === "DRAFT" ? (
          can.publish ? (
            <ConfirmAction
              key="publish"
              action={publishWorkshopAction}
              hidden={hidden}
              texts={{ ...common, open: t("publish"), confirmText: t("publishConfirm", { drafts: counts.draftSessions }), confirm: t("publishYes"), pending: t("publishing"), done: t("published") }}
            />
          ) : (
            <p>{t("publishNeedsSessions")}</p>
          )
        ) : can.unpublish ? (
          <ConfirmAction
            key="unpublish"
            action={unpublishWorkshopAction}
            hidden={hidden}
            texts={{ ...common, open: t("unpublish"), confirmText: t("unpublishConfirm"), confirm: t("unpublishYes"), pending: t("unpublishing"), done: t("unpublished") }}
          />
        ) : (
          <p>{t("unpublishBlocked", { bookings: counts.activeBookings, waiting: counts.liveWaitlist })}</p>
        )}
      </section>

      <section aria-labelledby="duplicate-heading" className="grid gap-2">
        <h3 id="duplicate-heading" className="text-lg font-semibold">
          {t("duplicateHeading")}
        </h3>
        <ConfirmAction
          action={duplicateWorkshopAction}
          hidden={hidden}
          nextHref={workshopHref}
          texts={{
            ...common,
            open: t("duplicate"),
            confirmText: nextEdition ? t("duplicateConfirm", { edition: nextEdition, sessions: counts.sessions }) : t("duplicateConfirmNoEdition", { sessions: counts.sessions }),
            confirm: t("duplicateYes"),
            pending: t("duplicating"),
            done: t("duplicated"),
          }}
        >
          {!nextEdition && (
            <div className="w-full">
              <Field id="duplicate-edition" label={t("editionLabel")} hint={t("editionHint")}>
                {(c) => <input id={c.id} name="edition" type="text" aria-required autoComplete="off" aria-describedby={c.describedBy} className={`${inputClass} max-w-[14rem]`} />}
              </Field>
            </div>
          )}
        </ConfirmAction>
      </section>

      <section aria-labelledby="delete-heading" className="grid gap-2">
        <h3 id="delete-heading" className="text-lg font-semibold">
          {t("deleteHeading")}
        </h3>
        <ConfirmDelete
          allowed={can.delete}
          blockedText={t("deleteBlocked")}
          action={deleteWorkshopAction}
          hidden={hidden}
          nextHref={listHref}
          texts={{ ...common, open: t("delete"), confirmText: t("deleteConfirm", { sessions: counts.sessions }), confirm: t("deleteYes"), pending: t("deleting"), done: t("deleted") }}
        />
      </section>
    </div>
  );
}
