import { describe, expect, it } from "vitest";
import {
  agentRuleInputSchema,
  decisionQuerySchema,
  integrationVisibilitySchema,
  pathRuleInputSchema,
  policySettingsSchema,
} from "./policy";

function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
}

describe("decisionQuerySchema", () => {
  it("parses a screen-read query and canonicalises the path", () => {
    expect(
      decisionQuerySchema.parse({ merchant: "lucky-coffee", agent: "assistant", action: "screen_read", path: "/check%6Fut//pay/" }),
    ).toEqual({ merchant: "lucky-coffee", agent: "assistant", action: "screen_read", path: "/checkout/pay" });
  });

  it("parses a skill-call query and drops the unused path", () => {
    expect(
      decisionQuerySchema.parse({ merchant: "m", agent: "a", action: "skill_call", integration: "int_1", path: "/x" }),
    ).toEqual({ merchant: "m", agent: "a", action: "skill_call", integration: "int_1" });
  });

  it.each([
    [{ agent: "a", action: "screen_read", path: "/" }, "merchant", /merchant is required/],
    [{ merchant: "", agent: "a", action: "screen_read", path: "/" }, "merchant", /merchant is required/],
    [{ merchant: "m m", agent: "a", action: "screen_read", path: "/" }, "merchant", /must be a slug/],
    [{ merchant: "m", action: "screen_read", path: "/" }, "agent", /agent is required/],
    [{ merchant: "m", agent: "a".repeat(65), action: "screen_read", path: "/" }, "agent", /longer than 64/],
    [{ merchant: "m", agent: "a", path: "/" }, "action", /screen_read or skill_call/],
    [{ merchant: "m", agent: "a", action: "read", path: "/" }, "action", /screen_read or skill_call/],
    [{ merchant: "m", agent: "a", action: "screen_read" }, "path", /path is required when action is screen_read/],
    [{ merchant: "m", agent: "a", action: "screen_read", path: "" }, "path", /path is required/],
    [{ merchant: "m", agent: "a", action: "screen_read", path: "checkout" }, "path", /must start with "\/"/],
    [{ merchant: "m", agent: "a", action: "screen_read", path: "/a%zz" }, "path", /invalid percent-encoding/],
    [{ merchant: "m", agent: "a", action: "skill_call" }, "integration", /integration is required when action is skill_call/],
    [{ merchant: "m", agent: "a", action: "skill_call", integration: "" }, "integration", /integration is required/],
    [{ merchant: "m", agent: "a", action: "skill_call", integration: "x".repeat(129) }, "integration", /longer than 128/],
  ])("refuses %j with a message on %s", (query, field, message) => {
    const found = issues(decisionQuerySchema.safeParse(query));
    expect(found).toContainEqual([field, expect.stringMatching(message)]);
  });
});

describe("pathRuleInputSchema", () => {
  it("stores the canonical pattern", () => {
    expect(pathRuleInputSchema.parse({ effect: "DENY", pattern: "  /checkout/**/ " })).toEqual({
      effect: "DENY",
      pattern: "/checkout/**",
    });
  });

  it.each([
    ["", "visibility.validation.patternRequired"],
    ["checkout", "visibility.validation.patternNotAbsolute"],
    ["/checkout**", "visibility.validation.patternGlobstar"],
    ["/item-*", "visibility.validation.patternPartialWildcard"],
    ["/a/../b", "visibility.validation.patternDotSegment"],
    ["/a?b", "visibility.validation.patternQuery"],
    ["/a%zz", "visibility.validation.patternEncoding"],
    ["/" + "a".repeat(300), "visibility.validation.patternTooLong"],
  ])("refuses pattern %j with %s", (pattern, key) => {
    expect(issues(pathRuleInputSchema.safeParse({ effect: "ALLOW", pattern }))).toEqual([["pattern", key]]);
  });

  it("requires an effect", () => {
    expect(issues(pathRuleInputSchema.safeParse({ pattern: "/a" }))).toEqual([["effect", "visibility.validation.effectRequired"]]);
  });
});

describe("agentRuleInputSchema", () => {
  it("accepts an agent rule", () => {
    expect(agentRuleInputSchema.parse({ kind: "AGENT_SKILL_CALL", effect: "DENY", agentId: "agent_1" })).toEqual({
      kind: "AGENT_SKILL_CALL",
      effect: "DENY",
      agentId: "agent_1",
    });
  });

  it("refuses a PATH kind and a missing agent", () => {
    expect(issues(agentRuleInputSchema.safeParse({ kind: "PATH", effect: "ALLOW", agentId: "" }))).toEqual([
      ["kind", "visibility.validation.kindRequired"],
      ["agentId", "visibility.validation.agentRequired"],
    ]);
  });
});

describe("policySettingsSchema", () => {
  it.each([
    [{ screenReadingAllowed: "on", dataSharing: "NONE" }, true],
    [{ dataSharing: "NONE" }, false],
    [{ screenReadingAllowed: false, dataSharing: "NONE" }, false],
    [{ screenReadingAllowed: true, dataSharing: "NONE" }, true],
    [{ screenReadingAllowed: "false", dataSharing: "NONE" }, false],
  ])("%j → screen reading %s", (input, allowed) => {
    expect(policySettingsSchema.parse(input).screenReadingAllowed).toBe(allowed);
  });

  it("refuses an unknown data-sharing level and a junk switch", () => {
    expect(issues(policySettingsSchema.safeParse({ screenReadingAllowed: "yes", dataSharing: "ALL" }))).toEqual([
      ["screenReadingAllowed", "visibility.validation.switchInvalid"],
      ["dataSharing", "visibility.validation.dataSharingRequired"],
    ]);
  });
});

describe("integrationVisibilitySchema", () => {
  it("accepts one agent from a form as a list, and removes duplicates", () => {
    expect(integrationVisibilitySchema.parse({ integrationId: "i", visibility: "ALLOWLIST", allowedAgentIds: "a" }).allowedAgentIds).toEqual(["a"]);
    expect(
      integrationVisibilitySchema.parse({ integrationId: "i", visibility: "ALLOWLIST", allowedAgentIds: ["a", "b", "a"] }).allowedAgentIds,
    ).toEqual(["a", "b"]);
    expect(integrationVisibilitySchema.parse({ integrationId: "i", visibility: "PUBLIC" }).allowedAgentIds).toEqual([]);
  });

  it("refuses an unknown visibility", () => {
    expect(issues(integrationVisibilitySchema.safeParse({ integrationId: "i", visibility: "SECRET" }))).toEqual([
      ["visibility", "visibility.validation.visibilityRequired"],
    ]);
  });
});
