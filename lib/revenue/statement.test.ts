import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Channel, PaymentMethod } from "../generated/prisma/enums";
import { feeAtIngest } from "../ingest/order-fee";
import { computeFeeFen, computeFeeRefundFen, type RuleVersion } from "./fee";
import { addPeriods, periodOf } from "./period";
import { bookingPeriod, compareStatement, computeStatement, type LedgerOrder, type StatementFigures } from "./statement";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1) - 8 * HOUR; // 2026-01-01 00:00 Asia/Shanghai
const SPAN = 120 * 24 * HOUR; // four months and a bit
const channels: Channel[] = ["ORGANIC", "AI_SKILL", "AI_SCREEN_READ"];
const methods: PaymentMethod[] = ["STANDARD", "AI_WALLET", "TOKEN_PAY"];
const agents = ["aurora", "nova", "atlas"];

const ruleArb = fc.record({
  channel: fc.constantFrom<Channel>("AI_SKILL", "AI_SCREEN_READ", "ORGANIC"),
  agent: fc.option(fc.constantFrom(...agents), { nil: null }),
  rateBps: fc.integer({ min: 0, max: 10_000 }),
  fixedFeeFen: fc.bigInt({ min: 0n, max: 500n }),
  offset: fc.integer({ min: 0, max: SPAN }),
  cancelled: fc.boolean(),
});

const rulesArb = fc.array(ruleArb, { maxLength: 8 }).map((specs) =>
  specs.map(
    (s, i): RuleVersion => ({
      id: `r${i}`,
      channel: s.channel,
      agentId: s.channel === "ORGANIC" ? null : s.agent,
      rateBps: s.rateBps,
      fixedFeeFen: s.fixedFeeFen,
      effectiveFrom: new Date(START + s.offset),
      cancelledAt: s.cancelled ? new Date(START + s.offset - HOUR) : null,
      createdAt: new Date(START + i),
    }),
  ),
);

const orderSpecArb = fc.record({
  channel: fc.constantFrom(...channels),
  agent: fc.constantFrom(...agents),
  paymentMethod: fc.constantFrom(...methods),
  verification: fc.boolean(),
  amount: fc.bigInt({ min: 1n, max: 5_000_000n }),
  at: fc.integer({ min: 0, max: SPAN }),
  lag: fc.integer({ min: 0, max: 40 * 24 * HOUR }),
  refunds: fc.array(fc.record({ share: fc.integer({ min: 1, max: 10_000 }), after: fc.integer({ min: 0, max: 60 * 24 * HOUR }), lag: fc.integer({ min: 0, max: 40 * 24 * HOUR }) }), { maxLength: 3 }),
  cancel: fc.option(fc.record({ after: fc.integer({ min: 0, max: 60 * 24 * HOUR }), lag: fc.integer({ min: 0, max: 10 * 24 * HOUR }) }), { nil: null }),
});

type Spec = typeof orderSpecArb extends fc.Arbitrary<infer T> ? T : never;

/** An order as ingest would store it: fee from the rule in effect, refunds never beyond the amount. */
function toLedgerOrder(spec: Spec, rules: readonly RuleVersion[]): LedgerOrder {
  const amountFen = spec.verification ? 1n : spec.amount;
  const agentId = spec.channel === "ORGANIC" ? null : spec.agent;
  const occurredAt = new Date(START + spec.at);
  const { feeFen } = feeAtIngest(rules, { channel: spec.channel, agentId, occurredAt, amountFen });
  const receivedAt = new Date(occurredAt.getTime() + spec.lag);
  // Nothing about an order can arrive before the order itself.
  const notBefore = (t: number) => new Date(Math.max(t, receivedAt.getTime()));
  let left = amountFen;
  const refunds = [];
  for (const r of spec.refunds) {
    const amount = (amountFen * BigInt(r.share)) / 10_000n;
    const take = amount > left ? left : amount;
    if (take <= 0n) continue;
    left -= take;
    const at = new Date(occurredAt.getTime() + r.after);
    refunds.push({ amountFen: take, at, receivedAt: notBefore(at.getTime() + r.lag) });
  }
  const cancelled = refunds.length === 0 && spec.cancel ? { at: new Date(occurredAt.getTime() + spec.cancel.after), receivedAt: notBefore(occurredAt.getTime() + spec.cancel.after + spec.cancel.lag) } : null;
  return { channel: spec.channel, agentId, paymentMethod: spec.paymentMethod, amountFen, feeFen, occurredAt, receivedAt, refunds, cancelled };
}

