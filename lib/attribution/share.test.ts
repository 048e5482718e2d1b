import { describe, expect, it } from "vitest";
import { averageFen, changeBps, lostValueFen, shareBps, sharesBps } from "./share";

describe("shareBps", () => {
  it("gives integer basis points, rounding half up", () => {
    expect(shareBps(1n, 3n)).toBe(3333);
    expect(shareBps(2n, 3n)).toBe(6667);
    expect(shareBps(1n, 8n)).toBe(1250);
    expect(shareBps(1n, 20_000n)).toBe(1); // 0.5 bp rounds up
    expect(shareBps(0n, 0n)).toBe(0);
  });

  it("stays exact beyond Number.MAX_SAFE_INTEGER", () => {
    const total = 9_007_199_254_740_993n * 4n;
    expect(shareBps(9_007_199_254_740_993n, total)).toBe(2500);
  });
});

describe("sharesBps", () => {
  it("sums to exactly 10 000 bp", () => {
    const shares = sharesBps([1n, 1n, 1n]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(shares).toEqual([3334, 3333, 3333]);
    expect(sharesBps([0n, 0n])).toEqual([0, 0]);
    expect(sharesBps([5n, 0n, 15n])).toEqual([2500, 0, 7500]);
  });
});

describe("changeBps", () => {
  it("is the relative change, null without a previous value", () => {
    expect(changeBps(150n, 100n)).toBe(5000);
    expect(changeBps(50n, 100n)).toBe(-5000);
    expect(changeBps(1n, 3n)).toBe(-6667);
    expect(changeBps(10n, 0n)).toBeNull();
  });
});

describe("averageFen and lostValueFen", () => {
  it("rounds once, after multiplying", () => {
    expect(averageFen(1000n, 3n)).toBe(333n);
    expect(averageFen(0n, 0n)).toBe(0n);
    // 7 failures × (1000 / 3) = 2333.33… → 2333, not 7 × 333 = 2331.
    expect(lostValueFen(7n, 1000n, 3n)).toBe(2333n);
    expect(lostValueFen(7n, 1000n, 0n)).toBe(0n);
  });
});
