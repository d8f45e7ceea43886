"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { cancelSession, cancelSessionInput } from "@/lib/server/calendar/cancel-session";
import { createGathering, createGatheringInput } from "@/lib/server/calendar/create-gathering";
import { createLecture, createLectureInput } from "@/lib/server/calendar/create-lecture";
import { deleteSession, deleteSessionInput } from "@/lib/server/calendar/delete-session";
import { publishSession, publishSessionInput } from "@/lib/server/calendar/publish-session";
import { revalidatePublicCalendar } from "@/lib/server/calendar/public-calendar-cache";
import { updateGathering, updateGatheringInput } from "@/lib/server/calendar/update-gathering";
import { updateLecture, updateLectureInput } from "@/lib/server/calendar/update-lecture";

/**
 * The admin's session editor: lectures and gatherings of a workshop, for calendar editors only
 * (calendar.edit, calendar.publish); the use cases check the permission again and do the rest
 * (validation, locks, notices, audit). Every change the public pages may show marks the public
 * calendar stale, and the admin pages are re-rendered.
 */
const EDIT = { kind: "permission", permission: "calendar.edit" } as const;
const PUBLISH = { kind: "permission", permission: "calendar.publish" } as const;

function refresh(): void {
  revalidatePublicCalendar();
  revalidatePath("/", "layout");
}

export const createLectureAction = defineAction({
  name: "sessionAdmin.createLecture",
  access: EDIT,
  input: createLectureInput,
  run: async ({ input, user, now }) => {
    // A new lecture is a draft: nothing public changes, only the admin's pages.
    const result = await createLecture(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});

export const updateLectureAction = defineAction({
  name: "sessionAdmin.updateLecture",
  access: EDIT,
  input: updateLectureInput,
  run: async ({ input, user, now }) => {
    const result = await updateLecture(user, input, now);
    refresh();
    return result;
  },
});

export const createGatheringAction = defineAction({
  name: "sessionAdmin.createGathering",
  access: EDIT,
  input: createGatheringInput,
  run: async ({ input, user, now }) => {
    const result = await createGathering(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});

export const updateGatheringAction = defineAction({
  name: "sessionAdmin.updateGathering",
  access: EDIT,
  input: updateGatheringInput,
  run: async ({ input, user, now }) => {
    const result = await updateGathering(user, input, now);
    refresh();
    return result;
  },
});

export const publishSessionAction = defineAction({
  name: "sessionAdmin.publishSession",
  access: PUBLISH,
  input: publishSessionInput,
  run: async ({ input, user, now }) => {
    const result = await publishSession(user, input, now);
    refresh();
    return result;
  },
});

export const cancelSessionAction = defineAction({
  name: "sessionAdmin.cancelSession",
  access: EDIT,
  input: cancelSessionInput,
  run: async ({ input, user, now }) => {
    const result = await cancelSession(user, input, now);
    refresh();
    return result;
  },
});

export const deleteSessionAction = defineAction({
  name: "sessionAdmin.deleteSession",
  access: EDIT,
  input: deleteSessionInput,
  run: async ({ input, user, now }) => {
    const result = await deleteSession(user, input, now);
    refresh();
    return result;
  },
});
