"use client";

import { createLectureAction, updateLectureAction } from "@/app/_actions/session-admin";
import { SessionForm, type Choice, type SessionFormTexts } from "./session-form";

/** A lecture's form: new (then on to its edit page) or edit (lectureId given). */
export function LectureForm(props: {
  workshopId: string;
  lectureId?: string;
  values: Readonly<Record<string, string | undefined>>;
  labels?: Record<string, string>;
  venues: Choice[];
  lecturers: Choice[];
  texts: SessionFormTexts;
  /** The new lecture's edit page, with "{id}" for its id (new lectures only). */
  editHref?: string;
}) {
  const { workshopId, lectureId, ...rest } = props;
  return (
    <SessionForm
      kind="lecture"
      action={lectureId ? updateLectureAction : createLectureAction}
      hidden={lectureId ? { workshopId, lectureId } : { workshopId }}
      {...rest}
    />
  );
}