const worldArb = fc.tuple(rulesArb, fc.array(orderSpecArb, { maxLength: 40 })).map(([rules, specs]) => ({ rules, orders: specs.map((s) => toLedgerOrder(s, rules)) }));

/** Every period any booking of these orders can land in. */
function periodsOf(orders: readonly LedgerOrder[]): string[] {
  const all = new Set<string>();
  for (const o of orders) {
    for (const t of [o.occurredAt, o.receivedAt, ...o.refunds.flatMap((r) => [r.at, r.receivedAt]), ...(o.cancelled ? [o.cancelled.at, o.cancelled.receivedAt] : [])]) all.add(periodOf(t));
  }
  return [...all].sort();
}

const figureFields = ["orders", "grossFen", "refundsFen", "feeFen", "feeRefundedFen", "platformShareFen", "netPayoutFen"] as const satisfies readonly (keyof StatementFigures)[];

/** Closing arbitrary months at arbitrary times, as the close action would. */
const closingsArb = fc.array(fc.record({ month: fc.integer({ min: 0, max: 4 }), after: fc.integer({ min: 0, max: 30 * 24 * HOUR }) }), { maxLength: 3 });
function closedMap(closings: readonly { month: number; after: number }[]): Map<string, Date> {
  const map = new Map<string, Date>();
  for (const c of closings) {
    const period = addPeriods("2026-01", c.month);
    const end = Date.UTC(2026, c.month + 1, 1) - 8 * HOUR;
    map.set(period, new Date(end + c.after));
  }
  return map;
}

