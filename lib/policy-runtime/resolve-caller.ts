import "server-only";
import type { AuthenticatedKey } from "@/lib/api/authenticate-key";
import { policyRuntime, type RuntimeAgent, type RuntimeMerchant } from "./policy-runtime";

// Lookups every agent-facing endpoint shares, answered from the runtime's brief caches, with
// the refusal each failure becomes (the route turns it into an apiError).

export type Refusal = { ok: false; status: 403 | 404; code: string; message: string };

export async function resolveMerchant(slug: string): Promise<MerchantResolution> {
  return merchantResolution(await policyRuntime().merchants.get(slug), slug);
}

/** resolveMerchant from memory only: undefined when the slug is not cached (then use resolveMerchant). */
export function peekMerchant(slug: string): MerchantResolution | undefined {
  const merchant = policyRuntime().merchants.peek(slug);
  return merchant === undefined ? undefined : merchantResolution(merchant, slug);
}

type MerchantResolution = { ok: true; merchant: RuntimeMerchant } | Refusal;

function merchantResolution(merchant: RuntimeMerchant | null, slug: string): MerchantResolution {
  if (!merchant) return { ok: false, status: 404, code: "unknown_merchant", message: `No merchant "${slug}".` };
  if (merchant.status !== "ACTIVE") {
    return { ok: false, status: 403, code: "merchant_suspended", message: `Merchant "${slug}" is suspended; agents may not use its services.` };
  }
  return { ok: true, merchant };
}

/**
 * The agent a request is about. An agent key speaks for its own agent only: asking about another
 * agent is refused, so one agent cannot probe another's permissions.
 */
export async function resolveAgent(slug: string, key: AuthenticatedKey): Promise<AgentResolution> {
  return agentResolution(await policyRuntime().agents.get(slug), slug, key);
}

/** resolveAgent from memory only: undefined when the slug is not cached (then use resolveAgent). */
export function peekAgent(slug: string, key: AuthenticatedKey): AgentResolution | undefined {
  const agent = policyRuntime().agents.peek(slug);
  return agent === undefined ? undefined : agentResolution(agent, slug, key);
}

type AgentResolution = { ok: true; agent: RuntimeAgent } | Refusal;

function agentResolution(agent: RuntimeAgent | null, slug: string, key: AuthenticatedKey): AgentResolution {
  if (!agent) return { ok: false, status: 404, code: "unknown_agent", message: `No agent "${slug}" in the agent catalogue.` };
  if (key.agentId && key.agentId !== agent.id) {
    return { ok: false, status: 403, code: "agent_mismatch", message: `This key belongs to another agent; it may ask only about itself, not "${slug}".` };
  }
  if (agent.status !== "ACTIVE") return { ok: false, status: 403, code: "agent_disabled", message: `Agent "${slug}" is disabled.` };
  return { ok: true, agent };
}

/** The agent the key belongs to (registry, agent-policy.json). */
export async function callerAgent(key: AuthenticatedKey): Promise<{ ok: true; agent: RuntimeAgent } | Refusal> {
  const agent = key.agentId ? await policyRuntime().agentsById.get(key.agentId) : null;
  if (!agent) return { ok: false, status: 403, code: "no_agent", message: "This agent key is not linked to an agent in the catalogue." };
  if (agent.status !== "ACTIVE") return { ok: false, status: 403, code: "agent_disabled", message: `Agent "${agent.slug}" is disabled.` };
  return { ok: true, agent };
}
