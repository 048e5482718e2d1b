import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFeeFen, computeFeeRefundFen } from "./fee";
import { computePreview, previewOrder, proposalApplies, type PreviewOrder, type ProposedRule } from "./what-if";

const order = (over: Partial<PreviewOrder>): PreviewOrder => ({
  channel: "AI_SKILL",
  agentId: "aurora",
  amountFen: 3_200n,
  refundedFen: 0n,
  feeFen: 160n,
  feeRefundedFen: 0n,
  cancelled: false,
  pricedByAgentRule: null,
  ...over,
});
const rule = (over: Partial<ProposedRule>): ProposedRule => ({ channel: "AI_SKILL", agentId: null, rateBps: 300, fixedFeeFen: 0n, ...over });

describe("what-if preview", () => {
  it("applies a channel rule to orders not priced by an agent override, and an override to its agent", () => {
    expect(proposalApplies(order({}), rule({}))).toBe(true);
    expect(proposalApplies(order({ pricedByAgentRule: "aurora" }), rule({}))).toBe(false);
    expect(proposalApplies(order({ pricedByAgentRule: "aurora" }), rule({ agentId: "aurora" }))).toBe(true);
    expect(proposalApplies(order({ agentId: "nova" }), rule({ agentId: "aurora" }))).toBe(false);
    expect(proposalApplies(order({ channel: "AI_SCREEN_READ" }), rule({}))).toBe(false);
  });

  it("prices the proposal with the ingest arithmetic, refunds included", () => {
    // 3 200 at 3.5 % = 112; half refunded gives back 56.
    expect(previewOrder(order({ refundedFen: 1_600n, feeRefundedFen: 80n }), rule({ rateBps: 350 }))).toEqual({ actualFen: 80n, proposedFen: 56n });
    expect(previewOrder(order({ cancelled: true }), rule({ rateBps: 350 }))).toEqual({ actualFen: 0n, proposedFen: 0n });
    // A fixed fee on a 1-fen verification charge is capped at the fen.
    expect(previewOrder(order({ amountFen: 1n, feeFen: 0n }), rule({ rateBps: 0, fixedFeeFen: 30n }))).toEqual({ actualFen: 0n, proposedFen: 1n });
  });

  it("totals are the sum of the lines, and unaffected orders cost the same under the proposal", () => {
    const orderArb = fc.record({
      channel: fc.constantFrom("AI_SKILL" as const, "AI_SCREEN_READ" as const),
      agentId: fc.constantFrom("aurora", "nova"),
      amountFen: fc.bigInt({ min: 1n, max: 10_000_000n }),
      refundShare: fc.integer({ min: 0, max: 10_000 }),
      rateBps: fc.integer({ min: 0, max: 10_000 }),
      cancelled: fc.boolean(),
      override: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), fc.integer({ min: 0, max: 10_000 }), fc.bigInt({ min: 0n, max: 200n }), fc.option(fc.constant("aurora"), { nil: null }), (specs, rateBps, fixedFeeFen, agentId) => {
        const orders = specs.map((s): PreviewOrder => {
          const feeFen = computeFeeFen({ amountFen: s.amountFen, rateBps: s.rateBps, fixedFeeFen: 0n });
          const refundedFen = (s.amountFen * BigInt(s.refundShare)) / 10_000n;
          return { channel: s.channel, agentId: s.agentId, amountFen: s.amountFen, refundedFen, feeFen, feeRefundedFen: computeFeeRefundFen({ feeFen, amountFen: s.amountFen, refundedFen }), cancelled: s.cancelled, pricedByAgentRule: s.override ? s.agentId : null };
        });
        const proposal = rule({ rateBps, fixedFeeFen, agentId });
        const preview = computePreview(orders, proposal);
        for (const field of ["orders", "grossFen", "actualFen", "proposedFen"] as const) expect(preview.lines.reduce((s, l) => s + l[field], 0n)).toBe(preview.totals[field]);
        const unaffected = orders.filter((o) => !o.cancelled && !proposalApplies(o, proposal));
        for (const o of unaffected) expect(previewOrder(o, proposal).proposedFen).toBe(o.feeFen - o.feeRefundedFen);
        expect(preview.totals.orders).toBe(BigInt(orders.filter((o) => !o.cancelled).length));
      }),
      { numRuns: 200 },
    );
  });
});
