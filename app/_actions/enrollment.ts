"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { revalidatePublicCalendar } from "@/lib/server/calendar/public-calendar-cache";

/** Thin server actions for booking: each validates, checks the role and calls one use case (lib/server/enrollment). */

export const bookSessionsAction = defineAction({
  name: "enrollment.bookSessions",
  access: { kind: "permission", permission: "booking.book" },
  input: bookSessionsInput,
  run: async ({ input, user, now }) => {
    const result = await bookSessions(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    return result;
  },
});
