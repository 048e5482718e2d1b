import { describe, expect, it } from "vitest";
import { compilePolicy } from "./compile";
import { ALLOW_TTL_SECONDS, decide, DENY_TTL_SECONDS } from "./decide";
import type { DecisionAgent, DecisionReason, PolicySnapshot, SnapshotRule } from "./types";

const path = (id: string, effect: "ALLOW" | "DENY", pattern: string): SnapshotRule => ({
  id,
  kind: "PATH",
  effect,
  pattern,
});
const agentRule = (
  id: string,
  kind: "AGENT_SCREEN_READ" | "AGENT_SKILL_CALL",
  effect: "ALLOW" | "DENY",
  agentId: string,
): SnapshotRule => ({ id, kind, effect, agentId });

const snapshot: PolicySnapshot = {
  merchantId: "m1",
  merchantSlug: "lucky-coffee",
  version: 7,
  screenReadingAllowed: true,
  dataSharing: "ORDER_STATUS",
  rules: [
    path("checkout-deny", "DENY", "/checkout/**"),
    path("cart-allow", "ALLOW", "/checkout/cart"),
    path("menu-allow", "ALLOW", "/menu/**"),
    path("menu-secret-deny", "DENY", "/menu/secret/*"),
    path("promo-deny", "DENY", "/promo/**"),
    path("promo-one-allow", "ALLOW", "/promo/*"),
    path("shop-items-allow", "ALLOW", "/shop/*/items"),
    path("shop-vip-deny", "DENY", "/shop/vip/*"),
    path("help-allow", "ALLOW", "/help"),
    path("help-deny", "DENY", "/help/"),
    path("orders-pay-allow", "ALLOW", "/orders/*/pay"),
    path("orders-deny", "DENY", "/orders/**"),
    path("account-deny", "DENY", "/account"),
    path("members-deny", "DENY", "/会员/**"),
    path("broken", "DENY", "/bad**"),
    agentRule("trusted-read", "AGENT_SCREEN_READ", "ALLOW", "trusted"),
    agentRule("blocked-read", "AGENT_SCREEN_READ", "DENY", "blocked"),
    agentRule("torn-allow", "AGENT_SCREEN_READ", "ALLOW", "torn"),
    agentRule("torn-deny", "AGENT_SCREEN_READ", "DENY", "torn"),
    agentRule("blocked-call", "AGENT_SKILL_CALL", "DENY", "blocked"),
    agentRule("granted-call", "AGENT_SKILL_CALL", "ALLOW", "granted"),
    agentRule("granted-test-call", "AGENT_SKILL_CALL", "ALLOW", "granted-tester"),
    agentRule("blocked-tester-call", "AGENT_SKILL_CALL", "DENY", "blocked-tester"),
  ],
  integrations: [
    { id: "pub", name: "Order coffee", visibility: "PUBLIC", live: true, allowedAgentIds: [] },
    { id: "list", name: "Refunds", visibility: "ALLOWLIST", live: true, allowedAgentIds: ["partner"] },
    { id: "priv", name: "Beta menu", visibility: "PRIVATE", live: true, allowedAgentIds: [] },
    { id: "draft", name: "Loyalty", visibility: "PUBLIC", live: false, allowedAgentIds: [] },
  ],
};

const policy = compilePolicy(snapshot);
const switchedOff = compilePolicy({ ...snapshot, screenReadingAllowed: false, version: 8 });

const agents: Record<string, DecisionAgent> = {
  nobody: { id: "nobody", isTest: false },
  trusted: { id: "trusted", isTest: false },
  blocked: { id: "blocked", isTest: false },
  torn: { id: "torn", isTest: false },
  partner: { id: "partner", isTest: false },
  granted: { id: "granted", isTest: false },
  tester: { id: "tester", isTest: true },
  "granted-tester": { id: "granted-tester", isTest: true },
  "blocked-tester": { id: "blocked-tester", isTest: true },
};

type Expected = [allow: boolean, reason: DecisionReason, ruleId: string | null];

