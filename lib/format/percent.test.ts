import { describe, expect, it } from "vitest";
import { formatPercentBps } from "./percent";

describe("formatPercentBps", () => {
  it("turns basis points into a percentage without float noise", () => {
    expect(formatPercentBps(1234)).toBe("12.34%");
    expect(formatPercentBps(250)).toBe("2.5%");
    expect(formatPercentBps(500)).toBe("5%");
    expect(formatPercentBps(10_000)).toBe("100%");
    expect(formatPercentBps(1)).toBe("0.01%");
    expect(formatPercentBps(0)).toBe("0%");
  });

  it("accepts bigint and negative values", () => {
    expect(formatPercentBps(725n)).toBe("7.25%");
    expect(formatPercentBps(-5)).toBe("-0.05%");
  });

  it("rounds fractional basis points (computed shares) to the nearest one", () => {
    expect(formatPercentBps(3333.4)).toBe("33.33%");
    expect(formatPercentBps(6666.6)).toBe("66.67%");
  });
});
