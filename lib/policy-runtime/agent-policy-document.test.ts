import { describe, expect, it } from "vitest";
import type { PolicySnapshot } from "@/lib/policy/types";
import { agentPolicyEtag, buildAgentPolicyDocument, etagMatches } from "./agent-policy-document";

const snapshot: PolicySnapshot = {
  merchantId: "m1",
  merchantSlug: "lumen-coffee",
  version: 4,
  screenReadingAllowed: true,
  dataSharing: "ORDER_STATUS",
  rules: [
    { id: "r1", kind: "PATH", effect: "DENY", pattern: "/checkout/**" },
    { id: "r2", kind: "AGENT_SCREEN_READ", effect: "DENY", agentId: "a-tester" },
    { id: "r3", kind: "AGENT_SKILL_CALL", effect: "ALLOW", agentId: "a-aurora" },
  ],
  integrations: [
    { id: "i-public", name: "Order", visibility: "PUBLIC", live: true, allowedAgentIds: [] },
    { id: "i-list", name: "Loyalty", visibility: "ALLOWLIST", live: true, allowedAgentIds: ["a-aurora"] },
    { id: "i-private", name: "Beta", visibility: "PRIVATE", live: true, allowedAgentIds: [] },
    { id: "i-draft", name: "Draft", visibility: "PUBLIC", live: false, allowedAgentIds: [] },
  ],
};
const agentSlugs = new Map([
  ["a-tester", "sandbox-tester"],
  ["a-aurora", "aurora"],
]);

describe("buildAgentPolicyDocument", () => {
  it("lists rules with agent slugs and only live integrations", () => {
    const doc = buildAgentPolicyDocument(snapshot, { agentSlugs, audience: "agent" });
    expect(doc.merchant).toBe("lumen-coffee");
    expect(doc.policyVersion).toBe(4);
    expect(doc.screenReading.pathRules).toEqual([{ id: "r1", effect: "DENY", pattern: "/checkout/**" }]);
    expect(doc.screenReading.agentRules).toEqual([{ id: "r2", effect: "DENY", agent: "sandbox-tester" }]);
    expect(doc.skillCalls.agentRules).toEqual([{ id: "r3", effect: "ALLOW", agent: "aurora" }]);
    expect(doc.skillCalls.integrations).toEqual([
      { id: "i-public", name: "Order", visibility: "PUBLIC" },
      { id: "i-list", name: "Loyalty", visibility: "ALLOWLIST", allowedAgents: ["aurora"] },
    ]);
  });

  it("shows PRIVATE integrations to test agents only", () => {
    const doc = buildAgentPolicyDocument(snapshot, { agentSlugs, audience: "test-agent" });
    expect(doc.skillCalls.integrations.map((i) => i.id)).toEqual(["i-public", "i-list", "i-private"]);
  });
});

describe("ETags", () => {
  it("are strong, and change with the version, the audience and the bytes", () => {
    const tag = agentPolicyEtag("m1", 4, "agent", "{}");
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(agentPolicyEtag("m1", 4, "agent", "{}")).toBe(tag);
    expect(agentPolicyEtag("m1", 5, "agent", "{}")).not.toBe(tag);
    expect(agentPolicyEtag("m1", 4, "test-agent", "{}")).not.toBe(tag);
    expect(agentPolicyEtag("m1", 4, "agent", "{ }")).not.toBe(tag);
  });

  it("match If-None-Match lists, weak forms and *", () => {
    const tag = '"m1.v4.agent.abc"';
    expect(etagMatches(null, tag)).toBe(false);
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"other", W/${tag}`, tag)).toBe(true);
    expect(etagMatches("*", tag)).toBe(true);
    expect(etagMatches('"m1.v3.agent.abc"', tag)).toBe(false);
  });
});
