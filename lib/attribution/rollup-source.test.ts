import { describe, expect, it } from "vitest";
import { rollupSourceFor } from "./rollup-source";
import { viewRange } from "./view";

describe("rollupSourceFor", () => {
  const whole = viewRange({ from: "2026-11-01", to: "2026-11-30" });

  it("reads daily rows for day, week and month over whole Shanghai days", () => {
    for (const interval of ["day", "week", "month"] as const) expect(rollupSourceFor(interval, whole)).toBe("daily");
  });

  it("reads hourly rows for hourly buckets or a range cut inside a day", () => {
    expect(rollupSourceFor("hour", whole)).toBe("hourly");
    // Midnight UTC is 08:00 in Shanghai.
    expect(rollupSourceFor("day", { start: new Date("2026-11-01T00:00:00Z"), end: whole.end })).toBe("hourly");
  });
});
