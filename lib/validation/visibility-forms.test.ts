import { describe, expect, it } from "vitest";
import { removeRuleSchema, simulateDecisionSchema } from "./visibility-forms";

const messages = (input: unknown) => {
  const result = simulateDecisionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("simulateDecisionSchema", () => {
  it("canonicalizes the path of a screen-reading question", () => {
    expect(simulateDecisionSchema.parse({ agentId: "a", action: "screen_read", path: " /checkout//pay/ " })).toEqual({
      agentId: "a",
      action: "screen_read",
      path: "/checkout/pay",
    });
  });

  it("asks for what each action needs, with catalogue keys", () => {
    expect(messages({ agentId: "a", action: "screen_read" })).toEqual(["path: visibility.validation.pathRequired"]);
    expect(messages({ agentId: "a", action: "screen_read", path: "checkout" })).toEqual(["path: visibility.validation.pathInvalid"]);
    expect(messages({ agentId: "a", action: "skill_call", path: "/x" })).toEqual(["integration: visibility.validation.integrationRequired"]);
    expect(messages({ action: "fly" })).toEqual(["agentId: visibility.validation.agentRequired", "action: visibility.validation.actionRequired"]);
    expect(simulateDecisionSchema.parse({ agentId: "a", action: "skill_call", integration: "i1" })).toEqual({ agentId: "a", action: "skill_call", integration: "i1" });
  });
});

describe("removeRuleSchema", () => {
  it("needs a rule id", () => {
    expect(removeRuleSchema.safeParse({}).success).toBe(false);
    expect(removeRuleSchema.parse({ ruleId: "r1" })).toEqual({ ruleId: "r1" });
  });
});
