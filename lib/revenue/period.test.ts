import { describe, expect, it } from "vitest";
import { addPeriods, isPeriod, periodHasEnded, periodOf, periodRange, recentPeriods } from "./period";

describe("statement periods (Asia/Shanghai months)", () => {
  it("maps instants to Shanghai months and back", () => {
    expect(periodOf(new Date("2026-10-31T16:00:00Z"))).toBe("2026-11"); // 00:00 on 1 Nov in Shanghai
    expect(periodOf(new Date("2026-10-31T15:59:59.999Z"))).toBe("2026-10");
    expect(periodRange("2026-12")).toEqual({ start: new Date("2026-11-30T16:00:00Z"), end: new Date("2026-12-31T16:00:00Z") });
    expect(addPeriods("2026-12", 1)).toBe("2027-01");
    expect(addPeriods("2026-01", -1)).toBe("2025-12");
  });
  it("knows when a month has ended and lists recent months", () => {
    expect(periodHasEnded("2026-10", new Date("2026-10-31T16:00:00Z"))).toBe(true);
    expect(periodHasEnded("2026-11", new Date("2026-11-28T00:00:00Z"))).toBe(false);
    expect(recentPeriods(new Date("2026-11-28T00:00:00Z"), 3)).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(isPeriod("2026-13")).toBe(false);
  });
});
