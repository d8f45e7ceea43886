"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { assignSupervisor, assignSupervisorInput } from "@/lib/server/supervision/assign-supervisor";
import { completeSupervision, completeSupervisionInput } from "@/lib/server/supervision/complete-supervision";
import { logMeeting, logMeetingInput } from "@/lib/server/supervision/log-meeting";

/**
 * Thin server actions for supervision (lib/server/supervision). Assigning is for coordinators and
 * admins; logging a meeting is for supervisors, and the use case lets only the supervisor assigned
 * to that project through (anyone else: NOT_FOUND). Completing: the assigned supervisor, or a
 * coordinator or admin.
 */

export const assignSupervisorAction = defineAction({
  name: "supervision.assign",
  access: { kind: "permission", permission: "supervision.assign" },
  input: assignSupervisorInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await assignSupervisor(user, input, now, { requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

export const logMeetingAction = defineAction({
  name: "supervision.logMeeting",
  access: { kind: "permission", permission: "supervision.conduct" },
  input: logMeetingInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await logMeeting(user, input, now, { requestId });
    revalidatePath("/", "layout");
    return result;
  },
});

export const completeSupervisionAction = defineAction({
  name: "supervision.complete",
  access: { kind: "permission", permission: "supervision.close" },
  input: completeSupervisionInput,
  run: async ({ input, user, now, requestId }) => {
    const result = await completeSupervision(user, input, now, { requestId });
    revalidatePath("/", "layout");
    return result;
  },
});
