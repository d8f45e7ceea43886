import { routing, type AppLocale, type AppPathname } from "./routing";

/** "" for Swedish (the default language has no prefix), "/en" for English. */
export function localePrefix(locale: AppLocale): string {
  return locale === routing.defaultLocale ? "" : `/${locale}`;
}

/** The localized path templates of an internal pathname, e.g. "/workshop/[slug]" → sv "/verkstad/[slug]". */
export function templatesOf(pathname: AppPathname): Record<AppLocale, string> {
  const config = routing.pathnames[pathname];
  return typeof config === "string" ? { sv: config, en: config } : config;
}

/**
 * The address of a page in a language, with its parameters filled in (URL-encoded). The same
 * as next-intl's getPathname, without pulling its client navigation into server code and tests.
 */
export function localizedPath(locale: AppLocale, pathname: AppPathname, params: Record<string, string> = {}): string {
  const path = templatesOf(pathname)[locale].replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing parameter "${name}" for ${pathname}`);
    return encodeURIComponent(value);
  });
  const prefix = localePrefix(locale);
  return prefix && path === "/" ? prefix : `${prefix}${path}`;
}

/** Addresses of public pages in a language; the words in the path follow the language. */
export const paths = {
  calendar: (locale: AppLocale) => localizedPath(locale, "/"),
  /** One month of the calendar; month "YYYY-MM" (lib/domain/calendar hasMonthPage). */
  calendarMonth: (locale: AppLocale, month: string) => localizedPath(locale, "/calendar/[month]", { month }),
  workshop: (locale: AppLocale, slug: string) => localizedPath(locale, "/workshop/[slug]", { slug }),
  lecture: (locale: AppLocale, workshopSlug: string, lectureSlug: string) =>
    localizedPath(locale, "/workshop/[slug]/lecture/[lectureSlug]", { slug: workshopSlug, lectureSlug }),
  accessibility: (locale: AppLocale) => localizedPath(locale, "/accessibility"),
  privacy: (locale: AppLocale) => localizedPath(locale, "/privacy"),
  book: (locale: AppLocale, slug: string) => localizedPath(locale, "/workshop/[slug]/book", { slug }),
  bookings: (locale: AppLocale) => localizedPath(locale, "/bookings"),
  staff: (locale: AppLocale) => localizedPath(locale, "/staff"),
  preTraining: (locale: AppLocale, bookingId: string) => localizedPath(locale, "/pre-training/[bookingId]", { bookingId }),
  managerConfirmation: (locale: AppLocale, token: string) => localizedPath(locale, "/manager-confirmation/[token]", { token }),
  coordinatorPreTraining: (locale: AppLocale) => localizedPath(locale, "/coordinator/pre-training"),
  signIn: (locale: AppLocale) => localizedPath(locale, "/sign-in"),
  account: (locale: AppLocale) => localizedPath(locale, "/account"),
  coordinator: (locale: AppLocale) => localizedPath(locale, "/coordinator"),
  supervisor: (locale: AppLocale) => localizedPath(locale, "/supervisor"),
  admin: (locale: AppLocale) => localizedPath(locale, "/admin"),
  adminUsers: (locale: AppLocale) => localizedPath(locale, "/admin/users"),
  adminAudit: (locale: AppLocale) => localizedPath(locale, "/admin/audit"),
  devMail: (locale: AppLocale) => localizedPath(locale, "/dev/mail"),
  pay: (locale: AppLocale, orderId: string) => localizedPath(locale, "/pay/[orderId]", { orderId }),
  payDone: (locale: AppLocale, orderId: string) => localizedPath(locale, "/pay/[orderId]/done", { orderId }),
  invoices: (locale: AppLocale) => localizedPath(locale, "/invoices"),
  adminBilling: (locale: AppLocale) => localizedPath(locale, "/admin/billing"),
  adminInvoicingRun: (locale: AppLocale) => localizedPath(locale, "/admin/billing/invoicing-run"),
  projectPm: (locale: AppLocale, bookingId: string) => localizedPath(locale, "/project-pm/[bookingId]", { bookingId }),
  myProject: (locale: AppLocale) => localizedPath(locale, "/my-project"),
  coordinatorPms: (locale: AppLocale) => localizedPath(locale, "/coordinator/pms"),
  coordinatorPm: (locale: AppLocale, pmId: string) => localizedPath(locale, "/coordinator/pms/[pmId]", { pmId }),
  coordinatorSupervision: (locale: AppLocale) => localizedPath(locale, "/coordinator/supervision"),
  supervision: (locale: AppLocale, supervisionId: string) => localizedPath(locale, "/supervisor/[supervisionId]", { supervisionId }),
  adminCalendar: (locale: AppLocale) => localizedPath(locale, "/admin/calendar"),
  adminWorkshopNew: (locale: AppLocale) => localizedPath(locale, "/admin/calendar/new"),
  adminWorkshop: (locale: AppLocale, workshopId: string) => localizedPath(locale, "/admin/calendar/[workshopId]", { workshopId }),
  adminWorkshopPreview: (locale: AppLocale, workshopId: string) =>
    localizedPath(locale, "/admin/calendar/[workshopId]/preview", { workshopId }),
  adminLectureNew: (locale: AppLocale, workshopId: string) => localizedPath(locale, "/admin/calendar/[workshopId]/new-lecture", { workshopId }),
  adminLecture: (locale: AppLocale, workshopId: string, lectureId: string) =>
    localizedPath(locale, "/admin/calendar/[workshopId]/lecture/[lectureId]", { workshopId, lectureId }),
  adminGatheringNew: (locale: AppLocale, workshopId: string) =>
    localizedPath(locale, "/admin/calendar/[workshopId]/new-gathering", { workshopId }),
  adminGathering: (locale: AppLocale, workshopId: string, gatheringId: string) =>
    localizedPath(locale, "/admin/calendar/[workshopId]/gathering/[gatheringId]", { workshopId, gatheringId }),
  adminVenues: (locale: AppLocale) => localizedPath(locale, "/admin/venues"),
  adminVenue: (locale: AppLocale, venueId: string) => localizedPath(locale, "/admin/venues/[venueId]", { venueId }),
  adminLecturers: (locale: AppLocale) => localizedPath(locale, "/admin/lecturers"),
  adminLecturer: (locale: AppLocale, lecturerId: string) => localizedPath(locale, "/admin/lecturers/[lecturerId]", { lecturerId }),
  /** sessionRef: "l-<lectureId>" or "g-<gatheringId>" (lib/domain/calendar sessionRefParam). */
  coordinatorAttendance: (locale: AppLocale) => localizedPath(locale, "/coordinator/attendance"),
  coordinatorAttendanceSession: (locale: AppLocale, sessionRef: string) =>
    localizedPath(locale, "/coordinator/attendance/[sessionRef]", { sessionRef }),
  coordinatorOrganisations: (locale: AppLocale) => localizedPath(locale, "/coordinator/organisations"),
  organisationOverview: (locale: AppLocale, organisationId: string) =>
    localizedPath(locale, "/organisations/[organisationId]", { organisationId }),
};

/** A path with a query string, e.g. the sign-in page with where to go afterwards. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const entries = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== "");
  return entries.length ? `${path}?${new URLSearchParams(entries).toString()}` : path;
}
