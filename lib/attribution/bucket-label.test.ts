import { describe, expect, it } from "vitest";
import { bucketLabel } from "./bucket-label";

describe("bucketLabel", () => {
  it("shows hourly buckets in Shanghai time", () => {
    expect(bucketLabel("2026-11-01T16:00:00.000Z", "hour", "en")).toBe("11-02 00:00");
    expect(bucketLabel("2026-11-01T16:00:00.000Z", "hour", "zh-CN")).toBe("11月2日 00:00");
  });

  it("labels days, weeks and months per language", () => {
    expect(bucketLabel("2026-11-02", "day", "en")).toBe("11-02");
    expect(bucketLabel("2026-11-02", "week", "zh-CN")).toBe("11月2日起一周");
    expect(bucketLabel("2026-11-01", "month", "zh-CN")).toBe("2026年11月");
    expect(bucketLabel("2026-11-01", "month", "en")).toBe("2026-11");
  });
});
