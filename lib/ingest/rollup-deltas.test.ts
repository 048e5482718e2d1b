import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shanghaiDay, utcHour } from "../rollups/shanghai-day";
import { OrderRollupDeltas } from "./rollup-deltas";

describe("rollup delta buckets", () => {
  it("names each order's hour and Shanghai day as utcHour and shanghaiDay do, also when cached", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (times) => {
        const deltas = new OrderRollupDeltas();
        // Twice each: the second add of a bucket reads the cached name.
        for (const occurredAt of [...times, ...times]) {
          deltas.add({ merchantId: "m", channel: "ORGANIC", agentId: null, integrationId: null, paymentMethod: "STANDARD", isVerification: false, occurredAt }, { orders: 1n });
        }
        expect(new Set(deltas.hourlyRows().map((r) => r.bucket))).toEqual(new Set(times.map(utcHour)));
        expect(new Set(deltas.dailyRows().map((r) => r.bucket))).toEqual(new Set(times.map(shanghaiDay)));
        const total = deltas.dailyRows().reduce((n, r) => n + r.orders, 0n);
        expect(total).toBe(BigInt(times.length * 2));
      }),
      { numRuns: 300 },
    );
  });

  it("puts the last millisecond before Shanghai midnight on the earlier day", () => {
    const deltas = new OrderRollupDeltas();
    const base = { merchantId: "m", channel: "ORGANIC" as const, agentId: null, integrationId: null, paymentMethod: "STANDARD" as const, isVerification: false };
    deltas.add({ ...base, occurredAt: new Date("2026-11-01T15:59:59.999Z") }, { orders: 1n });
    deltas.add({ ...base, occurredAt: new Date("2026-11-01T16:00:00.000Z") }, { orders: 1n });
    expect(deltas.dailyRows().map((r) => r.bucket)).toEqual(["2026-11-01", "2026-11-02"]);
    expect(deltas.hourlyRows().map((r) => r.bucket)).toEqual(["2026-11-01T15:00:00.000Z", "2026-11-01T16:00:00.000Z"]);
  });

  it("sums a full batch of the largest amounts exactly, and refuses a sum beyond 2^53 instead of rounding it", () => {
    const deltas = new OrderRollupDeltas();
    const base = { merchantId: "m", channel: "ORGANIC" as const, agentId: null, integrationId: null, paymentMethod: "STANDARD" as const, isVerification: false, occurredAt: new Date("2026-11-01T00:00:00Z") };
    for (let i = 0; i < 1_000; i++) deltas.add(base, { orders: 1n, gmvFen: 100_000_000_000n - BigInt(i), feeFen: 3_500_000_000n });
    deltas.add(base, { refundsFen: 7n, gmvFen: -1n });
    const [row] = deltas.hourlyRows();
    expect(row).toMatchObject({ orders: 1000n, gmvFen: 100_000_000_000_000n - 499_500n - 1n, feeFen: 3_500_000_000_000n, refundsFen: 7n, cancelledOrders: 0n });
    const huge = new OrderRollupDeltas();
    huge.add(base, { gmvFen: 2n ** 53n });
    expect(() => huge.dailyRows()).toThrow(/not a safe integer/);
  });
});
