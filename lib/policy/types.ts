// The policy engine's in-memory shapes. A PolicySnapshot is what the data layer loads for one
// merchant; the engine compiles it once per version and answers decisions from memory.

export type RuleKind = "PATH" | "AGENT_SCREEN_READ" | "AGENT_SKILL_CALL";
export type RuleEffect = "ALLOW" | "DENY";
export type IntegrationVisibility = "PUBLIC" | "ALLOWLIST" | "PRIVATE";
export type DataSharingLevel = "NONE" | "ORDER_STATUS" | "ORDER_DETAILS";
export type PolicyAction = "screen_read" | "skill_call";

export type SnapshotRule = {
  id: string;
  kind: RuleKind;
  effect: RuleEffect;
  /** PATH rules only: a glob such as "/checkout/**". */
  pattern?: string | null;
  /** AGENT_* rules only: the agent the rule is about. */
  agentId?: string | null;
};

export type SnapshotIntegration = {
  id: string;
  name: string;
  visibility: IntegrationVisibility;
  /** Has a live version that agents may call. */
  live: boolean;
  /** ALLOWLIST only: the agents that may call it. */
  allowedAgentIds: string[];
};

export type PolicySnapshot = {
  merchantId: string;
  merchantSlug: string;
  version: number;
  screenReadingAllowed: boolean;
  dataSharing: DataSharingLevel;
  /** Order matters only to break ties between identical rules; load them by (createdAt, id). */
  rules: SnapshotRule[];
  integrations: SnapshotIntegration[];
};

export type DecisionAgent = { id: string; isTest: boolean };

export type DecisionRequest =
  | { agent: DecisionAgent; action: "screen_read"; path: string }
  | { agent: DecisionAgent; action: "skill_call"; integrationId: string };

export type AllowReason =
  | "default_allow"
  | "path_allowed"
  | "agent_allowed"
  | "integration_public"
  | "integration_allowlisted"
  | "integration_private_test_agent";

export type DenyReason =
  | "screen_reading_disabled"
  | "agent_denied"
  | "path_denied"
  | "invalid_path"
  | "unknown_integration"
  | "integration_not_live"
  | "integration_private"
  | "integration_not_allowlisted";

export type DecisionReason = AllowReason | DenyReason;

export type DecidingRule = { id: string; kind: RuleKind; pattern: string | null };

export type Decision = {
  allow: boolean;
  action: PolicyAction;
  /** Stable machine code; clients branch on it, the UI translates it. */
  reason: DecisionReason;
  /** The visibility rule that decided, or null when a setting or the integration decided. */
  rule: DecidingRule | null;
  policyVersion: number;
  ttlSeconds: number;
  /** screen_read only: the canonical path the decision is about (absent when it was invalid). */
  path?: string;
  /** skill_call only: the integration asked about. */
  integrationId?: string;
};