describe("decide: screen_read", () => {
  const cases: Array<[what: string, agent: string, path: string, expected: Expected]> = [
    // no rule matches: the switch (on) is the default
    ["unmatched path is allowed by default", "nobody", "/", [true, "default_allow", null]],
    ["unmatched page", "nobody", "/about", [true, "default_allow", null]],
    // broad deny, specific allow inside it, and the other way round
    ["broad deny", "nobody", "/checkout/pay", [false, "path_denied", "checkout-deny"]],
    ["** covers its base path", "nobody", "/checkout", [false, "path_denied", "checkout-deny"]],
    ["specific allow inside broad deny", "nobody", "/checkout/cart", [true, "path_allowed", "cart-allow"]],
    ["below the specific allow is the broad deny again", "nobody", "/checkout/cart/edit", [false, "path_denied", "checkout-deny"]],
    ["broad allow", "nobody", "/menu/latte", [true, "path_allowed", "menu-allow"]],
    ["specific deny inside broad allow", "nobody", "/menu/secret/recipe", [false, "path_denied", "menu-secret-deny"]],
    ["* matches one segment only", "nobody", "/menu/secret/recipe/2", [true, "path_allowed", "menu-allow"]],
    ["* is not zero segments", "nobody", "/menu/secret", [true, "path_allowed", "menu-allow"]],
    // * beats **
    ["* beats ** on one segment", "nobody", "/promo/summer", [true, "path_allowed", "promo-one-allow"]],
    ["** alone on two segments", "nobody", "/promo/summer/day1", [false, "path_denied", "promo-deny"]],
    ["** alone on the base path", "nobody", "/promo", [false, "path_denied", "promo-deny"]],
    // literal beats wildcard; equal specificity ties go to DENY
    ["more literals win", "nobody", "/orders/42/pay", [true, "path_allowed", "orders-pay-allow"]],
    ["fewer literals lose elsewhere", "nobody", "/orders/42", [false, "path_denied", "orders-deny"]],
    ["tie between different patterns → deny", "nobody", "/shop/vip/items", [false, "path_denied", "shop-vip-deny"]],
    ["no tie elsewhere", "nobody", "/shop/regular/items", [true, "path_allowed", "shop-items-allow"]],
    ["same pattern allowed and denied → deny", "nobody", "/help", [false, "path_denied", "help-deny"]],
    // exact patterns
    ["exact pattern", "nobody", "/account", [false, "path_denied", "account-deny"]],
    ["exact pattern is not a prefix", "nobody", "/account/settings", [true, "default_allow", null]],
    ["exact pattern is not a string prefix", "nobody", "/accounts", [true, "default_allow", null]],
    // trailing slashes, duplicate slashes, dot segments
    ["trailing slash", "nobody", "/account/", [false, "path_denied", "account-deny"]],
    ["duplicate slashes", "nobody", "//checkout//pay", [false, "path_denied", "checkout-deny"]],
    ["dot segment", "nobody", "/./checkout/./pay", [false, "path_denied", "checkout-deny"]],
    ["dot-dot climbing into a denied area", "nobody", "/menu/../checkout/pay", [false, "path_denied", "checkout-deny"]],
    ["dot-dot climbing out of a denied area", "nobody", "/checkout/../menu/latte", [true, "path_allowed", "menu-allow"]],
    ["dot-dot never escapes the root", "nobody", "/../../account", [false, "path_denied", "account-deny"]],
    ["query and fragment are ignored", "nobody", "/account?tab=1#x", [false, "path_denied", "account-deny"]],
    // percent-encoding
    ["encoded letter", "nobody", "/check%6Fut/pay", [false, "path_denied", "checkout-deny"]],
    ["lower-case hex escape", "nobody", "/check%6fut/pay", [false, "path_denied", "checkout-deny"]],
    ["encoded dot-dot", "nobody", "/menu/%2e%2e/checkout/pay", [false, "path_denied", "checkout-deny"]],
    ["encoded slash is data, not a separator", "nobody", "/checkout%2Fpay", [true, "default_allow", null]],
    ["encoded unicode page", "nobody", "/%E4%BC%9A%E5%91%98/card", [false, "path_denied", "members-deny"]],
    ["raw unicode page", "nobody", "/会员", [false, "path_denied", "members-deny"]],
    ["invalid encoding", "nobody", "/checkout/%zz", [false, "invalid_path", null]],
    ["truncated UTF-8", "nobody", "/checkout/%E4%BC", [false, "invalid_path", null]],
    ["encoded NUL", "nobody", "/account%00", [false, "invalid_path", null]],
    ["not a path", "nobody", "checkout", [false, "invalid_path", null]],
    ["empty path", "nobody", "", [false, "invalid_path", null]],
    // case-sensitive
    ["other case is another page", "nobody", "/Checkout/pay", [true, "default_allow", null]],
    ["other case under an allow", "nobody", "/MENU/secret/x", [true, "default_allow", null]],
    // a rule with an invalid pattern is skipped, not matched literally
    ["invalid stored pattern is ignored", "nobody", "/bad**", [true, "default_allow", null]],
    // agent rules
    ["agent denied everywhere", "blocked", "/menu/latte", [false, "agent_denied", "blocked-read"]],
    ["agent denied on an unmatched page", "blocked", "/about", [false, "agent_denied", "blocked-read"]],
    ["agent deny beats invalid path", "blocked", "%zz", [false, "agent_denied", "blocked-read"]],
    ["trusted agent is exempt from path denies", "trusted", "/checkout/pay", [true, "agent_allowed", "trusted-read"]],
    ["trusted agent on an unmatched page", "trusted", "/about", [true, "agent_allowed", "trusted-read"]],
    ["trusted agent still needs a valid path", "trusted", "/a%zz", [false, "invalid_path", null]],
    ["agent both allowed and denied → deny", "torn", "/menu/latte", [false, "agent_denied", "torn-deny"]],
    ["skill-call rules do not affect screen reading", "granted", "/checkout/pay", [false, "path_denied", "checkout-deny"]],
    ["test agents get no exemption", "tester", "/checkout/pay", [false, "path_denied", "checkout-deny"]],
  ];

  it.each(cases)("%s (%s on %s)", (_what, agent, requestPath, [allow, reason, ruleId]) => {
    const decision = decide(policy, { agent: agents[agent]!, action: "screen_read", path: requestPath });
    expect({ allow: decision.allow, reason: decision.reason, ruleId: decision.rule?.id ?? null }).toEqual({
      allow,
      reason,
      ruleId,
    });
    expect(decision.ttlSeconds).toBe(allow ? ALLOW_TTL_SECONDS : DENY_TTL_SECONDS);
    expect(decision.policyVersion).toBe(7);
  });

  it.each([
    ["nobody", "/menu/latte", "screen_reading_disabled", null],
    ["nobody", "/about", "screen_reading_disabled", null],
    ["trusted", "/about", "screen_reading_disabled", null],
    ["blocked", "/about", "agent_denied", "blocked-read"],
  ])("switched off: %s on %s → %s", (agent, requestPath, reason, ruleId) => {
    const decision = decide(switchedOff, { agent: agents[agent]!, action: "screen_read", path: requestPath });
    expect(decision).toMatchObject({ allow: false, reason, policyVersion: 8, ttlSeconds: DENY_TTL_SECONDS });
    expect(decision.rule?.id ?? null).toBe(ruleId);
  });

  it("reports the deciding rule with its canonical pattern and the canonical path", () => {
    const decision = decide(policy, { agent: agents.nobody!, action: "screen_read", path: "/check%6Fut//pay/" });
    expect(decision).toEqual({
      allow: false,
      action: "screen_read",
      reason: "path_denied",
      rule: { id: "checkout-deny", kind: "PATH", pattern: "/checkout/**" },
      policyVersion: 7,
      ttlSeconds: DENY_TTL_SECONDS,
      path: "/checkout/pay",
    });
  });

  it("reports agent rules without a pattern", () => {
    const decision = decide(policy, { agent: agents.trusted!, action: "screen_read", path: "/checkout" });
    expect(decision.rule).toEqual({ id: "trusted-read", kind: "AGENT_SCREEN_READ", pattern: null });
  });

  it("lists rules it could not compile", () => {
    expect(policy.invalidRules).toEqual([{ id: "broken", reason: expect.stringContaining("**") }]);
  });
});

