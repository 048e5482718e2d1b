// Agent keys carry scopes: the decision API and agent-policy.json need `policy:read`, the
// registry `registry:read`; a key without the scope gets 403 insufficient_scope (RFC 6750).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as agentPolicy } from "@/app/api/v1/merchants/[slug]/agent-policy.json/route";
import { GET as decision } from "@/app/api/v1/policy/decision/route";
import { GET as registry } from "@/app/api/v1/registry/route";
import { checkApiKey, clearApiKeyCache } from "@/lib/api/authenticate-key";
import { POLICY_READ_SCOPE, REGISTRY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/secret";
import { db } from "@/lib/db";
import { demoApiKeys } from "@/lib/demo/catalogue";
import { resetPolicyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { createPolicyWorld, type PolicyWorld } from "@/tests/support/visibility-fixtures";

let world: PolicyWorld;
beforeAll(() => clearApiKeyCache());
beforeEach(async () => {
  resetPolicyRuntime();
  world = await createPolicyWorld();
});

const headersFor = (key: string) => new Headers({ authorization: `Bearer ${key}` });

function callAll(key: string) {
  const query = new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, action: "screen_read", path: "/menu" });
  const slug = world.merchant.slug;
  return Promise.all([
    decision(new Request(`http://localhost/api/v1/policy/decision?${query}`, { headers: headersFor(key) })),
    agentPolicy(new Request(`http://localhost/api/v1/merchants/${slug}/agent-policy.json`, { headers: headersFor(key) }), {
      params: Promise.resolve({ slug }),
    }),
    registry(new Request("http://localhost/api/v1/registry", { headers: headersFor(key) })),
  ]);
}

describe("agent key scopes", () => {
  it("admit a key with policy:read and registry:read to all three endpoints", async () => {
    expect((await callAll(world.agentKey)).map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it("refuse each endpoint to a key without its scope, naming the scope", async () => {
    const policyOnly = await world.keyFor(world.agent.id, [POLICY_READ_SCOPE]);
    const registryOnly = await world.keyFor(world.agent.id, [REGISTRY_READ_SCOPE]);
    const none = await world.keyFor(world.agent.id, []);
    expect((await callAll(policyOnly)).map((r) => r.status)).toEqual([200, 200, 403]);
    expect((await callAll(registryOnly)).map((r) => r.status)).toEqual([403, 403, 200]);

    const [refused] = await callAll(none);
    expect(refused!.status).toBe(403);
    expect(refused!.headers.get("www-authenticate")).toBe('Bearer realm="skillgate", error="insufficient_scope", scope="policy:read"');
    expect(await refused!.json()).toEqual({
      error: { code: "insufficient_scope", message: 'This endpoint needs a key with the "policy:read" scope; this key has no scopes.' },
    });
  });

  it("checks the kind before the scope, and no scope when none is asked for", async () => {
    const analytics = generateApiKeySecret("MERCHANT_ANALYTICS");
    await db.apiKey.create({
      data: { kind: "MERCHANT_ANALYTICS", merchantId: world.merchant.id, name: "t", prefix: apiKeyPrefix(analytics), hash: hashApiKeySecret(analytics), scopes: [] },
    });
    expect(await checkApiKey(headersFor(analytics), ["AGENT"], POLICY_READ_SCOPE)).toMatchObject({ ok: false, status: 403, code: "wrong_key_kind" });
    const unscoped = await world.keyFor(world.agent.id, []);
    expect(await checkApiKey(headersFor(unscoped), ["AGENT"])).toMatchObject({ ok: true });
  });

  it("the demo agent key carries the scopes the agent endpoints need", () => {
    const demoAgent = demoApiKeys.find((k) => k.kind === "AGENT")!;
    expect(demoAgent.scopes).toEqual(expect.arrayContaining([POLICY_READ_SCOPE, REGISTRY_READ_SCOPE]));
  });
});
