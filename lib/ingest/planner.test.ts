import { describe, expect, it } from "vitest";
import { shanghaiDay, utcHour } from "../rollups/shanghai-day";
import { classifyWithinBatch, repeatResult } from "./batch-identities";
import { applyOrderChanges, type OrderChange } from "./order-changes";
import { feeAtIngest } from "./order-fee";
import { OrderRollupDeltas, screenReadRollupRows } from "./rollup-deltas";
import type { OrderState } from "./types";

describe("classifyWithinBatch", () => {
  it("keeps first occurrences and marks repeats with or without the same body", () => {
    const { firsts, repeats } = classifyWithinBatch([
      { index: 0, key: "a", hash: "1" },
      { index: 1, key: "b", hash: "2" },
      { index: 2, key: "a", hash: "1" },
      { index: 3, key: "a", hash: "9" },
    ]);
    expect(firsts.map((f) => f.index)).toEqual([0, 1]);
    expect(repeats).toEqual([
      { index: 2, firstIndex: 0, sameBody: true },
      { index: 3, firstIndex: 0, sameBody: false },
    ]);
  });

  it("gives a same-body repeat the fate of its first occurrence", () => {
    const same = { index: 5, firstIndex: 1, sameBody: true };
    expect(repeatResult(same, { index: 1, status: "accepted" })).toEqual({ index: 5, status: "duplicate" });
    expect(repeatResult(same, { index: 1, status: "duplicate" })).toEqual({ index: 5, status: "duplicate" });
    const rejected = { index: 1, status: "rejected" as const, errors: [{ path: "refundedFen", message: "too much" }] };
    expect(repeatResult(same, rejected)).toEqual({ ...rejected, index: 5 });
    expect(repeatResult({ ...same, sameBody: false }, { index: 1, status: "accepted" }).status).toBe("conflict");
  });
});

const order = (over: Partial<OrderState> = {}): OrderState => ({
  id: "1",
  externalId: "X-1",
  merchantId: "m1",
  channel: "AI_SKILL",
  agentId: "a1",
  integrationId: "i1",
  paymentMethod: "AI_WALLET",
  isVerification: false,
  occurredAt: new Date("2026-11-01T15:59:00Z"),
  amountFen: 1000n,
  refundedFen: 0n,
  feeFen: 35n,
  feeRefundedFen: 0n,
  status: "PAID",
  ...over,
});
const refund = (index: number, refundedFen: bigint, sequence = index): OrderChange => ({
  index,
  orderKey: "k",
  event: { type: "REFUNDED", merchant: "m", externalId: "X-1", sequence, refundedFen, occurredAt: new Date("2026-11-05T00:00:00Z") },
});
const cancel = (index: number): OrderChange => ({ index, orderKey: "k", event: { type: "CANCELLED", merchant: "m", externalId: "X-1", sequence: 0, occurredAt: new Date("2026-11-05T00:00:00Z") } });

describe("applyOrderChanges", () => {
  it("applies partial refunds in order, refuses one beyond what remains, and refunds the fee on the running total", () => {
    const deltas = new OrderRollupDeltas();
    const { outcomes, updated } = applyOrderChanges(new Map([["k", order()]]), [refund(0, 300n), refund(1, 800n), refund(2, 700n)], deltas);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, errors: [{ path: "refundedFen", message: expect.stringMatching(/exceeds the 700 fen/) }] });
    expect(updated[0]).toMatchObject({ refundedFen: 1000n, status: "REFUNDED", feeRefundedFen: 35n });
    // 35 × 300 / 1000 = 10.5 → 10 (half to even); the rest, 25, comes back with the second refund.
    const [hour] = deltas.hourlyRows();
    expect(hour).toMatchObject({ bucket: "2026-11-01T15:00:00.000Z", refundsFen: 1000n, feeRefundedFen: 35n, orders: 0n });
  });

  it("books refunds on the original order's hour and Shanghai day, not the refund's", () => {
    const deltas = new OrderRollupDeltas();
    applyOrderChanges(new Map([["k", order()]]), [refund(0, 100n)], deltas);
    expect(deltas.hourlyRows()[0]?.bucket).toBe("2026-11-01T15:00:00.000Z");
    expect(deltas.dailyRows()[0]?.bucket).toBe("2026-11-01"); // 23:59 in Shanghai
  });

  it("cancels an unrefunded order (taking it out of orders, GMV and fees) and refuses what cannot apply", () => {
    const deltas = new OrderRollupDeltas();
    const { outcomes } = applyOrderChanges(new Map([["k", order()]]), [cancel(0), refund(1, 10n)], deltas);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(deltas.hourlyRows()[0]).toMatchObject({ orders: -1n, gmvFen: -1000n, cancelledOrders: 1n, feeFen: -35n });
    const refunded = applyOrderChanges(new Map([["k", order({ refundedFen: 5n, status: "PARTIALLY_REFUNDED" })]]), [cancel(0)], new OrderRollupDeltas());
    expect(refunded.outcomes[0]).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/has refunds/) }] });
    const unknown = applyOrderChanges(new Map(), [refund(0, 1n)], new OrderRollupDeltas());
    expect(unknown.outcomes[0]).toMatchObject({ ok: false, errors: [{ path: "externalId", message: expect.stringMatching(/send its CREATED event first/) }] });
  });
});

