import { describe, expect, it } from "vitest";
import { hashApiKeySecret } from "../api-keys/secret";
import { demoApiKeys, demoMerchants, demoUsers } from "./catalogue";
import { canonicalJson } from "../canonical-json";
import { demoWindow } from "./window";
import { buildDemoWorld } from "./world";

const window = demoWindow(new Date("2026-11-28T00:00:00Z"));
const world = buildDemoWorld({ seed: 42, window, passwordHash: "hash" });

describe("buildDemoWorld", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = buildDemoWorld({ seed: 42, window, passwordHash: "hash" });
    expect(canonicalJson(again.tables)).toBe(canonicalJson(world.tables));
    const other = buildDemoWorld({ seed: 7, window, passwordHash: "hash" });
    expect(other.tables.Merchant[0]!.id).not.toBe(world.tables.Merchant[0]!.id);
    expect(other.tables.Merchant.map((m) => m.slug)).toEqual(world.tables.Merchant.map((m) => m.slug));
  });

  it("has the fixed merchants, users and memberships", () => {
    expect(world.tables.Merchant.map((m) => [m.slug, m.name, m.category])).toEqual([
      ["lumen-coffee", "Lumen Coffee 流明咖啡", "FOOD"],
      ["swiftride", "SwiftRide 迅行出行", "MOBILITY"],
      ["railgo", "RailGo 铁行票务", "TRAVEL"],
      ["daymart", "DayMart 日日便利", "RETAIL"],
    ]);
    expect(world.tables.User.map((u) => u.email)).toEqual(demoUsers.map((u) => u.email));
    const roles = new Set(world.tables.Membership.map((m) => m.role));
    expect([...roles].sort()).toEqual(["ADMIN", "ANALYST", "DEVELOPER", "OWNER"]);
    const owner = world.userIds["owner@lumen.demo"];
    const ownerMemberships = world.tables.Membership.filter((m) => m.userId === owner).map((m) => m.role);
    expect(ownerMemberships.sort()).toEqual(["ADMIN", "OWNER"]);
    expect(world.tables.User.find((u) => u.email === "reviewer@skillgate.demo")!.platformRole).toBe("REVIEWER");
  });

  it("has integrations in every version status, both kinds, and live ones linked", () => {
    const statuses = new Set(world.tables.IntegrationVersion.map((v) => v.status));
    for (const s of ["DRAFT", "SUBMITTED", "IN_REVIEW", "APPROVED", "CHANGES_REQUESTED", "REJECTED", "LIVE", "SUPERSEDED", "SUSPENDED", "WITHDRAWN"]) {
      expect(statuses, s).toContain(s);
    }
    expect(new Set(world.tables.Integration.map((i) => i.kind))).toEqual(new Set(["MCP_SERVER", "SKILL"]));
    for (const link of world.liveVersionLinks) {
      const version = world.tables.IntegrationVersion.find((v) => v.id === link.liveVersionId)!;
      expect(version.status).toBe("LIVE");
      expect(version.integrationId).toBe(link.integrationId);
      expect((version.liveAt as Date).getTime()).toBeLessThan(window.start.getTime());
    }
    for (const m of demoMerchants) expect(world.orderTargets[m.slug].length, m.slug).toBeGreaterThan(0);
    // Every submitted version has a finished check run with results; decided ones a review.
    const submitted = world.tables.IntegrationVersion.filter((v) => v.submittedAt !== null);
    expect(world.tables.CheckRun.map((r) => r.versionId).sort()).toEqual(submitted.map((v) => v.id).sort());
    expect(world.tables.CheckResult.some((r) => r.ruleId === "SG-MCP-003")).toBe(true);
    const reasons = world.tables.Review.flatMap((r) => r.reasonCodes as string[]);
    expect(reasons).toEqual(expect.arrayContaining(["DESCRIPTION_UNCLEAR", "RISK_UNDECLARED"]));
  });

  it("schedules revenue rules: AI channels from the window start, a change on day 45, no ORGANIC rule", () => {
    const lumen = world.rulesByMerchant["lumen-coffee"];
    expect(lumen.some((r) => r.channel === "AI_SKILL" && r.agentId === null && r.effectiveFrom.getTime() === window.start.getTime())).toBe(true);
    const day45 = window.start.getTime() + 45 * 86_400_000;
    expect(lumen.find((r) => r.effectiveFrom.getTime() === day45)?.rateBps).toBe(350);
    expect(lumen.filter((r) => r.agentId !== null)).toHaveLength(1);
    expect(Object.values(world.rulesByMerchant).flat().some((r) => r.channel === "ORGANIC")).toBe(false);
  });

  it("stores the demo keys as hashes with their prefix and demo scope", () => {
    for (const key of demoApiKeys) {
      const row = world.tables.ApiKey.find((k) => k.name === key.name)!;
      expect(row.hash).toBe(hashApiKeySecret(key.secret));
      expect(row.prefix).toBe(key.secret.slice(0, 12));
      expect(row.scopes).toContain("demo");
      expect(key.name.startsWith("Demo ")).toBe(true);
    }
    expect(world.tables.ApiKey.find((k) => k.kind === "AGENT")!.agentId).toBe(world.agentIds.aurora);
  });

  it("denies /checkout/** for one merchant and allows /menu/** for lumen", () => {
    const patterns = world.tables.VisibilityRule.map((r) => `${r.effect} ${r.pattern}`);
    expect(patterns).toEqual(expect.arrayContaining(["DENY /checkout/**", "ALLOW /menu/**"]));
  });
});
