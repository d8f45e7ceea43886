import { defineRouting } from "next-intl/routing";

/**
 * Swedish at "/", English under "/en". Paths are localized: a Swedish reader sees Swedish words
 * in the address bar (/verkstad/…), an English reader English ones (/en/workshop/…); the
 * folders under app/[locale] carry the English (internal) names.
 *
 * The locale comes from the address alone (no cookie, no Accept-Language redirect): a link to a
 * Swedish page always opens in Swedish, and public pages set no cookie.
 */
export const routing = defineRouting({
  locales: ["sv", "en"],
  defaultLocale: "sv",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
  pathnames: {
    "/": "/",
    "/calendar/[month]": { sv: "/kalendarium/[month]", en: "/calendar/[month]" },
    "/workshop/[slug]": { sv: "/verkstad/[slug]", en: "/workshop/[slug]" },
    "/workshop/[slug]/lecture/[lectureSlug]": {
      sv: "/verkstad/[slug]/forelasning/[lectureSlug]",
      en: "/workshop/[slug]/lecture/[lectureSlug]",
    },
    "/accessibility": { sv: "/tillganglighet", en: "/accessibility" },
    "/privacy": { sv: "/personuppgifter", en: "/privacy" },
    "/workshop/[slug]/book": { sv: "/verkstad/[slug]/boka", en: "/workshop/[slug]/book" },
    "/bookings": { sv: "/mina-bokningar", en: "/my-bookings" },
    "/staff": { sv: "/min-personal", en: "/my-staff" },
    "/pre-training/[bookingId]": { sv: "/infor-utbildningen/[bookingId]", en: "/before-the-training/[bookingId]" },
    "/manager-confirmation/[token]": { sv: "/chef-bekraftar/[token]", en: "/manager-confirms/[token]" },
    "/coordinator/pre-training": { sv: "/samordning/infor-utbildningen", en: "/coordination/pre-training" },
    "/sign-in": { sv: "/logga-in", en: "/sign-in" },
    "/account": { sv: "/mitt-konto", en: "/account" },
    "/coordinator": { sv: "/samordning", en: "/coordination" },
    "/supervisor": { sv: "/handledning", en: "/supervision" },
    "/admin": { sv: "/admin", en: "/admin" },
    "/admin/users": { sv: "/admin/personer", en: "/admin/people" },
    "/admin/audit": { sv: "/admin/handelselogg", en: "/admin/audit-log" },
    "/dev/mail": { sv: "/utveckling/e-post", en: "/dev/mail" },
    "/pay/[orderId]": { sv: "/betala/[orderId]", en: "/pay/[orderId]" },
    "/pay/[orderId]/done": { sv: "/betala/[orderId]/klar", en: "/pay/[orderId]/done" },
    "/invoices": { sv: "/fakturor-och-kvitton", en: "/invoices-and-receipts" },
    "/admin/billing": { sv: "/admin/ekonomi", en: "/admin/billing" },
    "/admin/billing/invoicing-run": { sv: "/admin/ekonomi/samlingsfakturering", en: "/admin/billing/invoicing-run" },
    "/project-pm/[bookingId]": { sv: "/projekt-pm/[bookingId]", en: "/project-pm/[bookingId]" },
    "/my-project": { sv: "/mitt-forbattringsarbete", en: "/my-improvement-project" },
    "/coordinator/pms": { sv: "/samordning/projekt-pm", en: "/coordination/project-pms" },
    "/coordinator/pms/[pmId]": { sv: "/samordning/projekt-pm/[pmId]", en: "/coordination/project-pms/[pmId]" },
    "/coordinator/supervision": { sv: "/samordning/handledning", en: "/coordination/supervision" },
    "/supervisor/[supervisionId]": { sv: "/handledning/[supervisionId]", en: "/supervision/[supervisionId]" },
    "/admin/calendar": { sv: "/admin/kalender", en: "/admin/calendar" },
    "/admin/calendar/new": { sv: "/admin/kalender/ny-verkstad", en: "/admin/calendar/new-workshop" },
    "/admin/calendar/[workshopId]": { sv: "/admin/kalender/[workshopId]", en: "/admin/calendar/[workshopId]" },
    "/admin/calendar/[workshopId]/preview": {
      sv: "/admin/kalender/[workshopId]/forhandsvisning",
      en: "/admin/calendar/[workshopId]/preview",
    },
    "/admin/calendar/[workshopId]/new-lecture": {
      sv: "/admin/kalender/[workshopId]/ny-forelasning",
      en: "/admin/calendar/[workshopId]/new-lecture",
    },
    "/admin/calendar/[workshopId]/lecture/[lectureId]": {
      sv: "/admin/kalender/[workshopId]/forelasning/[lectureId]",
      en: "/admin/calendar/[workshopId]/lecture/[lectureId]",
    },
    "/admin/calendar/[workshopId]/new-gathering": {
      sv: "/admin/kalender/[workshopId]/ny-samling",
      en: "/admin/calendar/[workshopId]/new-gathering",
    },
    "/admin/calendar/[workshopId]/gathering/[gatheringId]": {
      sv: "/admin/kalender/[workshopId]/samling/[gatheringId]",
      en: "/admin/calendar/[workshopId]/gathering/[gatheringId]",
    },
    "/admin/venues": { sv: "/admin/lokaler", en: "/admin/venues" },
    "/admin/venues/[venueId]": { sv: "/admin/lokaler/[venueId]", en: "/admin/venues/[venueId]" },
    "/admin/lecturers": { sv: "/admin/forelasare", en: "/admin/lecturers" },
    "/admin/lecturers/[lecturerId]": { sv: "/admin/forelasare/[lecturerId]", en: "/admin/lecturers/[lecturerId]" },
    "/coordinator/attendance": { sv: "/samordning/narvaro", en: "/coordination/attendance" },
    "/coordinator/attendance/[sessionRef]": { sv: "/samordning/narvaro/[sessionRef]", en: "/coordination/attendance/[sessionRef]" },
    "/coordinator/organisations": { sv: "/samordning/organisationer", en: "/coordination/organisations" },
    "/organisations/[organisationId]": { sv: "/organisationer/[organisationId]", en: "/organisations/[organisationId]" },
  },
});

export type AppLocale = (typeof routing.locales)[number];
export type AppPathname = keyof typeof routing.pathnames;

/**
 * The language the calendar's own content (titles, descriptions) is written in. On pages in
 * another language such text is marked with this lang, so screen readers pronounce it right
 * (WCAG 3.1.2 Language of Parts).
 */
export const CONTENT_LOCALE: AppLocale = "sv";

export function contentLang(pageLocale: AppLocale): AppLocale | undefined {
  return pageLocale === CONTENT_LOCALE ? undefined : CONTENT_LOCALE;
}
