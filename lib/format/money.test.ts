import { describe, expect, it } from "vitest";
import { formatFen } from "./money";

describe("formatFen", () => {
  it("formats fen as yuan with two decimals and thousands separators", () => {
    expect(formatFen(123456n, "en")).toBe("¥1,234.56");
    expect(formatFen(123456n, "zh-CN")).toBe("¥1,234.56");
  });

  it("handles zero, single fen and whole yuan", () => {
    expect(formatFen(0n, "en")).toBe("¥0.00");
    expect(formatFen(1n, "en")).toBe("¥0.01");
    expect(formatFen(100n, "zh-CN")).toBe("¥1.00");
    expect(formatFen(99_999_900n, "en")).toBe("¥999,999.00");
  });

  it("puts the sign before the currency symbol", () => {
    expect(formatFen(-1n, "en")).toBe("-¥0.01");
    expect(formatFen(-123456n, "zh-CN")).toBe("-¥1,234.56");
  });

  it("stays exact beyond Number.MAX_SAFE_INTEGER", () => {
    // 2^63 - 1 fen: as a Number this would round to ...5808.
    expect(formatFen(9_223_372_036_854_775_807n, "en")).toBe("¥92,233,720,368,547,758.07");
    expect(formatFen(123_456_789_012_345_678_901n, "en")).toBe("¥1,234,567,890,123,456,789.01");
  });
});
