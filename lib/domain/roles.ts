/**
 * Who may use which area. The server checks roles in every action and route (lib/auth/guards.ts);
 * this table only decides what the navigation shows and which area a role lands in.
 */
export const ROLES = ["PARTICIPANT", "ORDERER", "COORDINATOR", "SUPERVISOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const AREAS = ["participant", "orderer", "coordinator", "supervisor", "admin"] as const;
export type Area = (typeof AREAS)[number];

/** Roles that may enter each area. Admins may enter every area; coordinators also see supervision. */
export const AREA_ROLES: Record<Area, readonly RoleName[]> = {
  participant: ["PARTICIPANT", "ORDERER", "COORDINATOR", "SUPERVISOR", "ADMIN"],
  orderer: ["ORDERER", "ADMIN"],
  coordinator: ["COORDINATOR", "ADMIN"],
  supervisor: ["SUPERVISOR", "COORDINATOR", "ADMIN"],
  admin: ["ADMIN"],
};

export function hasAnyRole(held: readonly RoleName[], allowed: readonly RoleName[]): boolean {
  return held.some((role) => allowed.includes(role));
}

export function areasFor(held: readonly RoleName[]): Area[] {
  return AREAS.filter((area) => hasAnyRole(held, AREA_ROLES[area]));
}

export function isRoleName(value: string): value is RoleName {
  return (ROLES as readonly string[]).includes(value);
}
