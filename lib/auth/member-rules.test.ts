import { describe, expect, it } from "vitest";
import { canAssignRole, canRemoveMember, rolesAssignableBy } from "./member-rules";

describe("member rules", () => {
  it("owners may assign any role, including to and from OWNER", () => {
    expect(canAssignRole("OWNER", { current: "ANALYST", next: "OWNER" })).toBe(true);
    expect(canAssignRole("OWNER", { current: "OWNER", next: "ADMIN" })).toBe(true);
    expect(rolesAssignableBy("OWNER")).toEqual(["OWNER", "ADMIN", "DEVELOPER", "ANALYST"]);
  });

  it("admins manage non-owners but cannot create or touch owners", () => {
    expect(canAssignRole("ADMIN", { current: "ANALYST", next: "DEVELOPER" })).toBe(true);
    expect(canAssignRole("ADMIN", { current: "ANALYST", next: "OWNER" })).toBe(false);
    expect(canAssignRole("ADMIN", { current: "OWNER", next: "ANALYST" })).toBe(false);
    expect(canRemoveMember("ADMIN", "DEVELOPER")).toBe(true);
    expect(canRemoveMember("ADMIN", "OWNER")).toBe(false);
    expect(rolesAssignableBy("ADMIN")).toEqual(["ADMIN", "DEVELOPER", "ANALYST"]);
  });

  it("developers and analysts manage nobody", () => {
    for (const actor of ["DEVELOPER", "ANALYST"] as const) {
      expect(canAssignRole(actor, { current: "ANALYST", next: "ANALYST" })).toBe(false);
      expect(canRemoveMember(actor, "ANALYST")).toBe(false);
      expect(rolesAssignableBy(actor)).toEqual([]);
    }
  });
});
