"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { createLecturer, createLecturerInput } from "@/lib/server/calendar/create-lecturer";
import { createVenue, createVenueInput } from "@/lib/server/calendar/create-venue";
import { createWorkshop, createWorkshopInput } from "@/lib/server/calendar/create-workshop";
import { deleteLecturer, deleteLecturerInput } from "@/lib/server/calendar/delete-lecturer";
import { deleteVenue, deleteVenueInput } from "@/lib/server/calendar/delete-venue";
import { deleteWorkshop, deleteWorkshopInput } from "@/lib/server/calendar/delete-workshop";
import { duplicateWorkshopAsNextYear, duplicateWorkshopInput } from "@/lib/server/calendar/duplicate-workshop";
import { publishWorkshop, publishWorkshopInput } from "@/lib/server/calendar/publish-workshop";
import { revalidatePublicCalendar } from "@/lib/server/calendar/public-calendar-cache";
import { unpublishWorkshop, unpublishWorkshopInput } from "@/lib/server/calendar/unpublish-workshop";
import { updateLecturer, updateLecturerInput } from "@/lib/server/calendar/update-lecturer";
import { updateVenue, updateVenueInput } from "@/lib/server/calendar/update-venue";
import { updateWorkshop, updateWorkshopInput } from "@/lib/server/calendar/update-workshop";

/**
 * The admin's workshop, venue and lecturer editor, for calendar editors only (calendar.edit,
 * calendar.publish); each use case checks the permission again and does the rest (validation,
 * locks, audit). A change the public pages may show marks the public calendar stale; a new draft
 * or a copy (also a draft) changes only the admin's pages.
 */
const EDIT = { kind: "permission", permission: "calendar.edit" } as const;
const PUBLISH = { kind: "permission", permission: "calendar.publish" } as const;

function refreshAdmin(): void {
  revalidatePath("/", "layout");
}

function refreshPublic(): void {
  revalidatePublicCalendar();
  revalidatePath("/", "layout");
}

export const createWorkshopAction = defineAction({
  name: "calendarAdmin.createWorkshop",
  access: EDIT,
  input: createWorkshopInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await createWorkshop(user, input, now, { requestId });
    refreshAdmin();
    return result;
  },
});

export const updateWorkshopAction = defineAction({
  name: "calendarAdmin.updateWorkshop",
  access: EDIT,
  input: updateWorkshopInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await updateWorkshop(user, input, now, { requestId });
    refreshPublic();
    return result;
  },
});

export const duplicateWorkshopAction = defineAction({
  name: "calendarAdmin.duplicateWorkshop",
  access: EDIT,
  input: duplicateWorkshopInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await duplicateWorkshopAsNextYear(user, input, now, { requestId });
    refreshAdmin();
    return result;
  },
});

export const publishWorkshopAction = defineAction({
  name: "calendarAdmin.publishWorkshop",
  access: PUBLISH,
  input: publishWorkshopInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await publishWorkshop(user, input, now, { requestId });
    refreshPublic();
    return result;
  },
});

export const unpublishWorkshopAction = defineAction({
  name: "calendarAdmin.unpublishWorkshop",
  access: PUBLISH,
  input: unpublishWorkshopInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await unpublishWorkshop(user, input, now, { requestId });
    refreshPublic();
    return result;
  },
});

export const deleteWorkshopAction = defineAction({
  name: "calendarAdmin.deleteWorkshop",
  access: EDIT,
  input: deleteWorkshopInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await deleteWorkshop(user, input, now, { requestId });
    refreshPublic();
    return result;
  },
});

export const createVenueAction = defineAction({
  name: "calendarAdmin.createVenue",
  access: EDIT,
  input: createVenueInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await createVenue(user, input, now, { requestId });
    refreshAdmin();
    return result;
  },
});

export const updateVenueAction = defineAction({
  name: "calendarAdmin.updateVenue",
  access: EDIT,
  input: updateVenueInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await updateVenue(user, input, now, { requestId });
    refreshPublic();
    return result;
  },
});

export const deleteVenueAction = defineAction({
  name: "calendarAdmin.deleteVenue",
  access: EDIT,
  input: deleteVenueInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await deleteVenue(user, input, now, { requestId });
    refreshAdmin();
    return result;
  },
});

export const createLecturerAction = defineAction({
  name: "calendarAdmin.createLecturer",
  access: EDIT,
  input: createLecturerInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await createLecturer(user, input, now, { requestId });
    refreshAdmin();
    return result;
  },
});

export const updateLecturerAction = defineAction({
  name: "calendarAdmin.updateLecturer",
  access: EDIT,
  input: updateLecturerInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await updateLecturer(user, input, now, { requestId });
    refreshPublic();
    return result;
  },
});

export const deleteLecturerAction = defineAction({
  name: "calendarAdmin.deleteLecturer",
  access: EDIT,
  input: deleteLecturerInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await deleteLecturer(user, input, now, { requestId });
    refreshAdmin();
    return result;
  },
});
