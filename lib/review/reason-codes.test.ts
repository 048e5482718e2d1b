import { describe, expect, it } from "vitest";
import { RULES } from "@/lib/checks/catalogue";
import { checkDecision, getReasonCode, reasonCodes } from "./reason-codes";

describe("reason code catalogue", () => {
  it("has unique codes with both languages", () => {
    expect(new Set(reasonCodes.map((r) => r.code)).size).toBe(reasonCodes.length);
    for (const r of reasonCodes) {
      expect(r.en.length).toBeGreaterThan(5);
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("links only to rule ids that exist in the check catalogue", () => {
    const ids = new Set(RULES.map((r) => r.id as string));
    for (const r of reasonCodes) for (const id of r.ruleIds) expect(ids, `${r.code} → ${id}`).toContain(id);
    expect(getReasonCode("ANNOTATIONS_MISSING")?.ruleIds).toContain("SG-TOOL-008");
  });
});

describe("checkDecision", () => {
  it("refuses a change request or rejection without a reason", () => {
    expect(checkDecision("CHANGES_REQUESTED", [], "please fix")).toEqual({ ok: false, error: "reasonRequired" });
    expect(checkDecision("REJECTED", ["  ", ""], "no")).toEqual({ ok: false, error: "reasonRequired" });
  });

  it("refuses unknown codes", () => {
    expect(checkDecision("REJECTED", ["ANNOTATIONS_MISSING", "MADE_UP"], "")).toEqual({ ok: false, error: "unknownReason" });
  });

  it("needs a message for OTHER and POLICY_VIOLATION", () => {
    expect(checkDecision("CHANGES_REQUESTED", ["OTHER"], "   ")).toEqual({ ok: false, error: "messageRequired" });
    expect(checkDecision("REJECTED", ["POLICY_VIOLATION"], "Sells alcohol to minors")).toEqual({ ok: true, reasonCodes: ["POLICY_VIOLATION"], message: "Sells alcohol to minors" });
  });

  it("accepts known codes, dropping duplicates, keeping order, trimming the message", () => {
    expect(checkDecision("CHANGES_REQUESTED", ["SCHEMA_INVALID", "ANNOTATIONS_MISSING", "SCHEMA_INVALID"], "  Fix the schema. ")).toEqual({
      ok: true,
      reasonCodes: ["SCHEMA_INVALID", "ANNOTATIONS_MISSING"],
      message: "Fix the schema.",
    });
  });

  it("an approval carries no reason codes", () => {
    expect(checkDecision("APPROVED", [], "")).toEqual({ ok: true, reasonCodes: [], message: "" });
    expect(checkDecision("APPROVED", ["OTHER"], "x")).toEqual({ ok: false, error: "unknownReason" });
  });
});
