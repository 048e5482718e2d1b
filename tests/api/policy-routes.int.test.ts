import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as agentPolicy } from "@/app/api/v1/merchants/[slug]/agent-policy.json/route";
import { GET as decision } from "@/app/api/v1/policy/decision/route";
import { GET as registry } from "@/app/api/v1/registry/route";
import { GET as health } from "@/app/api/v1/health/route";
import { clearApiKeyCache } from "@/lib/api/authenticate-key";
import { db } from "@/lib/db";
import { addAgentRule, addPathRule, updateSettings } from "@/lib/data/visibility";
import { invalidatePolicy, resetPolicyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { createPolicyWorld, type PolicyWorld } from "@/tests/support/visibility-fixtures";

let world: PolicyWorld;
beforeAll(() => clearApiKeyCache());
beforeEach(async () => {
  resetPolicyRuntime();
  world = await createPolicyWorld();
});

function get(path: string, key?: string | null, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
}

async function ask(params: Record<string, string>, key: string | null = world.agentKey) {
  const query = new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, ...params });
  const response = await decision(get(`/api/v1/policy/decision?${query}`, key));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("GET /api/v1/policy/decision", () => {
  it("answers allow/deny with the deciding rule, the version and a private cache TTL", async () => {
    const rule = await addPathRule({ merchantId: world.merchant.id, actor: world.actor, effect: "ALLOW", pattern: "/menu/**" });
    const allowed = await ask({ action: "screen_read", path: "/menu/latte" });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toMatchObject({
      allow: true,
      decision: "allow",
      reason: "path_allowed",
      rule: { id: rule.ruleId, kind: "PATH", pattern: "/menu/**" },
      policyVersion: 1,
      ttlSeconds: 30,
      path: "/menu/latte",
      merchant: world.merchant.slug,
      agent: world.agent.slug,
    });
    expect(allowed.headers.get("cache-control")).toBe("private, max-age=30");

    const denied = await ask({ action: "skill_call", integration: world.integrations.private.id });
    expect(denied.body).toMatchObject({ allow: false, decision: "deny", reason: "integration_private", rule: null, ttlSeconds: 60 });
    expect(denied.headers.get("cache-control")).toBe("private, max-age=60");
  });

  it("sees a policy change on the next request once the change invalidates the cache", async () => {
    expect((await ask({ action: "screen_read", path: "/checkout/pay" })).body.allow).toBe(true);
    await addPathRule({ merchantId: world.merchant.id, actor: world.actor, effect: "DENY", pattern: "/checkout/**" });
    invalidatePolicy(world.merchant.id);
    expect((await ask({ action: "screen_read", path: "/checkout/pay" })).body).toMatchObject({ allow: false, reason: "path_denied", policyVersion: 1 });
    expect((await ask({ action: "screen_read", path: "/menu" })).body).toMatchObject({ allow: true, reason: "default_allow" });

    await addAgentRule({ merchantId: world.merchant.id, actor: world.actor, kind: "AGENT_SKILL_CALL", effect: "DENY", agentId: world.agent.id });
    invalidatePolicy(world.merchant.id);
    expect((await ask({ action: "skill_call", integration: world.integrations.public.id })).body).toMatchObject({
      allow: false,
      reason: "agent_denied",
      rule: { kind: "AGENT_SKILL_CALL", pattern: null },
      policyVersion: 2,
    });
  });

  it("answers 401 without a usable key and 403 for a non-agent key", async () => {
    expect((await ask({ action: "screen_read", path: "/" }, null)).status).toBe(401);
    expect((await ask({ action: "screen_read", path: "/" }, "sg_agent_nope")).body.error.code).toBe("invalid_api_key");
    const { generateApiKeySecret, apiKeyPrefix, hashApiKeySecret } = await import("@/lib/api-keys/secret");
    const ingest = generateApiKeySecret("PLATFORM_INGEST");
    await db.apiKey.create({ data: { kind: "PLATFORM_INGEST", name: "t", prefix: apiKeyPrefix(ingest), hash: hashApiKeySecret(ingest), scopes: [] } });
    const wrong = await ask({ action: "screen_read", path: "/" }, ingest);
    expect([wrong.status, wrong.body.error.code]).toEqual([403, "wrong_key_kind"]);
  });

  it("answers 400 with a specific message for bad parameters", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ action: "fly" }, "action must be screen_read or skill_call."],
      [{ action: "screen_read" }, "path is required when action is screen_read (e.g. path=/checkout)."],
      [{ action: "screen_read", path: "checkout" }, 'The path must start with "/" (a page path, not a URL).'],
      [{ action: "screen_read", path: "/a%zz" }, "invalid percent-encoding"],
      [{ action: "skill_call" }, "integration is required when action is skill_call."],
      [{ action: "screen_read", path: "/", merchant: "" }, "merchant is required"],
      [{ action: "screen_read", path: "/", agent: "not a slug" }, "agent must be a slug"],
    ];
    for (const [params, message] of cases) {
      const { status, body } = await ask(params);
      expect(status, JSON.stringify(params)).toBe(400);
      expect(body.error.code).toBe("invalid_query");
      expect(body.error.message).toContain(message);
    }
  });

  it("answers 404 for an unknown merchant or agent, 403 when a key asks about another agent", async () => {
    const noMerchant = await ask({ merchant: "no-such-shop", action: "screen_read", path: "/" });
    expect([noMerchant.status, noMerchant.body.error.code]).toEqual([404, "unknown_merchant"]);
    const noAgent = await ask({ agent: "no-such-agent", action: "screen_read", path: "/" });
    expect([noAgent.status, noAgent.body.error.code]).toEqual([404, "unknown_agent"]);
    const otherAgent = await ask({ agent: world.other.slug, action: "screen_read", path: "/" });
    expect([otherAgent.status, otherAgent.body.error.code]).toEqual([403, "agent_mismatch"]);
  });

  it("answers a skill call about an unknown integration as a deny, not an error", async () => {
    expect((await ask({ action: "skill_call", integration: "nope" })).body).toMatchObject({ allow: false, reason: "unknown_integration" });
  });
});

