"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { confirmAsManager, confirmAsManagerInput } from "@/lib/server/pre-training/confirm-as-manager";
import { preTrainingDraftInput, preTrainingSubmitInput } from "@/lib/server/pre-training/form-input";
import { savePreTrainingDraft } from "@/lib/server/pre-training/save-pre-training-draft";
import { submitPreTrainingForm } from "@/lib/server/pre-training/submit-pre-training-form";

/**
 * Thin server actions for the pre-training form (lib/server/pre-training). Saving and submitting
 * are for any signed-in person; the use case lets only the booking's participant through (anyone
 * else: NOT_FOUND). The manager's confirmation is public: the secret in the link is the authority.
 */

export const savePreTrainingDraftAction = defineAction({
  name: "preTraining.save",
  access: { kind: "user" },
  input: preTrainingDraftInput,
  run: async ({ input, user, now }) => {
    const result = await savePreTrainingDraft(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});

export const submitPreTrainingFormAction = defineAction({
  name: "preTraining.submit",
  access: { kind: "user" },
  input: preTrainingSubmitInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await submitPreTrainingForm(user, input, { now, requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

export const confirmAsManagerAction = defineAction({
  name: "preTraining.managerConfirm",
  access: { kind: "public" },
  input: confirmAsManagerInput,
  run: async ({ input, now, requestId }) => {
    const result = await confirmAsManager(input, { now, requestId });
    revalidatePath("/", "layout");
    return result;
  },
});