describe("feeAtIngest", () => {
  const rules = [
    { id: "general", channel: "AI_SKILL" as const, agentId: null, rateBps: 500, fixedFeeFen: 0n, effectiveFrom: new Date("2026-01-01Z"), cancelledAt: null },
    { id: "later", channel: "AI_SKILL" as const, agentId: null, rateBps: 350, fixedFeeFen: 2n, effectiveFrom: new Date("2026-06-01Z"), cancelledAt: null },
    { id: "aurora", channel: "AI_SKILL" as const, agentId: "aurora", rateBps: 200, fixedFeeFen: 0n, effectiveFrom: new Date("2026-01-01Z"), cancelledAt: null },
  ];
  it("uses the version in effect at occurredAt, agent override first, half-to-even", () => {
    const at = (iso: string, agentId: string | null = "x", amountFen = 1010n) => feeAtIngest(rules, { channel: "AI_SKILL", agentId, occurredAt: new Date(iso), amountFen });
    expect(at("2026-03-01Z")).toEqual({ revenueRuleId: "general", feeFen: 50n }); // 50.5 → 50
    expect(at("2026-03-01Z", "x", 1030n)).toEqual({ revenueRuleId: "general", feeFen: 52n }); // 51.5 → 52
    expect(at("2026-07-01Z")).toEqual({ revenueRuleId: "later", feeFen: 37n }); // 35.35 → 35, + 2
    expect(at("2026-07-01Z", "aurora")).toEqual({ revenueRuleId: "aurora", feeFen: 20n });
    expect(at("2025-12-31Z")).toEqual({ revenueRuleId: null, feeFen: 0n });
    expect(feeAtIngest(rules, { channel: "ORGANIC", agentId: null, occurredAt: new Date("2026-07-01Z"), amountFen: 100n })).toEqual({ revenueRuleId: null, feeFen: 0n });
  });
});

describe("rollup deltas", () => {
  it("sums a batch's changes per row, drops rows that net to zero, and sorts rows the same way every time", () => {
    const a = new OrderRollupDeltas();
    const b = new OrderRollupDeltas();
    const o1 = order();
    const o2 = order({ merchantId: "m0", occurredAt: new Date("2026-11-01T16:00:00Z") });
    a.add(o1, { orders: 1n, gmvFen: 1000n });
    a.add(o2, { orders: 1n });
    a.add(o1, { orders: 1n, gmvFen: 5n });
    b.add(o2, { orders: 1n });
    b.add(o1, { orders: 2n, gmvFen: 1005n });
    expect(a.hourlyRows()).toEqual(b.hourlyRows());
    expect(a.hourlyRows().map((r) => r.merchantId)).toEqual(["m0", "m1"]);
    expect(a.dailyRows().map((r) => r.bucket)).toEqual(["2026-11-02", "2026-11-01"]);
    const zero = new OrderRollupDeltas();
    zero.add(o1, { orders: 1n });
    zero.add(o1, { orders: -1n });
    expect(zero.hourlyRows()).toEqual([]);
  });

  it("groups screen-read sessions per Shanghai day, page, outcome and agent", () => {
    const base = { merchantId: "m", pagePath: "/pay", outcome: "TIMEOUT", agentId: "a", steps: 3, durationMs: 100, linked: false };
    const rows = screenReadRollupRows([
      { ...base, startedAt: new Date("2026-11-01T15:00:00Z") },
      { ...base, startedAt: new Date("2026-11-01T16:00:00Z"), linked: true },
      { ...base, startedAt: new Date("2026-11-02T10:00:00Z"), steps: 4 },
    ]);
    expect(rows).toEqual([
      { ...base, day: "2026-11-01", sessions: 1, steps: 3, durationMs: 100, linkedOrders: 0, linked: undefined },
      { ...base, day: "2026-11-02", sessions: 2, steps: 7, durationMs: 200, linkedOrders: 1, linked: undefined },
    ].map(({ linked: _l, ...r }) => r));
  });

  it("computes hours and Shanghai days of instants", () => {
    expect(utcHour(new Date("2026-11-01T15:59:59.999Z"))).toBe("2026-11-01T15:00:00.000Z");
    expect(shanghaiDay(new Date("2026-11-01T15:59:59.999Z"))).toBe("2026-11-01");
    expect(shanghaiDay(new Date("2026-11-01T16:00:00Z"))).toBe("2026-11-02");
    expect(shanghaiDay(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});
