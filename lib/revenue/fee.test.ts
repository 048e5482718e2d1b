import { describe, expect, it } from "vitest";
import { computeFeeFen, computeFeeRefundFen, divideHalfEven, pickRuleVersion, type RuleVersion } from "./fee";

describe("divideHalfEven", () => {
  it("rounds exact halves to the even neighbour", () => {
    expect(divideHalfEven(5n, 10n)).toBe(0n); // 0.5 → 0
    expect(divideHalfEven(15n, 10n)).toBe(2n); // 1.5 → 2
    expect(divideHalfEven(25n, 10n)).toBe(2n); // 2.5 → 2
    expect(divideHalfEven(35n, 10n)).toBe(4n); // 3.5 → 4
    expect(divideHalfEven(-25n, 10n)).toBe(-2n);
  });
  it("rounds non-halves to the nearest", () => {
    expect(divideHalfEven(14n, 10n)).toBe(1n);
    expect(divideHalfEven(16n, 10n)).toBe(2n);
    expect(divideHalfEven(5001n, 10_000n)).toBe(1n);
    expect(divideHalfEven(4999n, 10_000n)).toBe(0n);
  });
  it("refuses a non-positive denominator", () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow();
  });
});

describe("computeFeeFen", () => {
  it("applies basis points with half-to-even rounding on the fen", () => {
    // 100 fen at 50 bps = 0.5 fen → 0; 300 fen at 50 bps = 1.5 → 2; 500 fen at 50 bps = 2.5 → 2
    expect(computeFeeFen({ amountFen: 100n, rateBps: 50, fixedFeeFen: 0n })).toBe(0n);
    expect(computeFeeFen({ amountFen: 300n, rateBps: 50, fixedFeeFen: 0n })).toBe(2n);
    expect(computeFeeFen({ amountFen: 500n, rateBps: 50, fixedFeeFen: 0n })).toBe(2n);
    expect(computeFeeFen({ amountFen: 3_200n, rateBps: 500, fixedFeeFen: 0n })).toBe(160n);
    expect(computeFeeFen({ amountFen: 3_333n, rateBps: 350, fixedFeeFen: 0n })).toBe(117n); // 116.655
  });
  it("adds the fixed fee", () => {
    expect(computeFeeFen({ amountFen: 10_000n, rateBps: 200, fixedFeeFen: 50n })).toBe(250n);
  });
  it("caps the fee at the order amount (a fixed fee never exceeds a 1-fen verification charge)", () => {
    expect(computeFeeFen({ amountFen: 1n, rateBps: 0, fixedFeeFen: 5n })).toBe(1n);
    expect(computeFeeFen({ amountFen: 1n, rateBps: 300, fixedFeeFen: 0n })).toBe(0n);
    expect(computeFeeFen({ amountFen: 40n, rateBps: 200, fixedFeeFen: 50n })).toBe(40n);
    expect(computeFeeFen({ amountFen: 60n, rateBps: 0, fixedFeeFen: 50n })).toBe(50n);
    expect(computeFeeFen({ amountFen: 100n, rateBps: 10_000, fixedFeeFen: 1n })).toBe(100n);
  });
  it("stays exact for amounts far beyond 2^53", () => {
    const amountFen = 123_456_789_012_345_678_901n;
    expect(computeFeeFen({ amountFen, rateBps: 1, fixedFeeFen: 0n })).toBe(12_345_678_901_234_568n); // …567.8901
    expect(computeFeeFen({ amountFen: 10n ** 30n + 5_000n, rateBps: 1, fixedFeeFen: 0n })).toBe(10n ** 26n); // .5 → even
  });
  it("rejects fractional or negative rates", () => {
    expect(() => computeFeeFen({ amountFen: 100n, rateBps: 1.5, fixedFeeFen: 0n })).toThrow();
    expect(() => computeFeeFen({ amountFen: 100n, rateBps: -1, fixedFeeFen: 0n })).toThrow();
  });
});

describe("computeFeeRefundFen", () => {
  it("gives back the whole fee on a full refund and a rounded share on a partial one", () => {
    expect(computeFeeRefundFen({ feeFen: 161n, amountFen: 3_200n, refundedFen: 3_200n })).toBe(161n);
    expect(computeFeeRefundFen({ feeFen: 161n, amountFen: 3_200n, refundedFen: 1_600n })).toBe(80n); // 80.5 → 80
    expect(computeFeeRefundFen({ feeFen: 3n, amountFen: 2n, refundedFen: 1n })).toBe(2n); // 1.5 → 2
    expect(computeFeeRefundFen({ feeFen: 161n, amountFen: 3_200n, refundedFen: 0n })).toBe(0n);
  });
});

describe("pickRuleVersion", () => {
  const day = (d: number) => new Date(Date.UTC(2026, 8, d));
  const rule = (id: string, over: Partial<RuleVersion>): RuleVersion => ({
    id,
    channel: "AI_SKILL",
    agentId: null,
    rateBps: 500,
    fixedFeeFen: 0n,
    effectiveFrom: day(1),
    cancelledAt: null,
    ...over,
  });
  const rules = [
    rule("skill-500", {}),
    rule("skill-350", { rateBps: 350, effectiveFrom: day(15) }),
    rule("skill-100-cancelled", { rateBps: 100, effectiveFrom: day(20), cancelledAt: day(18) }),
    rule("aurora-200", { agentId: "aurora", rateBps: 200, effectiveFrom: day(5) }),
    rule("screen-300", { channel: "AI_SCREEN_READ", rateBps: 300 }),
  ];

  it("respects effectiveFrom", () => {
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: "x", at: day(14) })?.id).toBe("skill-500");
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: "x", at: day(15) })?.id).toBe("skill-350");
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: null, at: new Date(Date.UTC(2026, 7, 31)) })).toBeNull();
  });
  it("ignores a scheduled version cancelled before it would apply", () => {
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: "x", at: day(25) })?.id).toBe("skill-350");
  });
  it("applies a version until it is cancelled", () => {
    const r = [rule("a", {}), rule("b", { effectiveFrom: day(10), cancelledAt: day(12) })];
    expect(pickRuleVersion(r, { channel: "AI_SKILL", agentId: null, at: day(11) })?.id).toBe("b");
    expect(pickRuleVersion(r, { channel: "AI_SKILL", agentId: null, at: day(12) })?.id).toBe("a");
  });
  it("prefers an agent override once it is in effect", () => {
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: "aurora", at: day(4) })?.id).toBe("skill-500");
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: "aurora", at: day(5) })?.id).toBe("aurora-200");
    expect(pickRuleVersion(rules, { channel: "AI_SKILL", agentId: "aurora", at: day(30) })?.id).toBe("aurora-200");
    expect(pickRuleVersion(rules, { channel: "AI_SCREEN_READ", agentId: "aurora", at: day(30) })?.id).toBe("screen-300");
  });
  it("returns null for a channel without rules", () => {
    expect(pickRuleVersion(rules, { channel: "ORGANIC", agentId: null, at: day(30) })).toBeNull();
  });
  it("breaks ties on effectiveFrom by the later createdAt", () => {
    const r = [
      rule("first", { createdAt: day(1) }),
      rule("second", { rateBps: 10, createdAt: day(2) }),
    ];
    expect(pickRuleVersion(r, { channel: "AI_SKILL", agentId: null, at: day(3) })?.id).toBe("second");
    expect(pickRuleVersion([...r].reverse(), { channel: "AI_SKILL", agentId: null, at: day(3) })?.id).toBe("second");
  });
});
