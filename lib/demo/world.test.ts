import { describe, expect, it } from "vitest";
import { hashApiKeySecret } from "../api-keys/secret";
import { demoApiKeys, demoMerchants, demoUsers } from "./catalogue";
import { canonicalJson } from "../canonical-json";
import { toolListHash, type HashableTool } from "../checks/hash";
import { getReasonCode } from "../review/reason-codes";
import { JsonValue } from "./rows";
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
    // APPROVED is transient (approval goes LIVE in the same transaction), so no version rests there.
    for (const s of ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "REJECTED", "LIVE", "SUPERSEDED", "SUSPENDED", "WITHDRAWN"]) {
      expect(statuses, s).toContain(s);
    }
    expect(statuses).not.toContain("APPROVED");
    expect(new Set(world.tables.Integration.map((i) => i.kind))).toEqual(new Set(["MCP_SERVER", "SKILL"]));
    for (const link of world.liveVersionLinks) {
      const version = world.tables.IntegrationVersion.find((v) => v.id === link.liveVersionId)!;
      // A suspended version stays linked (not offered to agents) until reinstated or replaced.
      expect(["LIVE", "SUSPENDED"]).toContain(version.status);
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

  it("binds MCP versions to the tool-list hash validation computes (drift compares against it)", () => {
    const captured = world.tables.IntegrationVersion.filter((v) => v.toolList instanceof JsonValue);
    expect(captured.length).toBeGreaterThan(0);
    for (const v of captured) {
      const tools = (v.toolList as JsonValue).value as HashableTool[];
      expect(v.toolListHash, String(v.id)).toBe(toolListHash(tools));
    }
  });

  it("is consistent with the review state machine", () => {
    const versions = world.tables.IntegrationVersion;
    const reviews = world.tables.Review;
    for (const v of versions) {
      const label = `${v.id} ${v.status}`;
      if (v.status !== "DRAFT") expect(v.submittedAt, label).not.toBeNull();
      if (v.status === "SUBMITTED" || v.status === "WITHDRAWN") expect(v.claimedById, label).toBeNull();
      if (v.status === "IN_REVIEW") expect(v.claimedById, label).not.toBeNull();
      const decided = ["CHANGES_REQUESTED", "REJECTED", "LIVE", "SUPERSEDED", "SUSPENDED"].includes(v.status as string);
      expect(reviews.filter((r) => r.versionId === v.id), label).toHaveLength(decided ? 1 : 0);
      if (decided) expect(v.decidedAt, label).not.toBeNull();
    }
    // Every negative decision names at least one reason from the catalogue.
    for (const r of reviews.filter((r) => r.decision !== "APPROVED")) {
      expect((r.reasonCodes as string[]).length).toBeGreaterThan(0);
      for (const code of r.reasonCodes as string[]) expect(getReasonCode(code), code).toBeDefined();
    }
    // At most one LIVE-or-SUSPENDED version per integration, and the median has decisions to show.
    const linked = new Set(world.liveVersionLinks.map((l) => l.integrationId));
    expect(linked.size).toBe(world.liveVersionLinks.length);
    const recent = versions.filter((v) => v.decidedAt && (v.decidedAt as Date).getTime() > window.end.getTime() - 30 * 86_400_000);
    expect(recent.length).toBeGreaterThanOrEqual(2);
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