describe("statements (property-based)", () => {
  it("lines add up exactly to the totals, and net payout = gross − refunds − platform share", () => {
    fc.assert(
      fc.property(worldArb, closingsArb, ({ orders }, closings) => {
        const closed = closedMap(closings);
        for (const period of periodsOf(orders)) {
          const { totals, lines } = computeStatement(orders, period, closed);
          for (const field of figureFields) expect(lines.reduce((sum, l) => sum + l[field], 0n)).toBe(totals[field]);
          for (const f of [totals, ...lines]) {
            expect(f.platformShareFen).toBe(f.feeFen - f.feeRefundedFen);
            expect(f.netPayoutFen).toBe(f.grossFen - f.refundsFen - f.platformShareFen);
          }
          expect(totals.tokenPayFen + totals.aiWalletFen).toBeLessThanOrEqual(totals.grossFen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("loses and creates no fen: over all months, the share is Σ fee − fee refunds of the orders", () => {
    fc.assert(
      fc.property(worldArb, closingsArb, ({ orders }, closings) => {
        const closed = closedMap(closings);
        const sum = { orders: 0n, grossFen: 0n, refundsFen: 0n, platformShareFen: 0n, tokenPayFen: 0n, aiWalletFen: 0n };
        for (const period of periodsOf(orders)) {
          const { totals } = computeStatement(orders, period, closed);
          for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += totals[k];
        }
        let fees = 0n;
        let refunds = 0n;
        let tokenPay = 0n;
        for (const o of orders) {
          const refunded = o.cancelled ? o.amountFen : o.refunds.reduce((s, r) => s + r.amountFen, 0n);
          // The order's stored feeRefundedFen after all its refunds (a cancellation gives all back).
          const feeRefunded = o.cancelled ? o.feeFen : computeFeeRefundFen({ feeFen: o.feeFen, amountFen: o.amountFen, refundedFen: refunded });
          fees += o.feeFen - feeRefunded;
          refunds += refunded;
          if (o.paymentMethod === "TOKEN_PAY") tokenPay += o.amountFen - refunded;
          expect(o.feeFen).toBeLessThanOrEqual(o.amountFen); // the cap: never more than the order
        }
        expect(sum.orders).toBe(BigInt(orders.length));
        expect(sum.grossFen).toBe(orders.reduce((s, o) => s + o.amountFen, 0n));
        expect(sum.refundsFen).toBe(refunds);
        expect(sum.platformShareFen).toBe(fees);
        expect(sum.tokenPayFen).toBe(tokenPay);
      }),
      { numRuns: 300 },
    );
  });

  it("a closed month never changes: events received after closing move to the month they arrived in", () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 20 * 24 * HOUR }), ({ orders }, month, after) => {
        const period = addPeriods("2026-01", month);
        const closedAt = new Date(Date.UTC(2026, month + 1, 1) - 8 * HOUR + after);
        // What the close transaction saw: only what had been received by then.
        const known = orders
          .filter((o) => o.receivedAt <= closedAt)
          .map((o) => ({
            ...o,
            refunds: o.refunds.filter((r) => r.receivedAt <= closedAt),
            cancelled: o.cancelled && o.cancelled.receivedAt <= closedAt ? o.cancelled : null,
          }));
        const frozen = computeStatement(known, period);
        const later = computeStatement(orders, period, new Map([[period, closedAt]]));
        expect(compareStatement({ totals: frozen.totals, lines: frozen.lines }, later)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a rule version never alters the fees of orders before its effective time", () => {
    fc.assert(
      fc.property(worldArb, ruleArb, ({ rules, orders }, extra) => {
        const added: RuleVersion = {
          id: "new",
          channel: extra.channel,
          agentId: extra.channel === "ORGANIC" ? null : extra.agent,
          rateBps: extra.rateBps,
          fixedFeeFen: extra.fixedFeeFen,
          effectiveFrom: new Date(START + extra.offset),
          cancelledAt: null,
          createdAt: new Date(START + 1_000),
        };
        for (const o of orders) {
          const before = feeAtIngest(rules, { ...o, amountFen: o.amountFen });
          const after = feeAtIngest([...rules, added], { ...o, amountFen: o.amountFen });
          if (o.occurredAt < added.effectiveFrom) expect(after).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("statement examples", () => {
  const at = (iso: string) => new Date(iso);
  const order = (over: Partial<LedgerOrder>): LedgerOrder => ({
    channel: "AI_SKILL",
    agentId: "aurora",
    paymentMethod: "TOKEN_PAY",
    amountFen: 3_200n,
    feeFen: 160n,
    occurredAt: at("2026-03-31T15:00:00Z"), // 23:00 on 31 March in Shanghai
    receivedAt: at("2026-03-31T15:00:01Z"),
    refunds: [],
    cancelled: null,
    ...over,
  });

  it("books the order in its month and a refund in the month the refund happened", () => {
    const o = order({ refunds: [{ amountFen: 1_600n, at: at("2026-03-31T16:30:00Z"), receivedAt: at("2026-03-31T16:30:01Z") }] }); // 00:30 on 1 April
    const march = computeStatement([o], "2026-03");
    const april = computeStatement([o], "2026-04");
    expect(march.totals).toMatchObject({ orders: 1n, grossFen: 3_200n, refundsFen: 0n, platformShareFen: 160n, netPayoutFen: 3_040n, tokenPayFen: 3_200n });
    expect(april.totals).toMatchObject({ orders: 0n, grossFen: 0n, refundsFen: 1_600n, platformShareFen: -80n, netPayoutFen: -1_520n, tokenPayFen: -1_600n });
  });

  it("moves an event received after its month was closed to the month it arrived in", () => {
    const o = order({ receivedAt: at("2026-04-03T00:00:00Z") });
    const closed = new Map([["2026-03", at("2026-04-02T00:00:00Z")]]);
    expect(computeStatement([o], "2026-03", closed).totals.orders).toBe(0n);
    expect(computeStatement([o], "2026-04", closed).totals.orders).toBe(1n);
    expect(bookingPeriod(o.occurredAt, o.receivedAt, new Map())).toBe("2026-03");
  });

  it("splits the fee refund across months so that they add up to the order's fee refund", () => {
    // fee 3 on 2 fen: a 1-fen refund gives back round(1.5) = 2, the second 1 fen the last 1.
    const o = order({ amountFen: 2n, feeFen: 3n, refunds: [
      { amountFen: 1n, at: at("2026-04-05T00:00:00Z"), receivedAt: at("2026-04-05T00:00:00Z") },
      { amountFen: 1n, at: at("2026-05-05T00:00:00Z"), receivedAt: at("2026-05-05T00:00:00Z") },
    ] });
    expect(computeStatement([o], "2026-04").totals.feeRefundedFen).toBe(2n);
    expect(computeStatement([o], "2026-05").totals.feeRefundedFen).toBe(1n);
  });

  it("a fixed fee on a 1-fen verification charge is capped at 1 fen", () => {
    const fee = computeFeeFen({ amountFen: 1n, rateBps: 200, fixedFeeFen: 50n });
    const o = order({ amountFen: 1n, feeFen: fee });
    expect(computeStatement([o], "2026-03").totals).toMatchObject({ platformShareFen: 1n, netPayoutFen: 0n });
  });

  it("reports where a stored statement differs from a recomputation", () => {
    const fresh = computeStatement([order({})], "2026-03");
    const stored = { totals: { ...fresh.totals, grossFen: 3_201n }, lines: fresh.lines };
    expect(compareStatement(stored, fresh)).toEqual([{ where: "total", field: "grossFen", stored: 3_201n, recomputed: 3_200n }]);
  });
});
