import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { exportResponse } from "@/app/api/v1/integrations/[id]/export/export-response";
import { GET } from "@/app/api/v1/integrations/[id]/export/route";
import { clearApiKeyCache } from "@/lib/api/authenticate-key";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/secret";
import { createIntegrationFromDefinition } from "@/lib/data/integrations";
import { db } from "@/lib/db";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums";
import { importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";
import { resetPolicyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";

let a: RegistryMerchant;
let b: RegistryMerchant;
let skill: { integrationId: string; versionId: string };
let keys: { analyticsA: string; analyticsB: string; agent: string };
const manifest = JSON.parse(readFileSync("lib/integrations/formats/fixtures/coffee-shop.mcp.json", "utf8"));
const apiNames: string[] = manifest.apis.map((api: { name: string }) => api.name);

async function key(kind: ApiKeyKind, owner: { merchantId?: string; agentId?: string }) {
  const secret = generateApiKeySecret(kind);
  await db.apiKey.create({ data: { kind, ...owner, name: "test", prefix: apiKeyPrefix(secret), hash: hashApiKeySecret(secret), scopes: [] } });
  return secret;
}

const url = (id: string, query: string) => `http://localhost/api/v1/integrations/${id}/export?${query}`;
const withKey = (id: string, query: string, secret: string) => GET(new Request(url(id, query), { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({ id }) });
const asMember = (id: string, query: string, userId: string) => exportResponse(new Request(url(id, query)), id, { kind: "session", userId });

async function goLive(versionId: string, integrationId: string) {
  await db.integrationVersion.update({ where: { id: versionId }, data: { status: "LIVE", liveAt: new Date() } });
  await db.integration.update({ where: { id: integrationId }, data: { liveVersionId: versionId } });
  resetPolicyRuntime();
}

beforeAll(async () => {
  ensureEncryptionKey();
  clearApiKeyCache();
  a = await createRegistryMerchant("exp-a");
  b = await createRegistryMerchant("exp-b");
  const imported = importWechatManifest(manifest, { merchant: { slug: a.merchant.slug, name: a.merchant.name }, category: "food" });
  if (!imported.ok) throw new Error("fixture did not import");
  skill = await createIntegrationFromDefinition({ merchantId: a.merchant.id, actor: a.actor, definition: imported.definition, category: "FOOD", source: "wechat-mcp-json" });
  const agent = await db.agent.create({ data: { slug: `agent-${a.merchant.slug}`, name: "Export agent", vendor: "Test" } });
  keys = {
    analyticsA: await key("MERCHANT_ANALYTICS", { merchantId: a.merchant.id }),
    analyticsB: await key("MERCHANT_ANALYTICS", { merchantId: b.merchant.id }),
    agent: await key("AGENT", { agentId: agent.id }),
  };
});

describe("GET /api/v1/integrations/{id}/export", () => {
  it("exports a member's draft in all four formats, each with every operation", async () => {
    const bodies: Record<string, unknown> = {};
    for (const format of ["mcp-server-json", "a2a-agent-card", "openapi", "wechat-mcp-json"]) {
      const response = await asMember(skill.integrationId, `format=${format}`, a.developer.id);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+-v1-.+\.json"$/);
      bodies[format] = await response.json();
    }
    const text = (format: string) => JSON.stringify(bodies[format]);
    for (const name of apiNames) {
      expect(text("a2a-agent-card"), name).toContain(name);
      expect(text("openapi"), name).toContain(name);
    }
    expect((bodies["wechat-mcp-json"] as { apis: Array<{ name: string }> }).apis.map((api) => api.name)).toEqual(apiNames);
    const openapi = await new Validator().validate(bodies.openapi as Record<string, unknown>);
    expect(openapi.valid, JSON.stringify(openapi.errors)).toBe(true);
    expect(bodies["mcp-server-json"]).toHaveProperty("name");
  });

  it("answers 400 with the list of formats for a missing or unknown format", async () => {
    const response = await asMember(skill.integrationId, "format=yaml", a.developer.id);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_format", formats: ["mcp-server-json", "a2a-agent-card", "openapi", "wechat-mcp-json"] } });
    expect((await asMember(skill.integrationId, "", a.developer.id)).status).toBe(400);
  });

  it("answers 404 to another merchant (member or key) and for unknown ids", async () => {
    expect((await asMember(skill.integrationId, "format=openapi", b.developer.id)).status).toBe(404);
    expect((await withKey(skill.integrationId, "format=openapi", keys.analyticsB)).status).toBe(404);
    expect((await withKey("no-such-id", "format=openapi", keys.analyticsA)).status).toBe(404);
    expect((await withKey(skill.integrationId, "format=openapi", keys.analyticsA)).status).toBe(200);
    expect((await withKey(skill.integrationId, "format=openapi", "sg_agent_nonsense")).status).toBe(401);
  });

  it("serves agents only the live version of an integration their policy allows", async () => {
    // A draft is invisible to agents.
    expect((await withKey(skill.integrationId, "format=a2a-agent-card", keys.agent)).status).toBe(404);
    await goLive(skill.versionId, skill.integrationId);
    const live = await withKey(skill.integrationId, "format=a2a-agent-card", keys.agent);
    expect(live.status).toBe(200);
    expect(live.headers.get("x-skillgate-version")).toBe("1");
    expect((await withKey(skill.integrationId, "format=openapi&version=2", keys.agent)).status).toBe(404);

    await db.integration.update({ where: { id: skill.integrationId }, data: { visibility: "PRIVATE" } });
    resetPolicyRuntime();
    expect((await withKey(skill.integrationId, "format=a2a-agent-card", keys.agent)).status).toBe(404);
    // The merchant still reads its own private integration.
    expect((await withKey(skill.integrationId, "format=a2a-agent-card", keys.analyticsA)).status).toBe(200);
    await db.integration.update({ where: { id: skill.integrationId }, data: { visibility: "PUBLIC" } });
    resetPolicyRuntime();
  });

  it("explains why an MCP server without an endpoint cannot be exported", async () => {
    const imported = importWechatManifest(manifest, { merchant: { slug: a.merchant.slug, name: a.merchant.name }, name: "as-mcp", category: "food" });
    if (!imported.ok) throw new Error("fixture did not import");
    const created = await createIntegrationFromDefinition({ merchantId: a.merchant.id, actor: a.actor, definition: { ...imported.definition, kind: "MCP_SERVER" }, category: "FOOD", source: "mcp-tools" });
    const response = await asMember(created.integrationId, "format=mcp-server-json", a.developer.id);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "not_exportable" } });
  });
});
