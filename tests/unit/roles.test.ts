import { areasFor, assertCan, can, isRoleName, PERMISSION_NAMES, PERMISSIONS, ROLES, rolesWith, type Permission, type RoleName } from "@/lib/domain/roles";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";

describe("areas per role", () => {
  it.each<[RoleName[], string[]]>([
    [["PARTICIPANT"], ["participant"]],
    [["ORDERER"], ["participant", "orderer"]],
    [["COORDINATOR"], ["participant", "coordinator", "supervisor"]],
    [["SUPERVISOR"], ["participant", "supervisor"]],
    [["ADMIN"], ["participant", "orderer", "coordinator", "supervisor", "admin"]],
    [["PARTICIPANT", "SUPERVISOR"], ["participant", "supervisor"]],
    [[], []],
  ])("%j sees %j", (roles, areas) => {
    expect(areasFor({ roles })).toEqual(areas);
  });

  it("knows the role names", () => {
    expect(isRoleName("ADMIN")).toBe(true);
    expect(isRoleName("admin")).toBe(false);
  });
});

describe("the permission table", () => {
  /**
   * What each role may do, read the other way round from the table. This is the reviewed policy:
   * granting a role one more permission fails here (and in the authorization matrix, which calls
   * every action and route as every role) until someone has decided it on purpose.
   */
  const byRole: Record<RoleName, Permission[]> = {
    PARTICIPANT: ["area.participant", "booking.book", "booking.change", "billing.pay", "pm.author"],
    ORDERER: ["area.participant", "area.orderer", "booking.book", "booking.bookForOthers", "booking.change", "organisation.readOwn", "billing.pay"],
    COORDINATOR: [
      "area.participant", "area.coordinator", "area.supervisor", "booking.change", "booking.manageAny", "organisation.readAny",
      "attendance.record", "pm.review", "supervision.close", "supervision.closeAny", "supervision.assign", "supervision.readAll",
    ],
    SUPERVISOR: ["area.participant", "area.supervisor", "supervision.conduct", "supervision.close"],
    ADMIN: PERMISSION_NAMES.filter((p) => !["booking.book", "booking.bookForOthers", "organisation.readOwn", "billing.pay", "pm.author", "supervision.conduct"].includes(p)),
  };

  it.each(ROLES)("%s may do exactly its reviewed list", (role) => {
    expect(PERMISSION_NAMES.filter((p) => can({ roles: [role] }, p))).toEqual(byRole[role]);
  });

  it("gives every permission to some role, and nothing to nobody", () => {
    for (const permission of PERMISSION_NAMES) expect(rolesWith(permission).length).toBeGreaterThan(0);
    for (const permission of PERMISSION_NAMES) expect(can({ roles: [] }, permission)).toBe(false);
  });

  it("any one role held is enough", () => {
    expect(can({ roles: ["PARTICIPANT"] }, "attendance.record")).toBe(false);
    expect(can({ roles: ["PARTICIPANT", "COORDINATOR"] }, "attendance.record")).toBe(true);
  });

  it("assertCan throws FORBIDDEN, and rolesWith is a copy the caller may change", () => {
    expect(() => assertCan({ roles: ["SUPERVISOR"] }, "billing.run")).toThrow(AppError);
    expect(() => assertCan({ roles: ["SUPERVISOR"] }, "billing.run")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCan({ roles: ["ADMIN"] }, "billing.run")).not.toThrow();
    rolesWith("billing.run").push("PARTICIPANT");
    expect(PERMISSIONS["billing.run"]).toEqual(["ADMIN"]);
  });
});
