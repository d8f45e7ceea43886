"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { acceptOffer, acceptOfferInput } from "@/lib/server/enrollment/accept-offer";
import { cancelBooking, cancelBookingInput } from "@/lib/server/enrollment/cancel-booking";
import { joinWaitlist, joinWaitlistInput } from "@/lib/server/enrollment/join-waitlist";
import { leaveWaitlist, leaveWaitlistInput } from "@/lib/server/enrollment/leave-waitlist";
import { substituteBooking, substituteBookingInput } from "@/lib/server/enrollment/substitute-booking";
import { revalidatePublicCalendar } from "@/lib/server/calendar/public-calendar-cache";

/**
 * Thin server actions for changes after booking: the waiting list, cancellation, substitution.
 * Each checks the role here; ownership ("my booking", "my queue place", "a booking I made") is
 * checked by the use case after loading the row, and anything not theirs is NOT_FOUND.
 */

export const joinWaitlistAction = defineAction({
  name: "enrollment.joinWaitlist",
  access: { kind: "permission", permission: "booking.book" },
  input: joinWaitlistInput,
  run: async ({ input, user, now }) => {
    const result = await joinWaitlist(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    return result;
  },
});

export const acceptOfferAction = defineAction({
  name: "enrollment.acceptOffer",
  access: { kind: "permission", permission: "booking.book" },
  input: acceptOfferInput,
  run: async ({ input, user, now }) => {
    const result = await acceptOffer(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    return result;
  },
});

/** Leaving the waiting list; for an entry holding an offer this declines the offer. */
export const leaveWaitlistAction = defineAction({
  name: "enrollment.leaveWaitlist",
  access: { kind: "permission", permission: "booking.book" },
  input: leaveWaitlistInput,
  run: async ({ input, user, now }) => {
    const result = await leaveWaitlist(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    return result;
  },
});

/** Participants and orderers until the cancellation day; coordinators and admins also after it. */
export const cancelBookingAction = defineAction({
  name: "enrollment.cancelBooking",
  access: { kind: "permission", permission: "booking.change" },
  input: cancelBookingInput,
  run: async ({ input, user, now }) => {
    const result = await cancelBooking(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    return result;
  },
});

export const substituteBookingAction = defineAction({
  name: "enrollment.substituteBooking",
  access: { kind: "permission", permission: "booking.change" },
  input: substituteBookingInput,
  run: async ({ input, user, now }) => {
    const result = await substituteBooking(user, input, now);
    revalidatePath("/", "layout");
    revalidatePublicCalendar();
    return result;
  },
});
