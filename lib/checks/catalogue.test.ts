import { describe, expect, it } from "vitest";
import { finding, getRule, RULES } from "./catalogue";

describe("rule catalogue", () => {
  it("has unique, well-formed ids", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SG-(MCP|TOOL|SKILL)-\d{3}$/);
  });

  it("numbers each family 001, 002, ... without gaps", () => {
    for (const family of ["MCP", "TOOL", "SKILL"]) {
      const numbers = RULES.filter((r) => r.id.startsWith(`SG-${family}-`)).map((r) => Number(r.id.slice(-3)));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it("gives every rule a level and Chinese and English title and fix", () => {
    for (const r of RULES) {
      expect(["ERROR", "WARNING", "INFO"]).toContain(r.level);
      for (const text of [r.title.en, r.title.zh, r.fix.en, r.fix.zh]) expect(text.trim().length).toBeGreaterThan(3);
      expect(r.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.fix.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("builds findings with the rule's level and fix; a pass reads as the title", () => {
    const f = finding("SG-TOOL-001", true, { subject: "x" });
    expect(f).toEqual({ ruleId: "SG-TOOL-001", level: "ERROR", passed: true, message: getRule("SG-TOOL-001").title, fix: getRule("SG-TOOL-001").fix, subject: "x" });
    expect(() => getRule("SG-NOPE-001" as never)).toThrow(/Unknown rule/);
  });
});
