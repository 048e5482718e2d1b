import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RETRY_DELAYS_MS, JITTER_RATIO, maxAttempts, nextRetryDelayMs, parseRetryDelays } from "./backoff";

describe("webhook retry schedule", () => {
  it("gives five retries (six attempts) with growing delays, then stops", () => {
    expect(maxAttempts()).toBe(6);
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5].map((n) => nextRetryDelayMs(n, mid))).toEqual([10_000, 60_000, 300_000, 1_800_000, 7_200_000]);
    expect(nextRetryDelayMs(6, mid)).toBeNull();
    expect(nextRetryDelayMs(60, mid)).toBeNull();
  });

  it("jitters each delay within ±20 %, never below the previous delay's upper bound", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: DEFAULT_RETRY_DELAYS_MS.length }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const base = DEFAULT_RETRY_DELAYS_MS[attempt - 1]!;
        const delay = nextRetryDelayMs(attempt, () => r)!;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - JITTER_RATIO)));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * (1 + JITTER_RATIO)));
        if (attempt > 1) expect(delay).toBeGreaterThan(DEFAULT_RETRY_DELAYS_MS[attempt - 2]! * (1 + JITTER_RATIO));
      }),
    );
  });

  it("spreads retries: different random draws give different delays", () => {
    expect(nextRetryDelayMs(2, () => 0)).toBe(48_000);
    expect(nextRetryDelayMs(2, () => 0.999)).toBeGreaterThan(71_000);
  });

  it("refuses a nonsensical attempt count", () => {
    expect(() => nextRetryDelayMs(0)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5)).toThrow(RangeError);
  });

  it("reads a custom schedule from the environment and falls back on garbage", () => {
    expect(parseRetryDelays("100, 200,400")).toEqual([100, 200, 400]);
    expect(parseRetryDelays(undefined)).toBe(DEFAULT_RETRY_DELAYS_MS);
    expect(parseRetryDelays("100,soon")).toBe(DEFAULT_RETRY_DELAYS_MS);
    expect(nextRetryDelayMs(3, () => 0.5, [100, 200])).toBeNull();
  });
});
