// Compiles a merchant's PolicySnapshot once per policy version into lookup structures, so a
// decision never scans the rule list: agent rules are Maps per action, PATH rules a segment
// trie, integrations a Map with Set allowlists.
import { parsePattern } from "./glob";
import { createPathIndex, type PathIndex, type PathRuleEntry } from "./path-index";
import type {
  DataSharingLevel,
  IntegrationVisibility,
  PolicyAction,
  PolicySnapshot,
  RuleEffect,
  RuleKind,
} from "./types";

export type AgentRuleEntry = { id: string; kind: RuleKind; effect: RuleEffect };

export type CompiledIntegration = {
  id: string;
  name: string;
  visibility: IntegrationVisibility;
  live: boolean;
  allowedAgentIds: ReadonlySet<string>;
};

/** A rule the engine could not use (e.g. a PATH rule without a valid pattern). */
export type InvalidRule = { id: string; reason: string };

export type CompiledPolicy = {
  merchantId: string;
  merchantSlug: string;
  version: number;
  screenReadingAllowed: boolean;
  dataSharing: DataSharingLevel;
  /** Per action, per agent id: the agent's rule (DENY when an agent has both). */
  agentRules: Record<PolicyAction, ReadonlyMap<string, AgentRuleEntry>>;
  pathRules: PathIndex;
  integrations: ReadonlyMap<string, CompiledIntegration>;
  /** Rules skipped at compile time; writes validate rules, so this is empty unless data is bad. */
  invalidRules: InvalidRule[];
};

const ACTION_OF_KIND = {
  AGENT_SCREEN_READ: "screen_read",
  AGENT_SKILL_CALL: "skill_call",
} as const satisfies Partial<Record<RuleKind, PolicyAction>>;

export function compilePolicy(snapshot: PolicySnapshot): CompiledPolicy {
  const agentRules = {
    screen_read: new Map<string, AgentRuleEntry>(),
    skill_call: new Map<string, AgentRuleEntry>(),
  };
  const pathEntries: PathRuleEntry[] = [];
  const invalidRules: InvalidRule[] = [];

  snapshot.rules.forEach((rule, order) => {
    if (rule.kind === "PATH") {
      if (!rule.pattern) {
        invalidRules.push({ id: rule.id, reason: "A PATH rule needs a pattern." });
        return;
      }
      const parsed = parsePattern(rule.pattern);
      if (!parsed.ok) {
        invalidRules.push({ id: rule.id, reason: parsed.message });
        return;
      }
      pathEntries.push({ id: rule.id, effect: rule.effect, pattern: parsed.pattern, order });
      return;
    }
    const action: PolicyAction | undefined = ACTION_OF_KIND[rule.kind];
    if (!action) {
      invalidRules.push({ id: rule.id, reason: `Unknown rule kind "${String(rule.kind)}".` });
      return;
    }
    if (!rule.agentId) {
      invalidRules.push({ id: rule.id, reason: `An ${rule.kind} rule needs an agent.` });
      return;
    }
    const byAgent = agentRules[action];
    const existing = byAgent.get(rule.agentId);
    // Contradictory rules for one agent: DENY wins; otherwise the first one stands.
    if (!existing || (existing.effect === "ALLOW" && rule.effect === "DENY")) {
      byAgent.set(rule.agentId, { id: rule.id, kind: rule.kind, effect: rule.effect });
    }
  });

  const integrations = new Map<string, CompiledIntegration>();
  for (const integration of snapshot.integrations) {
    integrations.set(integration.id, {
      id: integration.id,
      name: integration.name,
      visibility: integration.visibility,
      live: integration.live,
      allowedAgentIds: new Set(integration.allowedAgentIds),
    });
  }

  return {
    merchantId: snapshot.merchantId,
    merchantSlug: snapshot.merchantSlug,
    version: snapshot.version,
    screenReadingAllowed: snapshot.screenReadingAllowed,
    dataSharing: snapshot.dataSharing,
    agentRules,
    pathRules: createPathIndex(pathEntries),
    integrations,
    invalidRules,
  };
}
