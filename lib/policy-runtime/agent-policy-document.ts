// The machine-readable policy served at /api/v1/merchants/{slug}/agent-policy.json: the rules
// an agent runtime can apply itself, and how to read them. Pure; the route adds the ETag.
import { createHash } from "node:crypto";
import { ALLOW_TTL_SECONDS, DENY_TTL_SECONDS } from "@/lib/policy/decide";
import type { PolicySnapshot } from "@/lib/policy/types";

export const AGENT_POLICY_SCHEMA = "https://skillgate.dev/schemas/agent-policy/v1";

export type AgentPolicyAudience = "agent" | "test-agent";

export function buildAgentPolicyDocument(
  snapshot: PolicySnapshot,
  { agentSlugs, audience }: { agentSlugs: ReadonlyMap<string, string>; audience: AgentPolicyAudience },
) {
  const slugOf = (id: string | null | undefined) => (id ? (agentSlugs.get(id) ?? id) : null);
  const agentRules = (kind: "AGENT_SCREEN_READ" | "AGENT_SKILL_CALL") =>
    snapshot.rules.filter((r) => r.kind === kind).map((r) => ({ id: r.id, effect: r.effect, agent: slugOf(r.agentId) }));
  return {
    $schema: AGENT_POLICY_SCHEMA,
    merchant: snapshot.merchantSlug,
    policyVersion: snapshot.version,
    dataSharing: snapshot.dataSharing,
    screenReading: {
      allowed: snapshot.screenReadingAllowed,
      pathRules: snapshot.rules
        .filter((r) => r.kind === "PATH")
        .map((r) => ({ id: r.id, effect: r.effect, pattern: r.pattern ?? "" })),
      agentRules: agentRules("AGENT_SCREEN_READ"),
    },
    skillCalls: {
      agentRules: agentRules("AGENT_SKILL_CALL"),
      // PRIVATE integrations exist for testing: only test agents learn about them.
      integrations: snapshot.integrations
        .filter((i) => i.live && (i.visibility !== "PRIVATE" || audience === "test-agent"))
        .map((i) => ({
          id: i.id,
          name: i.name,
          visibility: i.visibility,
          ...(i.visibility === "ALLOWLIST" && { allowedAgents: i.allowedAgentIds.map((id) => slugOf(id)) }),
        })),
    },
    semantics: {
      screenRead:
        "An agent's DENY rule, then the screen-reading switch, then the agent's ALLOW rule (exempt from path rules), then the most specific matching path rule (DENY on a tie); no match means allowed.",
      pathPatterns: 'Segments after "/": a literal, "*" (exactly one segment) or "**" (zero or more). Case-sensitive, percent-decoded per segment.',
      specificity: 'More literal segments win, then more "*", then fewer "**".',
      skillCall:
        "Live integrations only. An agent's DENY rule refuses; PRIVATE is for test agents only; ALLOWLIST admits listed agents and agents with an ALLOW rule; PUBLIC admits everyone.",
    },
    decisionEndpoint: "/api/v1/policy/decision",
    ttlSeconds: { allow: ALLOW_TTL_SECONDS, deny: DENY_TTL_SECONDS },
  };
}

export type AgentPolicyDocument = ReturnType<typeof buildAgentPolicyDocument>;

/** Strong validator: the merchant, the version, who it was written for, and the bytes. */
export function agentPolicyEtag(merchantId: string, version: number, audience: AgentPolicyAudience, body: string): string {
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 22);
  return `"${merchantId}.v${version}.${audience}.${digest}"`;
}

/** RFC 9110 If-None-Match: weak comparison, a list, or "*". */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}