describe("GET /api/v1/merchants/{slug}/agent-policy.json", () => {
  const fetchPolicy = (slug: string, key: string | null, headers: Record<string, string> = {}) =>
    agentPolicy(get(`/api/v1/merchants/${slug}/agent-policy.json`, key, headers), { params: Promise.resolve({ slug }) });

  it("serves the policy with a strong ETag, 304 on If-None-Match, a new ETag after a change", async () => {
    const first = await fetchPolicy(world.merchant.slug, world.agentKey);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const body = await first.json();
    expect(body).toMatchObject({ merchant: world.merchant.slug, policyVersion: 0, screenReading: { allowed: true } });
    expect(body.skillCalls.integrations.map((i: { name: string }) => i.name).sort()).toEqual(["Allowlist", "Public"]);

    const again = await fetchPolicy(world.merchant.slug, world.agentKey, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    await updateSettings({ merchantId: world.merchant.id, actor: world.actor, screenReadingAllowed: false, dataSharing: "NONE" });
    invalidatePolicy(world.merchant.id);
    const changed = await fetchPolicy(world.merchant.slug, world.agentKey, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.json()).toMatchObject({ policyVersion: 1, dataSharing: "NONE", screenReading: { allowed: false } });
  });

  it("shows PRIVATE integrations to test agents, with their own ETag", async () => {
    const plain = await fetchPolicy(world.merchant.slug, world.agentKey);
    const test = await fetchPolicy(world.merchant.slug, world.testerKey);
    expect((await test.json()).skillCalls.integrations.map((i: { name: string }) => i.name)).toContain("Private");
    expect(test.headers.get("etag")).not.toBe(plain.headers.get("etag"));
  });

  it("answers 401, 400 and 404 for a missing key, a bad slug and an unknown merchant", async () => {
    expect((await fetchPolicy(world.merchant.slug, null)).status).toBe(401);
    expect((await fetchPolicy("bad slug!", world.agentKey)).status).toBe(400);
    const missing = await fetchPolicy("no-such-shop", world.agentKey);
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, "unknown_merchant"]);
  });
});

describe("GET /api/v1/registry", () => {
  const names = async (key: string) => {
    const response = await registry(get("/api/v1/registry", key));
    expect(response.status).toBe(200);
    const body = await response.json();
    return body.integrations
      .filter((i: { merchant: string }) => i.merchant === world.merchant.slug)
      .map((i: { name: string }) => i.name)
      .sort();
  };

  it("lists the live integrations the calling agent may use, with export links", async () => {
    expect(await names(world.agentKey)).toEqual(["Allowlist", "Public"]);
    expect(await names(world.testerKey)).toEqual(["Private", "Public"]);
    expect(await names(await world.keyFor(world.other.id))).toEqual(["Public"]);

    const response = await registry(get("/api/v1/registry", world.agentKey));
    const entry = (await response.json()).integrations.find((i: { id: string }) => i.id === world.integrations.public.id);
    expect(entry).toMatchObject({
      merchant: world.merchant.slug,
      kind: "SKILL",
      links: { export: { openapi: `/api/v1/integrations/${world.integrations.public.id}/export?format=openapi` } },
    });
  });

  it("follows the merchant's agent rules, and refuses a key without an agent", async () => {
    await addAgentRule({ merchantId: world.merchant.id, actor: world.actor, kind: "AGENT_SKILL_CALL", effect: "DENY", agentId: world.agent.id });
    invalidatePolicy(world.merchant.id);
    expect(await names(world.agentKey)).toEqual([]);
    const orphan = await registry(get("/api/v1/registry", await world.keyFor(null)));
    expect(orphan.status).toBe(403);
    expect((await registry(get("/api/v1/registry", null))).status).toBe(401);
  });
});

describe("GET /api/v1/health", () => {
  it("answers a constant body without auth", async () => {
    expect(await health().json()).toEqual({ ok: true });
  });
});
