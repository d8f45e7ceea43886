import { revalidateTag } from "next/cache";

/**
 * The cache tag on everything the public calendar pages read (the published sessions, their
 * venues, lecturers and seats taken). Cached reads tag themselves with it; every change the public
 * pages show calls revalidatePublicCalendar() so the next visitor sees it.
 */
export const PUBLIC_CALENDAR_TAG = "public-calendar";

/**
 * How old the cached public calendar may get without any change (sessions that have ended drop
 * off, "full" follows seats released by the worker, which runs outside Next.js). The page's own
 * `revalidate` must be this literal number too (Next reads it statically).
 */
export const PUBLIC_CALENDAR_MAX_AGE_SECONDS = 60;

/**
 * Marks the public calendar stale at once (expire 0: the next request renders fresh data, no
 * stale-while-revalidate), so a booking or a cancelled session shows on the next page load.
 *
 * Call it from server actions and route handlers after a change the public pages show (publish,
 * unpublish, edit, cancel, delete; a booking, cancellation or waiting-list change, since seats
 * taken are shown). Outside a Next.js request — unit and integration tests, the worker, scripts —
 * there is no cache to mark and it does nothing.
 */
export function revalidatePublicCalendar(): void {
  try {
    revalidateTag(PUBLIC_CALENDAR_TAG, { expire: 0 });
  } catch (error) {
    if (isOutsideRequest(error)) return;
    throw error;
  }
}

function isOutsideRequest(error: unknown): boolean {
  return error instanceof Error && /static generation store missing/i.test(error.message);
}
