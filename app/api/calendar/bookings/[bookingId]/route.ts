import { requireUser } from "@/lib/auth/guards";
import { bookingCalendarAttachment, mayDownloadBookingCalendar } from "@/lib/calendar-files/booking-calendar";
import { buildCalendar, CALENDAR_CONTENT_TYPE, calendarFileName } from "@/lib/calendar-files/build-calendar";
import { db } from "@/lib/db";
import { holdsSeat, isHoldExpired } from "@/lib/domain/enrollment";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { idField, localeField } from "@/lib/validation/fields";

/**
 * GET /api/calendar/bookings/<bookingId>[?locale=en]: the .ics of one active booking (a lecture,
 * or every gathering and lecture of a package), to download and import (METHOD:PUBLISH, the same
 * UIDs as the e-mailed invitations). For the participant, whoever booked it, coordinators and
 * admins; anyone else, and a booking that holds no seat, gets 404.
 */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ bookingId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const id = idField.safeParse((await context.params).bookingId);
    if (!id.success) throw new AppError("NOT_FOUND");
    const booking = await db.booking.findUnique({
      where: { id: id.data },
      select: { participantId: true, bookedById: true, status: true, holdExpiresAt: true, workshop: { select: { title: true } } },
    });
    if (!booking || !mayDownloadBookingCalendar(user, booking)) throw new AppError("NOT_FOUND");
    if (!holdsSeat(booking.status) || isHoldExpired(booking.status, booking.holdExpiresAt, new Date())) throw new AppError("NOT_FOUND");
    const calendar = await bookingCalendarAttachment(db, [id.data], { method: "PUBLISH" });
    if (!calendar) throw new AppError("NOT_FOUND");

    const requested = localeField.safeParse(new URL(request.url).searchParams.get("locale"));
    const locale = requested.success ? requested.data : user.locale;
    const ics = buildCalendar(calendar, { locale, appUrl: getEnv().APP_URL, now: new Date() });
    return new Response(ics, {
      headers: {
        "Content-Type": CALENDAR_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${calendarFileName(booking.workshop.title)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : error.code === "NOT_FOUND" ? 404 : 403;
      return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
    }
    throw error;
  }
}
