import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decide } from "@/lib/policy/decide";
import { invalidatePolicy, policyRuntime, resetPolicyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { createPolicyWorld, type PolicyWorld } from "@/tests/support/visibility-fixtures";
import {
  addAgentRule,
  addPathRule,
  getPolicySnapshot,
  getPolicyVersion,
  listRevisions,
  removeRule,
  setIntegrationVisibility,
  updateSettings,
  VisibilityError,
} from "./visibility";

let world: PolicyWorld;
beforeEach(async () => {
  resetPolicyRuntime();
  world = await createPolicyWorld();
});

const screenRead = (w: PolicyWorld, path: string) => ({ agent: { id: w.agent.id, isTest: false }, action: "screen_read" as const, path });

describe("visibility data layer", () => {
  it("gives a merchant without a policy the defaults at version 0", async () => {
    const snapshot = await getPolicySnapshot({ merchantId: world.merchant.id });
    expect(snapshot).toMatchObject({ version: 0, screenReadingAllowed: true, dataSharing: "ORDER_STATUS", rules: [] });
    expect(snapshot?.integrations.map((i) => [i.name, i.live])).toEqual(
      expect.arrayContaining([["Public", true], ["Draft", false]]),
    );
    expect(await getPolicyVersion({ merchantId: world.merchant.id })).toMatchObject({ version: 0 });
    expect(await getPolicyVersion({ merchantId: "no-such-merchant" })).toBeNull();
  });

  it("versions every change with a revision and an audit event in the same transaction", async () => {
    const merchantId = world.merchant.id;
    const added = await addPathRule({ merchantId, actor: world.actor, effect: "DENY", pattern: "/checkout/**" });
    expect(added.version).toBe(1);
    const settings = await updateSettings({ merchantId, actor: world.actor, screenReadingAllowed: false, dataSharing: "NONE" });
    expect(settings.version).toBe(2);
    await removeRule({ merchantId, actor: world.actor, ruleId: added.ruleId });

    const revisions = await listRevisions({ merchantId });
    expect(revisions.map((r) => [r.version, r.change?.action, r.changedBy?.email])).toEqual([
      [3, "ruleRemoved", world.owner.email],
      [2, "settingsUpdated", world.owner.email],
      [1, "pathRuleAdded", world.owner.email],
    ]);
    const audit = await db.auditEvent.findMany({ where: { merchantId }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["visibility.pathRuleAdded", "visibility.settingsUpdated", "visibility.ruleRemoved"]);
    expect(audit[1]).toMatchObject({
      before: { screenReadingAllowed: true, dataSharing: "ORDER_STATUS" },
      after: { screenReadingAllowed: false, dataSharing: "NONE", version: 2 },
      actorLabel: world.owner.email,
    });
  });

  it("leaves nothing behind when a change is refused", async () => {
    const merchantId = world.merchant.id;
    await addPathRule({ merchantId, actor: world.actor, effect: "DENY", pattern: "/checkout/**" });
    await expect(addPathRule({ merchantId, actor: world.actor, effect: "ALLOW", pattern: "/checkout/**" })).rejects.toMatchObject({ code: "duplicateRule" });
    await expect(addAgentRule({ merchantId, actor: world.actor, kind: "AGENT_SCREEN_READ", effect: "DENY", agentId: "nobody" })).rejects.toBeInstanceOf(VisibilityError);
    expect(await getPolicyVersion({ merchantId })).toMatchObject({ version: 1 });
    expect(await db.visibilityPolicyRevision.count({ where: { merchantId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { merchantId } })).toBe(1);
  });

  it("scopes every write to the merchant: another merchant's rule or integration is not found", async () => {
    const other = await createPolicyWorld();
    const rule = await addPathRule({ merchantId: other.merchant.id, actor: other.actor, effect: "DENY", pattern: "/x" });
    await expect(removeRule({ merchantId: world.merchant.id, actor: world.actor, ruleId: rule.ruleId })).rejects.toMatchObject({ code: "ruleNotFound" });
    await expect(
      setIntegrationVisibility({ merchantId: world.merchant.id, actor: world.actor, integrationId: other.integrations.public.id, visibility: "PRIVATE", allowedAgentIds: [] }),
    ).rejects.toMatchObject({ code: "integrationNotFound" });
    expect(await db.visibilityRule.count({ where: { id: rule.ruleId } })).toBe(1);
  });

  it("gives concurrent changes distinct, consecutive versions", async () => {
    const merchantId = world.merchant.id;
    const results = await Promise.all(
      ["/a", "/b", "/c", "/d", "/e"].map((pattern) => addPathRule({ merchantId, actor: world.actor, effect: "DENY", pattern })),
    );
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5]);
    const revisions = await listRevisions({ merchantId });
    expect(revisions.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it("a change is visible to the very next decision once the writer invalidates", async () => {
    const merchantId = world.merchant.id;
    const { policies } = policyRuntime();
    const before = await policies.get(merchantId);
    expect(decide(before!, screenRead(world, "/checkout/pay")).allow).toBe(true);

    const rule = await addPathRule({ merchantId, actor: world.actor, effect: "DENY", pattern: "/checkout/**" });
    invalidatePolicy(merchantId);
    const after = await policies.get(merchantId);
    expect(decide(after!, screenRead(world, "/checkout/pay"))).toMatchObject({
      allow: false,
      reason: "path_denied",
      rule: { id: rule.ruleId, kind: "PATH", pattern: "/checkout/**" },
      policyVersion: 1,
    });
    expect(decide(after!, screenRead(world, "/menu")).allow).toBe(true);
  });

  it("another instance (no invalidate) follows through the version check", async () => {
    const merchantId = world.merchant.id;
    const { policies } = policyRuntime();
    await policies.get(merchantId);
    await updateSettings({ merchantId, actor: world.actor, screenReadingAllowed: false, dataSharing: "ORDER_STATUS" });
    // Within the check interval the cached version may still answer; after it, the new one does.
    await new Promise((r) => setTimeout(r, 1100));
    const policy = await policies.get(merchantId);
    expect(decide(policy!, screenRead(world, "/menu"))).toMatchObject({ allow: false, reason: "screen_reading_disabled", policyVersion: 1 });
  });

  it("notices an integration going live elsewhere without a policy version bump", async () => {
    const merchantId = world.merchant.id;
    const { policies } = policyRuntime();
    const ask = { agent: { id: world.agent.id, isTest: false }, action: "skill_call" as const, integrationId: world.integrations.draft.id };
    expect(decide((await policies.get(merchantId))!, ask).reason).toBe("integration_not_live");
    await db.integrationVersion.update({ where: { id: world.integrations.draft.versionId }, data: { status: "LIVE" } });
    await db.integration.update({ where: { id: world.integrations.draft.id }, data: { liveVersionId: world.integrations.draft.versionId } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(decide((await policies.get(merchantId))!, ask)).toMatchObject({ allow: true, reason: "integration_public", policyVersion: 0 });
  });

  it("sets integration visibility with an allowlist, cleared for other visibilities", async () => {
    const merchantId = world.merchant.id;
    const integrationId = world.integrations.public.id;
    await setIntegrationVisibility({ merchantId, actor: world.actor, integrationId, visibility: "ALLOWLIST", allowedAgentIds: [world.other.id, world.other.id] });
    let snapshot = await getPolicySnapshot({ merchantId });
    expect(snapshot?.integrations.find((i) => i.id === integrationId)).toMatchObject({ visibility: "ALLOWLIST", allowedAgentIds: [world.other.id] });
    await setIntegrationVisibility({ merchantId, actor: world.actor, integrationId, visibility: "PRIVATE", allowedAgentIds: [world.other.id] });
    snapshot = await getPolicySnapshot({ merchantId });
    expect(snapshot?.integrations.find((i) => i.id === integrationId)).toMatchObject({ visibility: "PRIVATE", allowedAgentIds: [] });
    await expect(
      setIntegrationVisibility({ merchantId, actor: world.actor, integrationId, visibility: "ALLOWLIST", allowedAgentIds: ["ghost"] }),
    ).rejects.toMatchObject({ code: "agentNotFound" });
  });
});
