import { describe, expect, it } from "vitest";
import { medianDurationMs, slaLevel } from "./sla";

const H = 3_600_000;
const now = new Date("2026-11-28T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * H);

describe("slaLevel", () => {
  it.each([
    [1, "ok"],
    [24, "ok"],
    [24.01, "amber"],
    [72, "amber"],
    [72.01, "red"],
    [500, "red"],
  ] as const)("%s h waiting is %s", (hours, level) => {
    expect(slaLevel(ago(hours), now)).toBe(level);
  });
});

describe("medianDurationMs", () => {
  it("is null without decided submissions", () => {
    expect(medianDurationMs([])).toBeNull();
    expect(medianDurationMs([{ submittedAt: ago(3), decidedAt: null }])).toBeNull();
  });
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(medianDurationMs([{ submittedAt: ago(10), decidedAt: ago(4) }, { submittedAt: ago(5), decidedAt: ago(4) }, { submittedAt: ago(30), decidedAt: ago(0) }])).toBe(6 * H);
    expect(medianDurationMs([{ submittedAt: ago(10), decidedAt: ago(8) }, { submittedAt: ago(10), decidedAt: ago(6) }])).toBe(3 * H);
  });
  it("skips a decision recorded before its submission", () => {
    expect(medianDurationMs([{ submittedAt: ago(1), decidedAt: ago(2) }, { submittedAt: ago(3), decidedAt: ago(2) }])).toBe(H);
  });
});
