import { describe, expect, it } from "vitest";
import { merchantRoleCan, platformRoleCan } from "./permissions";

describe("revenue and statement permissions", () => {
  it("lets owners and admins change rules; analysts only read; developers see neither", () => {
    expect(merchantRoleCan("OWNER", "revenue:manage")).toBe(true);
    expect(merchantRoleCan("ADMIN", "revenue:manage")).toBe(true);
    expect(merchantRoleCan("ANALYST", "revenue:manage")).toBe(false);
    expect(merchantRoleCan("ANALYST", "revenue:read")).toBe(true);
    expect(merchantRoleCan("ANALYST", "statements:read")).toBe(true);
    expect(merchantRoleCan("DEVELOPER", "revenue:read")).toBe(false);
    expect(merchantRoleCan("DEVELOPER", "statements:read")).toBe(false);
  });
  it("lets platform admins close statements and change rules, not reviewers", () => {
    expect(platformRoleCan("ADMIN", "admin:revenue")).toBe(true);
    expect(platformRoleCan("REVIEWER", "admin:revenue")).toBe(false);
    expect(platformRoleCan("ADMIN", "admin:statements")).toBe(true);
    expect(platformRoleCan("REVIEWER", "admin:statements")).toBe(false);
    expect(platformRoleCan("NONE", "admin:statements")).toBe(false);
  });
});
