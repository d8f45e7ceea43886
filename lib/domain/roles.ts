import { AppError } from "@/lib/errors";

/**
 * Who may do what: the one permission table. Every server entry point (defineAction, the file
 * routes, the use cases, the page guards) asks `can(user, permission)` or `assertCan`; none of them
 * names a role. The navigation reads the same table, and so does the authorization matrix test
 * (tests/integration/authorization-matrix.test.ts), which also calls every action and route as
 * every role to show the code keeps to it. A new rule is a new named permission here, not a role
 * list in a use case (docs/decisions/029-permission-table.md).
 *
 * A permission says what a role may do in general; ownership (is this my booking, my supervision,
 * my organisation?) is still checked by the use case after it has loaded the row.
 */
export const ROLES = ["PARTICIPANT", "ORDERER", "COORDINATOR", "SUPERVISOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

/** The role every new account starts with (sign-in creates participants; orderers invite them). */
export const DEFAULT_ROLE: RoleName = "PARTICIPANT";

/** The most important role first: a person's demo card and headline show it. */
export const ROLE_RANK: readonly RoleName[] = ["ADMIN", "COORDINATOR", "SUPERVISOR", "ORDERER", "PARTICIPANT"];

const EVERYONE = ROLES;
const COORDINATION = ["COORDINATOR", "ADMIN"] as const;
const BOOKERS = ["PARTICIPANT", "ORDERER"] as const;
const ADMINS = ["ADMIN"] as const;

export const PERMISSIONS = {
  // Areas of the site: who may open the pages under each (lib/auth/page-guards.ts).
  "area.participant": EVERYONE,
  "area.orderer": ["ORDERER", "ADMIN"],
  "area.coordinator": COORDINATION,
  "area.supervisor": ["SUPERVISOR", "COORDINATOR", "ADMIN"],
  "area.admin": ADMINS,

  // Accounts
  /** Give and take roles. */
  "account.manageRoles": ADMINS,

  // Booking
  /** Book lectures or the whole workshop, queue for a full session, accept or leave an offer. */
  "booking.book": BOOKERS,
  /** Book for someone else (an orderer for staff of their organisation) and invite them. */
  "booking.bookForOthers": ["ORDERER"],
  /** Cancel or hand over a booking: one's own or one made for someone (the use case checks which). */
  "booking.change": ["PARTICIPANT", "ORDERER", "COORDINATOR", "ADMIN"],
  /** Manage everyone's bookings, also after the cancellation day, and see everyone's. */
  "booking.manageAny": COORDINATION,

  // Organisations
  /** See the staff, bookings and attendance of any member organisation, and export them. */
  "organisation.readAny": COORDINATION,
  /** See and export one's own organisation's staff (the orderer's, by confirmed membership). */
  "organisation.readOwn": ["ORDERER"],

  // Billing
  /** Pay for one's own orders (card or invoice) and see one's invoices. */
  "billing.pay": BOOKERS,
  /** See every order, payment, invoice and credit note, open their files, export the lists. */
  "billing.readAll": ADMINS,
  /** Run the consolidated invoicing. */
  "billing.run": ADMINS,

  // Calendar
  /** Create, change, cancel and delete workshops, sessions, venues and lecturers. */
  "calendar.edit": ADMINS,
  /** Publish and unpublish workshops and sessions. */
  "calendar.publish": ADMINS,

  // Attendance
  /** Record who came, and read the attendance of any session. */
  "attendance.record": COORDINATION,

  // Project PM
  /** Write one's own project PM (shown in the menu; the actions check the own-project booking). */
  "pm.author": ["PARTICIPANT"],
  /** Review PMs: assign a reviewer, approve or send back, grant extensions, read attachments. May be a reviewer. */
  "pm.review": COORDINATION,

  // Supervision
  /** Supervise projects: may be assigned, logs meetings in one's own supervisions. */
  "supervision.conduct": ["SUPERVISOR"],
  /** Close a supervision: the supervisor their own, coordination anyone's (supervision.closeAny). */
  "supervision.close": ["SUPERVISOR", "COORDINATOR", "ADMIN"],
  "supervision.closeAny": COORDINATION,
  /** Assign supervisors to approved projects. */
  "supervision.assign": COORDINATION,
  /** Read every supervision and the overview. */
  "supervision.readAll": COORDINATION,
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Anyone holding roles: a signed-in person, or a row loaded with its roles. */
export type RoleHolder = { roles: readonly RoleName[] };

export function can(holder: RoleHolder, permission: Permission): boolean {
  const allowed: readonly RoleName[] = PERMISSIONS[permission];
  return holder.roles.some((role) => allowed.includes(role));
}

/** FORBIDDEN unless the holder may. For "is this yours?" use NOT_FOUND in the use case instead. */
export function assertCan(holder: RoleHolder, permission: Permission): void {
  if (!can(holder, permission)) throw new AppError("FORBIDDEN");
}

/** The roles that give a permission, e.g. to find everyone who may be assigned as supervisor. */
export function rolesWith(permission: Permission): RoleName[] {
  return [...PERMISSIONS[permission]];
}

export const AREAS = ["participant", "orderer", "coordinator", "supervisor", "admin"] as const;
export type Area = (typeof AREAS)[number];

export function areaPermission(area: Area): Permission {
  return `area.${area}`;
}

export function areasFor(holder: RoleHolder): Area[] {
  return AREAS.filter((area) => can(holder, areaPermission(area)));
}

export function isRoleName(value: string): value is RoleName {
  return (ROLES as readonly string[]).includes(value);
}
