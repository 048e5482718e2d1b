import { describe, expect, it } from "vitest";
import { percentile, ratio, summarize } from "./stats";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("summarizes unsorted samples without changing them", () => {
    const samples = [30, 10, 20, 40, 1000];
    expect(summarize(samples)).toEqual({ n: 5, p50: 30, p95: 1000, max: 1000, mean: 220 });
    expect(samples).toEqual([30, 10, 20, 40, 1000]);
    expect(summarize([1.234, 1.26])).toMatchObject({ p50: 1.2, max: 1.3 });
  });

  it("rounds ratios and refuses a zero denominator", () => {
    expect(ratio(1500, 7)).toBe(214.3);
    expect(ratio(9855, 72285, 3)).toBe(0.136);
    expect(ratio(1, 0)).toBeNull();
  });
});
