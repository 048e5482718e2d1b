// The policy decision: may this agent screen-read this page, or call this integration?
//
// screen_read, first match decides:
//   1. the agent has a DENY screen-reading rule            → deny  "agent_denied"
//   2. the merchant switched screen reading off             → deny  "screen_reading_disabled"
//      (the switch is the merchant's master control: no agent ALLOW overrides it)
//   3. the path is not a valid page path                    → deny  "invalid_path"
//   4. the agent has an ALLOW screen-reading rule           → allow "agent_allowed"
//      (a trusted agent is exempt from path rules, never from the switch or its own DENY)
//   5. the most specific matching PATH rule, DENY on a tie  → "path_denied" / "path_allowed"
//   6. nothing matched: the switch (on) is the default      → allow "default_allow"
//
// skill_call, first match decides:
//   1. the integration is not this merchant's               → deny  "unknown_integration"
//   2. it has no live version                               → deny  "integration_not_live"
//   3. the agent has a DENY skill-call rule                 → deny  "agent_denied"
//   4. PRIVATE: test agents only                            → allow "integration_private_test_agent"
//                                                              / deny "integration_private"
//      (an agent ALLOW does not open a PRIVATE integration: PRIVATE means "for testing")
//   5. ALLOWLIST: agents on its list, or with an ALLOW      → allow "integration_allowlisted"
//      skill-call rule (a merchant-wide grant)                 / deny "integration_not_allowlisted"
//   6. PUBLIC                                               → allow "agent_allowed" when the
//                                                              agent has an ALLOW rule, else
//                                                              "integration_public"
//
// An agent that appears in no rule simply gets the defaults, so the simulator can ask about
// any agent; whether an agent exists at all is the API layer's question (it answers 4xx).
//
// TTLs: allows are cached for less time than denies, because how fast a merchant's new DENY
// (or a switch-off) reaches agents matters more than how fast a new ALLOW does.
import type { AgentRuleEntry, CompiledPolicy } from "./compile";
import { findPathRule } from "./path-index";
import { normalizePath } from "./path";
import type {
  AllowReason,
  DecidingRule,
  Decision,
  DecisionRequest,
  DenyReason,
} from "./types";

export const ALLOW_TTL_SECONDS = 30;
export const DENY_TTL_SECONDS = 60;

export function decide(policy: CompiledPolicy, request: DecisionRequest): Decision {
  return request.action === "screen_read"
    ? decideScreenRead(policy, request.agent.id, request.path)
    : decideSkillCall(policy, request.agent, request.integrationId);
}

function decideScreenRead(policy: CompiledPolicy, agentId: string, rawPath: string): Decision {
  const base = { policy, action: "screen_read" as const };
  const agentRule = policy.agentRules.screen_read.get(agentId);
  if (agentRule?.effect === "DENY") {
    return deny({ ...base, reason: "agent_denied", rule: fromAgentRule(agentRule) });
  }
  if (!policy.screenReadingAllowed) {
    return deny({ ...base, reason: "screen_reading_disabled", rule: null });
  }
  const path = normalizePath(rawPath);
  if (!path.ok) return deny({ ...base, reason: "invalid_path", rule: null });

  const extra = { path: path.path };
  if (agentRule) {
    return allow({ ...base, reason: "agent_allowed", rule: fromAgentRule(agentRule), extra });
  }
  const pathRule = findPathRule(policy.pathRules, path.segments);
  if (pathRule) {
    const rule: DecidingRule = { id: pathRule.id, kind: "PATH", pattern: pathRule.pattern.source };
    return pathRule.effect === "DENY"
      ? deny({ ...base, reason: "path_denied", rule, extra })
      : allow({ ...base, reason: "path_allowed", rule, extra });
  }
  return allow({ ...base, reason: "default_allow", rule: null, extra });
}

function decideSkillCall(
  policy: CompiledPolicy,
  agent: DecisionRequest["agent"],
  integrationId: string,
): Decision {
  const base = { policy, action: "skill_call" as const, extra: { integrationId } };
  const integration = policy.integrations.get(integrationId);
  if (!integration) return deny({ ...base, reason: "unknown_integration", rule: null });
  if (!integration.live) return deny({ ...base, reason: "integration_not_live", rule: null });

  const agentRule = policy.agentRules.skill_call.get(agent.id);
  if (agentRule?.effect === "DENY") {
    return deny({ ...base, reason: "agent_denied", rule: fromAgentRule(agentRule) });
  }
  const granted = agentRule ? fromAgentRule(agentRule) : null;
  switch (integration.visibility) {
    case "PRIVATE":
      return agent.isTest
        ? allow({ ...base, reason: "integration_private_test_agent", rule: null })
        : deny({ ...base, reason: "integration_private", rule: null });
    case "ALLOWLIST":
      if (integration.allowedAgentIds.has(agent.id)) {
        return allow({ ...base, reason: "integration_allowlisted", rule: null });
      }
      return granted
        ? allow({ ...base, reason: "agent_allowed", rule: granted })
        : deny({ ...base, reason: "integration_not_allowlisted", rule: null });
    case "PUBLIC":
      return granted
        ? allow({ ...base, reason: "agent_allowed", rule: granted })
        : allow({ ...base, reason: "integration_public", rule: null });
  }
}

type Outcome<R> = {
  policy: CompiledPolicy;
  action: Decision["action"];
  reason: R;
  rule: DecidingRule | null;
  extra?: Pick<Decision, "path" | "integrationId">;
};

function allow(o: Outcome<AllowReason>): Decision {
  return build(o, true, ALLOW_TTL_SECONDS);
}

function deny(o: Outcome<DenyReason>): Decision {
  return build(o, false, DENY_TTL_SECONDS);
}

function build(o: Outcome<AllowReason | DenyReason>, allowed: boolean, ttlSeconds: number): Decision {
  return {
    allow: allowed,
    action: o.action,
    reason: o.reason,
    rule: o.rule,
    policyVersion: o.policy.version,
    ttlSeconds,
    ...o.extra,
  };
}

function fromAgentRule(rule: AgentRuleEntry): DecidingRule {
  return { id: rule.id, kind: rule.kind, pattern: null };
}
