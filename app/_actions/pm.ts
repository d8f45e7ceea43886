"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { pmAttachmentInput, pmDraftInput, pmRemoveAttachmentInput, pmSubmitInput } from "@/lib/server/pm/form-input";
import { grantExtension, grantExtensionInput } from "@/lib/server/pm/grant-extension";
import { removePmAttachment } from "@/lib/server/pm/remove-pm-attachment";
import { savePmDraft } from "@/lib/server/pm/save-pm-draft";
import { submitPm } from "@/lib/server/pm/submit-pm";
import { uploadPmAttachment } from "@/lib/server/pm/upload-pm-attachment";

/**
 * Thin server actions for the participant's project PM (lib/server/pm) and the coordinator's
 * deadline extension. The participant's actions are for any signed-in person: the use case lets
 * only the booking's participant through (anyone else: NOT_FOUND). Extensions: coordinators and admins.
 */

export const savePmDraftAction = defineAction({
  name: "pm.saveDraft",
  access: { kind: "user" },
  input: pmDraftInput,
  run: async ({ input, user, now }) => {
    const result = await savePmDraft(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});

export const submitPmAction = defineAction({
  name: "pm.submit",
  access: { kind: "user" },
  input: pmSubmitInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await submitPm(user, input, { now, requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

/** Multipart form data with `bookingId` and `file` (PDF or DOCX, at most 10 MB, checked by content). */
export const uploadPmAttachmentAction = defineAction({
  name: "pm.uploadAttachment",
  access: { kind: "user" },
  input: pmAttachmentInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await uploadPmAttachment(user, input, { now, requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

export const removePmAttachmentAction = defineAction({
  name: "pm.removeAttachment",
  access: { kind: "user" },
  input: pmRemoveAttachmentInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await removePmAttachment(user, input, { now, requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

export const grantExtensionAction = defineAction({
  name: "pm.grantExtension",
  access: { kind: "permission", permission: "pm.review" },
  input: grantExtensionInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await grantExtension(user, input, { now, requestId });
    revalidatePath("/", "layout");
    return result;
  },
});