describe("decide: skill_call", () => {
  const cases: Array<[what: string, agent: string, integration: string, expected: Expected]> = [
    ["public, any agent", "nobody", "pub", [true, "integration_public", null]],
    ["public, test agent", "tester", "pub", [true, "integration_public", null]],
    ["public, agent denied", "blocked", "pub", [false, "agent_denied", "blocked-call"]],
    ["public, agent with an allow rule", "granted", "pub", [true, "agent_allowed", "granted-call"]],
    ["screen-read deny does not block skill calls", "torn", "pub", [true, "integration_public", null]],
    ["allowlist, listed agent", "partner", "list", [true, "integration_allowlisted", null]],
    ["allowlist, unlisted agent", "nobody", "list", [false, "integration_not_allowlisted", null]],
    ["allowlist, unlisted test agent", "tester", "list", [false, "integration_not_allowlisted", null]],
    ["allowlist, merchant-wide grant", "granted", "list", [true, "agent_allowed", "granted-call"]],
    ["allowlist, agent denied", "blocked", "list", [false, "agent_denied", "blocked-call"]],
    ["private, test agent", "tester", "priv", [true, "integration_private_test_agent", null]],
    ["private, ordinary agent", "nobody", "priv", [false, "integration_private", null]],
    ["private, a grant does not open it", "granted", "priv", [false, "integration_private", null]],
    ["private, test agent with a grant", "granted-tester", "priv", [true, "integration_private_test_agent", null]],
    ["private, test agent denied", "blocked-tester", "priv", [false, "agent_denied", "blocked-tester-call"]],
    ["not live", "nobody", "draft", [false, "integration_not_live", null]],
    ["not live, even for a test agent", "tester", "draft", [false, "integration_not_live", null]],
    ["unknown integration", "nobody", "elsewhere", [false, "unknown_integration", null]],
    ["unknown integration for a denied agent", "blocked", "elsewhere", [false, "unknown_integration", null]],
    ["empty integration id", "nobody", "", [false, "unknown_integration", null]],
  ];

  it.each(cases)("%s (%s → %s)", (_what, agent, integrationId, [allow, reason, ruleId]) => {
    const decision = decide(policy, { agent: agents[agent]!, action: "skill_call", integrationId });
    expect({ allow: decision.allow, reason: decision.reason, ruleId: decision.rule?.id ?? null }).toEqual({
      allow,
      reason,
      ruleId,
    });
    expect(decision).toMatchObject({
      action: "skill_call",
      integrationId,
      policyVersion: 7,
      ttlSeconds: allow ? ALLOW_TTL_SECONDS : DENY_TTL_SECONDS,
    });
  });

  it("does not depend on the screen-reading switch", () => {
    const decision = decide(switchedOff, { agent: agents.nobody!, action: "skill_call", integrationId: "pub" });
    expect(decision).toMatchObject({ allow: true, reason: "integration_public", policyVersion: 8 });
  });
});
