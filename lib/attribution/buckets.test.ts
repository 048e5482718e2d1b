import { describe, expect, it } from "vitest";
import { bucketKeyOf, bucketKeys, fillBuckets } from "./buckets";

describe("bucketKeys", () => {
  it("lists every Shanghai day of the range, both ends included", () => {
    expect(bucketKeys({ from: "2026-02-27", to: "2026-03-02", interval: "day" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("lists 24 UTC hours per Shanghai day, starting at 16:00Z the day before", () => {
    const keys = bucketKeys({ from: "2026-11-02", to: "2026-11-02", interval: "hour" });
    expect(keys).toHaveLength(24);
    expect(keys[0]).toBe("2026-11-01T16:00:00.000Z");
    expect(keys[23]).toBe("2026-11-02T15:00:00.000Z");
  });

  it("starts weeks on the Monday on or before `from`", () => {
    // 2026-11-01 is a Sunday: its ISO week began on Monday 2026-10-26.
    expect(bucketKeys({ from: "2026-11-01", to: "2026-11-16", interval: "week" })).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]);
  });

  it("lists calendar months across a year end", () => {
    expect(bucketKeys({ from: "2026-11-15", to: "2027-02-01", interval: "month" })).toEqual(["2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"]);
  });
});

describe("bucketKeyOf", () => {
  it("puts an instant into its Shanghai day, not its UTC day", () => {
    expect(bucketKeyOf(new Date("2026-11-01T15:59:59.999Z"), "day")).toBe("2026-11-01");
    expect(bucketKeyOf(new Date("2026-11-01T16:00:00.000Z"), "day")).toBe("2026-11-02");
  });

  it("puts Sunday 23:59 Shanghai in the week that started the Monday before, and Monday 00:00 in the next", () => {
    // Sunday 2026-11-08 23:59 Shanghai = 15:59Z; Monday 2026-11-09 00:00 Shanghai = 2026-11-08T16:00Z.
    expect(bucketKeyOf(new Date("2026-11-08T15:59:00Z"), "week")).toBe("2026-11-02");
    expect(bucketKeyOf(new Date("2026-11-08T16:00:00Z"), "week")).toBe("2026-11-09");
  });

  it("crosses a year inside an ISO week (Monday 2026-12-28 to Sunday 2027-01-03)", () => {
    expect(bucketKeyOf(new Date("2027-01-03T12:00:00Z"), "week")).toBe("2026-12-28");
    expect(bucketKeyOf(new Date("2026-12-31T16:30:00Z"), "month")).toBe("2027-01-01");
  });

  it("truncates to the UTC hour for hourly buckets", () => {
    expect(bucketKeyOf(new Date("2026-11-01T16:42:10Z"), "hour")).toBe("2026-11-01T16:00:00.000Z");
  });
});

describe("fillBuckets", () => {
  const buckets = ["2026-11-01", "2026-11-02", "2026-11-03"];

  it("zero-fills missing buckets for every key and keeps the given key order", () => {
    const filled = fillBuckets(buckets, [{ bucket: "2026-11-02", key: "AI_SKILL", orders: 2n, gmvFen: 500n, refundsFen: 0n }], ["ORGANIC", "AI_SKILL"]);
    expect(filled.keys).toEqual(["ORGANIC", "AI_SKILL"]);
    expect(filled.values.get("2026-11-01")!.get("AI_SKILL")).toEqual({ orders: 0n, gmvFen: 0n, refundsFen: 0n });
    expect(filled.values.get("2026-11-02")!.get("AI_SKILL")).toEqual({ orders: 2n, gmvFen: 500n, refundsFen: 0n });
    expect(filled.values.get("2026-11-03")!.get("ORGANIC")!.orders).toBe(0n);
  });

  it("appends keys that only appear in the points and adds duplicate cells", () => {
    const filled = fillBuckets(buckets, [
      { bucket: "2026-11-01", key: "agent-b", orders: 1n, gmvFen: 10n, refundsFen: 1n },
      { bucket: "2026-11-01", key: "agent-b", orders: 1n, gmvFen: 5n, refundsFen: 0n },
    ]);
    expect(filled.keys).toEqual(["agent-b"]);
    expect(filled.values.get("2026-11-01")!.get("agent-b")).toEqual({ orders: 2n, gmvFen: 15n, refundsFen: 1n });
  });

  it("refuses a point outside the buckets rather than dropping it", () => {
    expect(() => fillBuckets(buckets, [{ bucket: "2026-12-01", key: "x", orders: 1n, gmvFen: 1n, refundsFen: 0n }])).toThrow(/outside/);
  });
});
