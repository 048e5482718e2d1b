import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./date";

describe("formatDateTime", () => {
  it("shows UTC instants in Asia/Shanghai (UTC+8)", () => {
    const instant = new Date("2026-11-28T09:05:00Z");
    expect(formatDateTime(instant, "en")).toBe("Nov 28, 2026, 17:05");
    expect(formatDateTime(instant, "zh-CN")).toBe("2026年11月28日 17:05");
  });

  it("rolls over to the next day in Shanghai and uses a 24-hour clock", () => {
    const instant = new Date("2026-12-31T16:30:00Z");
    expect(formatDateTime(instant, "en")).toBe("Jan 1, 2027, 00:30");
    expect(formatDateTime(instant, "zh-CN")).toBe("2027年1月1日 00:30");
  });
});

describe("formatDate", () => {
  it("gives the Shanghai calendar date", () => {
    const instant = new Date("2026-03-01T15:59:59Z");
    expect(formatDate(instant, "en")).toBe("Mar 1, 2026");
    expect(formatDate(instant, "zh-CN")).toBe("2026年3月1日");
    expect(formatDate(new Date("2026-03-01T16:00:00Z"), "zh-CN")).toBe("2026年3月2日");
  });
});
