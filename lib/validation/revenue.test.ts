import { describe, expect, it } from "vitest";
import { previewRuleSchema, scheduleRuleSchema } from "./revenue";

describe("revenue forms", () => {
  it("parses rate and fixed fee text exactly, and the agent as optional", () => {
    expect(scheduleRuleSchema.parse({ channel: "AI_SKILL", agentId: "", ratePercent: "3.5", fixedFeeYuan: "0.5", effectiveDate: "2026-12-01" })).toEqual({
      channel: "AI_SKILL",
      agentId: null,
      rateBps: 350,
      fixedFeeFen: 50n,
      effectiveDate: "2026-12-01",
    });
  });
  it("refuses rates over 100 %, bad fees, organic overrides and bad periods with catalogue keys", () => {
    const messages = (input: Record<string, string>) => {
      const r = previewRuleSchema.safeParse({ channel: "AI_SKILL", ratePercent: "3", from: "2026-10-01", to: "2026-10-31", ...input });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({ ratePercent: "100.5" })).toEqual(["revenue.validation.rate"]);
    expect(messages({ fixedFeeYuan: "-1" })).toEqual(["revenue.validation.fixedFee"]);
    expect(messages({ channel: "ORGANIC", agentId: "aurora" })).toEqual(["revenue.validation.organicOverride"]);
    expect(messages({ to: "2026-09-30" })).toEqual(["revenue.validation.periodOrder"]);
    expect(messages({ from: "2025-01-01", to: "2026-10-31" })).toEqual(["revenue.validation.periodTooLong"]);
    expect(messages({})).toEqual([]);
  });

  it("refuses dates outside 2000–2099 (a far-future end once made the preview fail)", () => {
    const r = previewRuleSchema.safeParse({ channel: "AI_SKILL", ratePercent: "3", from: "9999-12-01", to: "9999-12-31" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["from", "to"]));
  });
});
