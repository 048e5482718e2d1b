import { describe, expect, it } from "vitest";
import { activeNavHref, homePath, merchantNavItems, platformAreas, switchMerchantHref } from "./navigation";

const sections = (role: Parameters<typeof merchantNavItems>[0]) => merchantNavItems(role).map((item) => item.section);

describe("merchantNavItems", () => {
  it("gives an analyst the analytics pages and revenue share only", () => {
    expect(sections("ANALYST")).toEqual(["overview", "attribution", "orders", "screen-reading", "revenue"]);
  });

  it("gives a developer analytics, integrations, visibility and developers, but no revenue or settings", () => {
    expect(sections("DEVELOPER")).toEqual([
      "overview",
      "attribution",
      "orders",
      "screen-reading",
      "integrations",
      "visibility",
      "developers",
    ]);
  });

  it("gives owners and admins all nine sections in order", () => {
    const all = ["overview", "attribution", "orders", "screen-reading", "integrations", "visibility", "revenue", "developers", "settings"];
    expect(sections("OWNER")).toEqual(all);
    expect(sections("ADMIN")).toEqual(all);
  });

  it("names each item by a nav message key", () => {
    expect(merchantNavItems("OWNER").find((i) => i.section === "screen-reading")?.labelKey).toBe("screenReading");
  });
});

describe("switchMerchantHref", () => {
  it("keeps the section when the role at the other merchant allows it", () => {
    expect(switchMerchantHref("/m/coffee/attribution", "rides", "ANALYST")).toBe("/m/rides/attribution");
  });

  it("drops deeper paths that belong to the current merchant", () => {
    expect(switchMerchantHref("/m/coffee/integrations/abc123/versions", "rides", "OWNER")).toBe("/m/rides/integrations");
  });

  it("falls back to overview when the section is not allowed there", () => {
    expect(switchMerchantHref("/m/coffee/settings", "rides", "DEVELOPER")).toBe("/m/rides/overview");
    expect(switchMerchantHref("/m/coffee/developers", "rides", "ANALYST")).toBe("/m/rides/overview");
  });

  it("goes to overview from outside a merchant area", () => {
    expect(switchMerchantHref("/review", "rides", "OWNER")).toBe("/m/rides/overview");
  });
});

describe("activeNavHref", () => {
  const hrefs = ["/admin", "/admin/users", "/admin/audit"];

  it("picks the most specific matching link", () => {
    expect(activeNavHref("/admin", hrefs)).toBe("/admin");
    expect(activeNavHref("/admin/users", hrefs)).toBe("/admin/users");
    expect(activeNavHref("/admin/users/u1", hrefs)).toBe("/admin/users");
  });

  it("does not treat a shared prefix as a parent", () => {
    expect(activeNavHref("/administer", hrefs)).toBeUndefined();
    expect(activeNavHref("/m/a/orders-export", ["/m/a/orders"])).toBeUndefined();
  });
});

describe("homePath", () => {
  const membership = (slug: string) => ({ merchant: { slug } });

  it("sends a merchant member to their first merchant's overview, even with a platform role", () => {
    expect(homePath({ memberships: [membership("coffee"), membership("rides")], platformRole: "ADMIN" })).toBe("/m/coffee/overview");
  });

  it("sends platform staff without merchants to their area", () => {
    expect(homePath({ memberships: [], platformRole: "REVIEWER" })).toBe("/review");
    expect(homePath({ memberships: [], platformRole: "ADMIN" })).toBe("/admin");
  });

  it("returns null for a user who belongs nowhere", () => {
    expect(homePath({ memberships: [], platformRole: "NONE" })).toBeNull();
  });
});

describe("platformAreas", () => {
  it("lists the areas a platform role may open", () => {
    expect(platformAreas("NONE")).toEqual([]);
    expect(platformAreas("REVIEWER").map((a) => a.area)).toEqual(["review"]);
    expect(platformAreas("ADMIN").map((a) => a.area)).toEqual(["review", "admin"]);
  });
});
