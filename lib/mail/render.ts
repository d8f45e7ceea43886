/**
 * Renders queued e-mails (OutboxMessage.template + payload) to subject, text and HTML in the
 * recipient's language, and the calendar file (.ics) when the payload carries calendar data
 * (`payload.calendar`, see lib/calendar-files). Texts live in messages/emails.{sv,en}.json.
 * Pure: no database, no server-only imports (the delivery worker runs outside Next.js).
 */
import type { AbstractIntlMessages } from "next-intl";
import { buildCalendar, calendarFileName, venueLine } from "@/lib/calendar-files/build-calendar";
import { calendarOfPayload, orderSessions, sessionListOfPayload, type CalendarMethod, type CalendarSession } from "@/lib/calendar-files/calendar-data";
import { formatSek } from "@/lib/domain/money";
import { formatLocalDate, formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { looseTranslator, type LooseTranslator } from "@/lib/i18n/loose-translator";
import { paths } from "@/lib/i18n/paths";
import en from "@/messages/emails.en.json";
import sv from "@/messages/emails.sv.json";

export type EmailTemplates = {
  "magic-link": { url: string; expiresMinutes: number };
  "role-granted": { role: string; grantedBy: string; url?: string };
  "booking-received": { reference: string; workshop: string; sessions: string; people: string; totalInclVatOre: number; holdExpiresAt: string };
  "booked-by-colleague": { bookedBy: string; workshop: string; sessions: string; invited: "yes" | "no" };
  /**
   * A paid (or invoiced) order is confirmed. Queue it with `calendar` (lib/calendar-files:
   * bookingCalendarAttachment): the e-mail lists the sessions from it and attaches the .ics.
   * `sessions` is only the fallback text when there is no calendar data.
   */
  "booking-confirmed": { reference: string; workshop: string; people: string; totalInclVatOre: number; sessions?: string };
  /** A booking is cancelled. Queue it with a CANCEL calendar (bookingCalendarAttachment(…, { method: "CANCEL" })). */
  "booking-cancelled": { workshop: string; sessions?: string };
  "manager-confirmation-request": { url: string; managerName: string; participant: string; workshop: string };
  /** Unpaid bookings ran out of time. Queue it with a CANCEL calendar for the participant's own bookings. */
  "booking-expired": { reference: string; workshop: string; sessions?: string };
  "waitlist-joined": { entryId: string; workshop: string; session: string; participant: string; position: number };
  "waitlist-offer": { entryId: string; workshop: string; session: string; participant: string; offerExpiresAt: string };
  "waitlist-offer-expired": { entryId: string; workshop: string; session: string; participant: string };
  "waitlist-left": { entryId: string; workshop: string; session: string; participant: string };
  /** An invoice was issued for the reader's order (dueDate "YYYY-MM-DD"); the link goes to their invoices. */
  "invoice-issued": { number: string; workshop: string; buyer: string; totalInclVatOre: number; dueDate: string };
  /** A credit note was issued against an invoice of the reader's order (a cancelled booking). */
  "credit-note-issued": { number: string; invoiceNumber: string; workshop: string; totalInclVatOre: number };
  /**
   * A coordinator decided on the reader's project PM (ACCEPT, REQUEST_CHANGES with the comment, DECLINE
   * with the reason; an acceptance may carry a comment, "" for none). `url` goes to the reader's PM page.
   */
  "pm-decision": { decision: "ACCEPT" | "REQUEST_CHANGES" | "DECLINE"; project: string; workshop: string; comment: string; url: string };
  /**
   * A supervisor was assigned to an accepted project PM; one to the participant, one to the supervisor
   * (`audience`). Dates are "YYYY-MM-DD" (Stockholm); `url` goes to the reader's own page of it.
   */
  "supervisor-assigned": {
    audience: "participant" | "supervisor";
    participant: string;
    supervisor: string;
    supervisorEmail: string;
    project: string;
    workshop: string;
    startsOn: string;
    endsOn: string;
    plannedMeetings: number;
    url: string;
  };
  /** Project PM, participant side: the link goes to the PM page of `bookingId`; dates are "YYYY-MM-DD" (Stockholm). */
  "pm-reminder": { bookingId: string; workshop: string; deadline: string; days: number };
  "pm-submitted": { bookingId: string; workshop: string; title: string; revision: number };
  "pm-kept-without-project": { bookingId: string; workshop: string; deadline: string };
  "pm-seat-release-notice": { bookingId: string; workshop: string; deadline: string; releaseOn: string };
  /** Queue it with a CANCEL calendar (bookingCalendarAttachment(…, { method: "CANCEL" })). */
  "pm-seat-released": { bookingId: string; workshop: string; deadline: string };
  /**
   * A published session the reader holds (`audience` booked) or waits for (waitlist) moved in time
   * and/or to another venue. Instants are ISO, venues one line with the address. Queue it for booked
   * people with a REQUEST calendar of the session (same UID, the new SEQUENCE); for the waiting list
   * with `calendar: null` (see lib/server/calendar/announce-session-change.ts).
   */
  "session-changed": SessionChangeParams & { timeChanged: "yes" | "no"; venueChanged: "yes" | "no" };
  /** A published session is cancelled; `refund` yes when a single-lecture booking's money is given back. Booked people get a CANCEL calendar. */
  "session-cancelled": SessionChangeParams & { refund: "yes" | "no" };
};
type SessionChangeParams = {
  audience: "booked" | "waitlist";
  /** What the reader holds or waits for: a single lecture (also when they have the package too) or the whole workshop. */
  held: "lecture" | "package";
  workshop: string;
  session: string;
  sessionKind: "lecture" | "gathering";
  beforeStartsAt: string;
  beforeEndsAt: string;
  afterStartsAt: string;
  afterEndsAt: string;
  beforeVenue: string;
  afterVenue: string;
};
export type TemplateName = keyof EmailTemplates;
/** The .ics to send with the e-mail (nodemailer's icalEvent: an invitation part and an attachment). */
export type RenderedCalendar = { method: CalendarMethod; filename: string; content: string };
export type RenderedEmail = { subject: string; text: string; html: string; calendar: RenderedCalendar | null };

const TEMPLATE_NAMES: readonly TemplateName[] = [
  "magic-link",
  "role-granted",
  "booking-received",
  "booked-by-colleague",
  "manager-confirmation-request",
  "booking-confirmed",
  "booking-cancelled",
  "booking-expired",
  "waitlist-joined",
  "waitlist-offer",
  "waitlist-offer-expired",
  "waitlist-left",
  "invoice-issued",
  "credit-note-issued",
  "pm-decision",
  "supervisor-assigned",
  "pm-reminder",
  "pm-submitted",
  "pm-kept-without-project",
  "pm-seat-release-notice",
  "pm-seat-released",
  "session-changed",
  "session-cancelled",
];
/** Templates about a booking: their link goes to the reader's bookings page. */
const BOOKING_TEMPLATES: ReadonlySet<string> = new Set([
  "booking-received", "booked-by-colleague", "booking-confirmed", "booking-cancelled",
  "booking-expired", "waitlist-joined", "waitlist-offer", "waitlist-offer-expired", "waitlist-left",
  "session-changed", "session-cancelled",
]);

/** Templates about invoices: their link goes to the reader's invoices and receipts. */
const BILLING_TEMPLATES: ReadonlySet<string> = new Set(["invoice-issued", "credit-note-issued"]);

/** The participant's project PM templates: the link goes to the PM page, the dates are written out. */
const PARTICIPANT_PM_TEMPLATES: ReadonlySet<string> = new Set(["pm-reminder", "pm-submitted", "pm-kept-without-project", "pm-seat-release-notice", "pm-seat-released"]);

const MESSAGES: Record<"sv" | "en", AbstractIntlMessages> = { sv, en };

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** "tisdag 13 oktober 2026 kl. 9.00–12.00: Titel, Lokal, Gatan 1, 503 30 Borås", one per line. */
export function sessionLines(sessions: readonly CalendarSession[], locale: "sv" | "en", t: LooseTranslator = looseTranslator(locale, MESSAGES[locale])): string {
  return orderSessions(sessions)
    .map((s) => {
      const start = new Date(s.startsAt);
      const end = new Date(s.endsAt);
      return t("sessionLines.line", {
        date: formatStockholmDate(start, locale),
        start: formatStockholmTime(start, locale),
        end: formatStockholmTime(end, locale),
        title: s.title,
        venue: venueLine(s.venue),
      });
    })
    .join("\n");
}

/** `now` stamps the calendar file (DTSTAMP); nothing else depends on it. */
export function renderEmail(template: string, payload: unknown, locale: "sv" | "en", appUrl: string, now: Date = new Date()): RenderedEmail {
  if (!isTemplateName(template)) throw new Error(`Unknown e-mail template ${template}`);
  const t = looseTranslator(locale, MESSAGES[locale]);
  const params = (payload ?? {}) as Record<string, string | number>;
  const values: Record<string, string | number> = { ...params };
  delete values.calendar;
  delete values.sessionList;
  delete values.calendarBookingIds;
  const calendar = calendarOfPayload(payload);
  const listed = sessionListOfPayload(payload) ?? calendar?.sessions ?? [];
  if (listed.length > 0) values.sessions = sessionLines(listed, locale, t);
  else if (typeof params.sessions !== "string") values.sessions = "";
  if (template === "role-granted" && typeof params.role === "string" && t.has(`roles.${params.role}`)) {
    values.role = t(`roles.${params.role}`);
  }
  if (template === "booking-received" || template === "booking-confirmed" || BILLING_TEMPLATES.has(template)) {
    values.total = formatSek(Number(params.totalInclVatOre ?? 0), locale);
  }
  if (template === "invoice-issued" && typeof params.dueDate === "string") values.dueDate = formatLocalDate(params.dueDate, locale);
  if (template === "pm-decision") values.hasComment = typeof params.comment === "string" && params.comment !== "" ? "yes" : "no";
  if (template === "supervisor-assigned") {
    for (const key of ["startsOn", "endsOn"] as const) if (typeof params[key] === "string") values[key] = formatLocalDate(params[key], locale);
  }
  if (template === "booking-received") {
    const holdExpires = new Date(String(params.holdExpiresAt));
    values.holdExpires = `${formatStockholmDate(holdExpires, locale)} ${formatStockholmTime(holdExpires, locale)}`;
  }
  if (template === "waitlist-offer") {
    const offerExpires = new Date(String(params.offerExpiresAt));
    values.offerExpires = `${formatStockholmDate(offerExpires, locale)} ${formatStockholmTime(offerExpires, locale)}`;
  }
  if (template === "session-changed" || template === "session-cancelled") {
    // "tisdag 3 februari 2031 kl. 9.00–12.00", Stockholm time, before and after the change.
    const when = (start: unknown, end: unknown) =>
      t("sessionWhen", {
        date: formatStockholmDate(new Date(String(start)), locale),
        start: formatStockholmTime(new Date(String(start)), locale),
        end: formatStockholmTime(new Date(String(end)), locale),
      });
    values.before = when(params.beforeStartsAt, params.beforeEndsAt);
    values.after = when(params.afterStartsAt, params.afterEndsAt);
  }
  if (PARTICIPANT_PM_TEMPLATES.has(template)) {
    for (const key of ["deadline", "releaseOn"] as const) if (typeof params[key] === "string") values[key] = formatLocalDate(params[key], locale);
  }
  const home = BOOKING_TEMPLATES.has(template) || template === "pm-seat-released"
    ? paths.bookings(locale)
    : BILLING_TEMPLATES.has(template)
      ? paths.invoices(locale)
      : PARTICIPANT_PM_TEMPLATES.has(template) && typeof params.bookingId === "string"
        ? paths.projectPm(locale, params.bookingId)
        : null;
  const link = String(params.url ?? (home ? new URL(home, appUrl).toString() : appUrl));
  const subject = t(`${template}.subject`, values);
  const attached = calendar && calendar.sessions.length > 0 ? calendar : null;
  const paragraphs = [t(`${template}.greeting`, values), t(`${template}.body`, values)];
  if (attached) paragraphs.push(t(attached.method === "CANCEL" ? "sessionLines.calendarCancel" : "sessionLines.calendarAttached"));
  const after = [t(`${template}.ignore`, values), t("signature")];
  const text = [...paragraphs, `${t(`${template}.action`, values)}: ${link}`, ...after].join("\n\n");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
${paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`).join("\n")}
<p><a href="${escapeHtml(link)}" style="color:#0b4f8a">${escapeHtml(t(`${template}.action`, values))}</a></p>
${after.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`).join("\n")}
</body></html>`;
  const rendered = attached
    ? {
        method: attached.method,
        filename: calendarFileName(attached.sessions[0]?.workshopTitle ?? ""),
        content: buildCalendar(attached, { locale, appUrl, now }),
      }
    : null;
  return { subject, text, html, calendar: rendered };
}
