import { describe, expect, it } from "vitest";
import { areasFor, hasAnyRole, isRoleName, type RoleName } from "@/lib/domain/roles";

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
    expect(areasFor(roles)).toEqual(areas);
  });

  it("checks role membership", () => {
    expect(hasAnyRole(["PARTICIPANT"], ["ADMIN", "COORDINATOR"])).toBe(false);
    expect(hasAnyRole(["PARTICIPANT", "COORDINATOR"], ["ADMIN", "COORDINATOR"])).toBe(true);
    expect(isRoleName("ADMIN")).toBe(true);
    expect(isRoleName("admin")).toBe(false);
  });
});
