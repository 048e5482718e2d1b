import { describe, expect, it } from "vitest";
import { decideSchema, queueFiltersSchema, suspendSchema } from "./review";

describe("review form schemas", () => {
  it("reads one or several reason checkboxes as a list", () => {
    expect(decideSchema.parse({ versionId: "v1", decision: "REJECTED", reasonCodes: "OTHER", message: "x" }).reasonCodes).toEqual(["OTHER"]);
    expect(decideSchema.parse({ versionId: "v1", decision: "REJECTED", reasonCodes: ["OTHER", "SCOPE_MISMATCH"] }).reasonCodes).toEqual(["OTHER", "SCOPE_MISMATCH"]);
    expect(decideSchema.parse({ versionId: "v1", decision: "APPROVED" })).toEqual({ versionId: "v1", decision: "APPROVED", reasonCodes: [], message: "" });
  });

  it("refuses a missing or unknown decision with a catalogue key", () => {
    const result = decideSchema.safeParse({ versionId: "v1", decision: "MAYBE" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("review.validation.decisionRequired");
  });

  it("ignores unknown queue filters instead of failing the page", () => {
    expect(queueFiltersSchema.parse({ kind: "SKILL", risk: "explosive", claim: "mine", extra: "1" })).toEqual({ kind: "SKILL", risk: undefined, claim: "mine", category: undefined });
  });

  it("needs a reason to suspend", () => {
    expect(suspendSchema.safeParse({ versionId: "v1", reason: "   " }).success).toBe(false);
  });
});
