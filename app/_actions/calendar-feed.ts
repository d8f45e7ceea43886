"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { createFeedToken, createFeedTokenInput } from "@/lib/server/calendar/create-feed-token";
import { revokeFeedToken, revokeFeedTokenInput } from "@/lib/server/calendar/revoke-feed-token";

/**
 * The signed-in person's private calendar link (iCal feed): make one (the old one stops working)
 * or stop sharing it. There is no id to pass: each person acts only on their own link.
 */

export const createCalendarFeedAction = defineAction({
  name: "calendar.createFeedToken",
  access: { kind: "user" },
  input: createFeedTokenInput,
  run: async ({ input, user, now }) => {
    const result = await createFeedToken(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});

export const revokeCalendarFeedAction = defineAction({
  name: "calendar.revokeFeedToken",
  access: { kind: "user" },
  input: revokeFeedTokenInput,
  run: async ({ input, user, now }) => {
    const result = await revokeFeedToken(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});
