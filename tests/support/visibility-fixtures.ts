// A merchant of a test's own with agents, an owner, integrations (one live per visibility, one
// draft) and an agent key, all with random slugs so test files sharing a database stay apart.
import { randomBytes } from "node:crypto";
import { POLICY_READ_SCOPE, REGISTRY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/secret";
import { db } from "@/lib/db";

const suffix = () => randomBytes(4).toString("hex");

export async function createPolicyWorld() {
  const tag = suffix();
  const owner = await db.user.create({ data: { email: `owner-${tag}@test.local`, name: `Owner ${tag}`, passwordHash: "x" } });
  const merchant = await db.merchant.create({
    data: { slug: `shop-${tag}`, name: `Shop ${tag}`, category: "FOOD", memberships: { create: { userId: owner.id, role: "OWNER" } } },
  });
  const agent = await db.agent.create({ data: { slug: `agent-${tag}`, name: `Agent ${tag}`, vendor: "Test" } });
  const other = await db.agent.create({ data: { slug: `other-${tag}`, name: `Other ${tag}`, vendor: "Test" } });
  const tester = await db.agent.create({ data: { slug: `tester-${tag}`, name: `Tester ${tag}`, vendor: "Test", isTest: true } });

  async function integration(name: string, visibility: "PUBLIC" | "ALLOWLIST" | "PRIVATE", live = true) {
    const created = await db.integration.create({ data: { merchantId: merchant.id, kind: "SKILL", name, category: "FOOD", visibility } });
    const version = await db.integrationVersion.create({
      data: { merchantId: merchant.id, integrationId: created.id, number: 1, status: live ? "LIVE" : "DRAFT", createdById: owner.id, liveAt: live ? new Date() : null },
    });
    if (live) await db.integration.update({ where: { id: created.id }, data: { liveVersionId: version.id } });
    return { ...created, versionId: version.id };
  }
  const integrations = {
    public: await integration("Public", "PUBLIC"),
    allowlist: await integration("Allowlist", "ALLOWLIST"),
    private: await integration("Private", "PRIVATE"),
    draft: await integration("Draft", "PUBLIC", false),
  };
  await db.integrationAgentAccess.create({ data: { merchantId: merchant.id, integrationId: integrations.allowlist.id, agentId: agent.id } });

  /** An agent key; by default with the scopes an agent runtime's key carries. */
  async function keyFor(agentId: string | null, scopes: string[] = [POLICY_READ_SCOPE, REGISTRY_READ_SCOPE]) {
    const secret = generateApiKeySecret("AGENT");
    await db.apiKey.create({ data: { kind: "AGENT", agentId, name: "test", prefix: apiKeyPrefix(secret), hash: hashApiKeySecret(secret), scopes } });
    return secret;
  }

  return {
    merchant,
    owner,
    actor: { userId: owner.id, email: owner.email, ip: "127.0.0.1" },
    agent,
    other,
    tester,
    integrations,
    agentKey: await keyFor(agent.id),
    testerKey: await keyFor(tester.id),
    keyFor,
  };
}

export type PolicyWorld = Awaited<ReturnType<typeof createPolicyWorld>>;
