import "server-only";
import { getPolicySnapshot, listAgentSlugs } from "@/lib/data/visibility";
import type { CompiledPolicy } from "@/lib/policy/compile";
import { agentPolicyEtag, buildAgentPolicyDocument, type AgentPolicyAudience } from "./agent-policy-document";

// The serialized agent-policy.json and its ETag, built once per compiled policy (so once per
// version per process) and per audience; revalidations with If-None-Match touch no database.
type Built = { body: string; etag: string; version: number };
const built = new WeakMap<CompiledPolicy, Map<AgentPolicyAudience, Promise<Built | null>>>();

export function getAgentPolicy(policy: CompiledPolicy, audience: AgentPolicyAudience): Promise<Built | null> {
  let byAudience = built.get(policy);
  if (!byAudience) built.set(policy, (byAudience = new Map()));
  let pending = byAudience.get(audience);
  if (!pending) {
    pending = build(policy.merchantId, audience);
    pending.catch(() => byAudience.delete(audience));
    byAudience.set(audience, pending);
  }
  return pending;
}

async function build(merchantId: string, audience: AgentPolicyAudience): Promise<Built | null> {
  const snapshot = await getPolicySnapshot({ merchantId });
  if (!snapshot) return null;
  const ids = [
    ...new Set([
      ...snapshot.rules.flatMap((r) => (r.agentId ? [r.agentId] : [])),
      ...snapshot.integrations.flatMap((i) => i.allowedAgentIds),
    ]),
  ];
  const agentSlugs = await listAgentSlugs({ ids });
  const body = JSON.stringify(buildAgentPolicyDocument(snapshot, { agentSlugs, audience }));
  return { body, etag: agentPolicyEtag(merchantId, snapshot.version, audience, body), version: snapshot.version };
}
