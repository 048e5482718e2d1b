// The OpenAPI document against the running code: real responses of the agent and analytics
// routes must match the document's response schemas, and every key-authenticated route under
// app/api/v1 must be in the document (a new public route fails here until it is described).
import { readdirSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as attribution } from "@/app/api/v1/analytics/attribution/route";
import { GET as agentPolicy } from "@/app/api/v1/merchants/[slug]/agent-policy.json/route";
import { GET as decision } from "@/app/api/v1/policy/decision/route";
import { GET as registry } from "@/app/api/v1/registry/route";
import { clearApiKeyCache } from "@/lib/api/authenticate-key";
import { openApiDocument } from "@/lib/api/openapi/document";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/secret";
import { db } from "@/lib/db";
import { addPathRule } from "@/lib/data/visibility";
import { resetPolicyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { createPolicyWorld, type PolicyWorld } from "@/tests/support/visibility-fixtures";

const doc = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "doc", components: doc.components });

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
function validatorFor(route: keyof typeof doc.paths, status: string) {
  const operation = (doc.paths[route] as { get: Operation }).get;
  const schema = operation.responses[status]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${route} documents no JSON body for ${status}`);
  // Local $refs of the document resolve against the registered components.
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
}

async function expectDocumented(route: keyof typeof doc.paths, response: Response) {
  const body = await response.json();
  const validate = validatorFor(route, String(response.status));
  expect(validate(body) ? [] : validate.errors, `${route} ${response.status}`).toEqual([]);
  return body;
}

let world: PolicyWorld;
beforeAll(() => clearApiKeyCache());
beforeEach(async () => {
  resetPolicyRuntime();
  world = await createPolicyWorld();
});

const get = (url: string, key: string) => new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${key}` } });

describe("responses match the OpenAPI document", () => {
  it("policy decisions: allowed with a rule, denied without one, and a bad query", async () => {
    await addPathRule({ merchantId: world.merchant.id, actor: world.actor, effect: "ALLOW", pattern: "/menu/**" });
    const ask = (params: Record<string, string>) =>
      decision(get(`/api/v1/policy/decision?${new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, ...params })}`, world.agentKey));
    expect(await expectDocumented("/api/v1/policy/decision", await ask({ action: "screen_read", path: "/menu/latte" }))).toMatchObject({ allow: true, rule: { pattern: "/menu/**" } });
    expect(await expectDocumented("/api/v1/policy/decision", await ask({ action: "skill_call", integration: world.integrations.private.id }))).toMatchObject({ allow: false, rule: null });
    expect(await expectDocumented("/api/v1/policy/decision", await ask({ action: "screen_read" }))).toMatchObject({ error: { code: "invalid_query" } });
  });

  it("agent-policy.json and the registry", async () => {
    const policy = await agentPolicy(get(`/api/v1/merchants/${world.merchant.slug}/agent-policy.json`, world.agentKey), { params: Promise.resolve({ slug: world.merchant.slug }) });
    expect((await expectDocumented("/api/v1/merchants/{slug}/agent-policy.json", policy)).skillCalls.integrations.length).toBeGreaterThan(0);
    const listed = await expectDocumented("/api/v1/registry", await registry(get("/api/v1/registry", world.agentKey)));
    expect(listed.count).toBe(listed.integrations.length);
    expect(listed.count).toBeGreaterThan(0);
  });

  it("the attribution report, and a refused range", async () => {
    const secret = generateApiKeySecret("MERCHANT_ANALYTICS");
    await db.apiKey.create({ data: { kind: "MERCHANT_ANALYTICS", merchantId: world.merchant.id, name: "openapi test", prefix: apiKeyPrefix(secret), hash: hashApiKeySecret(secret), scopes: [] } });
    const report = await expectDocumented(
      "/api/v1/analytics/attribution",
      await attribution(get("/api/v1/analytics/attribution?from=2026-11-01&to=2026-11-07&groupBy=payment_method", secret)),
    );
    expect(report.series).toHaveLength(7);
    const refused = await attribution(get("/api/v1/analytics/attribution?from=2026-01-01&to=2026-03-01&interval=hour", secret));
    expect((await expectDocumented("/api/v1/analytics/attribution", refused)).error.code).toBe("invalid_parameters");
  });
});

describe("the document covers the public API", () => {
  // Not for API clients: liveness, the document itself, and the review workflow's session-only route.
  const notPublic = new Set(["/api/v1/health", "/api/v1/openapi.json", "/api/v1/versions/{versionId}/transitions"]);

  function routesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return routesUnder(full);
      return entry.name === "route.ts" ? [`/${path.relative("app", dir).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}")] : [];
    });
  }

  it("lists every route under app/api/v1 but the non-public ones", () => {
    const routes = routesUnder("app/api/v1");
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.filter((route) => !notPublic.has(route) && !(route in doc.paths))).toEqual([]);
    expect(Object.keys(doc.paths).filter((documented) => !routes.includes(documented))).toEqual([]);
  });
});
