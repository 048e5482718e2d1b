import { describe, expect, it } from "vitest";
import type { RuleVersion } from "./fee";
import { bpsToPercentText, canCancel, checkEffectiveDate, parsePercentToBps, ruleStates, scopeIsValid } from "./rules";

const at = (iso: string) => new Date(iso);
const rule = (id: string, over: Partial<RuleVersion>): RuleVersion => ({ id, channel: "AI_SKILL", agentId: null, rateBps: 500, fixedFeeFen: 0n, effectiveFrom: at("2026-09-01T00:00:00Z"), cancelledAt: null, ...over });

describe("revenue rules", () => {
  it("names the version in effect per channel and agent, the scheduled, past and cancelled ones", () => {
    const rules = [
      rule("old", {}),
      rule("now", { effectiveFrom: at("2026-10-01T00:00:00Z") }),
      rule("later", { effectiveFrom: at("2026-12-01T00:00:00Z") }),
      rule("dropped", { effectiveFrom: at("2026-12-05T00:00:00Z"), cancelledAt: at("2026-11-20T00:00:00Z") }),
      rule("aurora", { agentId: "aurora", effectiveFrom: at("2026-09-15T00:00:00Z") }),
      rule("screen", { channel: "AI_SCREEN_READ" }),
    ];
    const states = ruleStates(rules, at("2026-11-28T00:00:00Z"));
    expect(Object.fromEntries(states)).toEqual({ old: "past", now: "current", later: "scheduled", dropped: "cancelled", aurora: "current", screen: "current" });
  });

  it("lets only versions that have not started be cancelled", () => {
    const now = at("2026-11-28T00:00:00Z");
    expect(canCancel(rule("a", { effectiveFrom: at("2026-12-01T00:00:00Z") }), now)).toBe(true);
    expect(canCancel(rule("b", { effectiveFrom: at("2026-11-27T16:00:00Z") }), now)).toBe(false);
    expect(canCancel(rule("c", { effectiveFrom: at("2026-12-01T00:00:00Z"), cancelledAt: now }), now)).toBe(false);
  });

  it("accepts today or later in Asia/Shanghai and refuses past dates", () => {
    const now = at("2026-11-28T17:00:00Z"); // already 29 November, 01:00 in Shanghai
    expect(checkEffectiveDate("2026-11-28", now)).toEqual({ ok: false, reason: "past" });
    expect(checkEffectiveDate("2026-11-29", now)).toEqual({ ok: true, effectiveFrom: at("2026-11-28T16:00:00Z") });
    expect(checkEffectiveDate("2026-02-30", now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("parses percent text into basis points exactly", () => {
    expect(parsePercentToBps("3.5")).toBe(350);
    expect(parsePercentToBps("0.01")).toBe(1);
    expect(parsePercentToBps("100")).toBe(10_000);
    expect(parsePercentToBps("100.01")).toBeNull();
    expect(parsePercentToBps("3.555")).toBeNull();
    expect(parsePercentToBps("-1")).toBeNull();
    expect(bpsToPercentText(350)).toBe("3.5");
    expect(bpsToPercentText(305)).toBe("3.05");
    expect(bpsToPercentText(10_000)).toBe("100");
  });

  it("refuses agent overrides on the organic channel", () => {
    expect(scopeIsValid({ channel: "ORGANIC", agentId: "aurora" })).toBe(false);
    expect(scopeIsValid({ channel: "ORGANIC", agentId: null })).toBe(true);
  });
});
