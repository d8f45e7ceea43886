"use client";

import { createGatheringAction, updateGatheringAction } from "@/app/_actions/session-admin";
import { SessionForm, type Choice, type SessionFormTexts } from "./session-form";

/** A gathering's form: new (then on to its edit page) or edit (gatheringId given). */
export function GatheringForm(props: {
  workshopId: string;
  gatheringId?: string;
  values: Readonly<Record<string, string | undefined>>;
  labels?: Record<string, string>;
  venues: Choice[];
  texts: SessionFormTexts;
  editHref?: string;
}) {
  const { workshopId, gatheringId, ...rest } = props;
  return (
    <SessionForm
      kind="gathering"
      action={gatheringId ? updateGatheringAction : createGatheringAction}
      hidden={gatheringId ? { workshopId, gatheringId } : { workshopId }}
      {...rest}
    />
  );
}
