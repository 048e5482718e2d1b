import "server-only";
import { listLiveIntegrations } from "@/lib/data/visibility";
import { decide } from "@/lib/policy/decide";
import type { DecisionAgent } from "@/lib/policy/types";
import { policyRuntime } from "./policy-runtime";
import { EXPORT_FORMATS } from "./registry-formats";

export { EXPORT_FORMATS };

/**
 * The live integrations an agent may see: exactly those its skill_call decision allows (PUBLIC,
 * ALLOWLIST naming it or a merchant-wide ALLOW, PRIVATE for test agents; never when the merchant
 * denies the agent), so the registry and the decision API cannot disagree.
 */
export async function listRegistryFor(agent: DecisionAgent) {
  const integrations = await listLiveIntegrations();
  const merchantIds = [...new Set(integrations.map((i) => i.merchantId))];
  const policies = new Map(
    await Promise.all(merchantIds.map(async (id) => [id, await policyRuntime().policies.get(id)] as const)),
  );
  return integrations.flatMap((i) => {
    const policy = policies.get(i.merchantId);
    if (!policy || !decide(policy, { agent, action: "skill_call", integrationId: i.id }).allow) return [];
    const id = encodeURIComponent(i.id);
    return [
      {
        id: i.id,
        merchant: i.merchant.slug,
        merchantName: i.merchant.name,
        name: i.name,
        kind: i.kind,
        category: i.category,
        description: i.description,
        version: i.liveVersion?.number ?? null,
        liveSince: i.liveVersion?.liveAt?.toISOString() ?? null,
        links: {
          export: Object.fromEntries(EXPORT_FORMATS.map((f) => [f, `/api/v1/integrations/${id}/export?format=${f}`])),
          policy: `/api/v1/merchants/${encodeURIComponent(i.merchant.slug)}/agent-policy.json`,
        },
      },
    ];
  });
}
