import { describe, expect, it } from "vitest";
import { isCalendarDate, isShanghaiMidnight, shanghaiDateOf, shanghaiDayStart, startOfIsoWeek } from "./shanghai-time";
import { previousPeriod, viewDays, viewRange } from "./view";

describe("Shanghai calendar", () => {
  it("starts a Shanghai day at 16:00 UTC the day before", () => {
    expect(shanghaiDayStart("2026-11-02").toISOString()).toBe("2026-11-01T16:00:00.000Z");
    expect(shanghaiDateOf(new Date("2026-11-01T16:00:00Z"))).toBe("2026-11-02");
    expect(isShanghaiMidnight(new Date("2026-11-01T16:00:00Z"))).toBe(true);
    expect(isShanghaiMidnight(new Date("2026-11-02T00:00:00Z"))).toBe(false);
  });

  it("rejects impossible dates", () => {
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
  });

  it("finds the ISO week's Monday, also for a Sunday and across a year", () => {
    expect(startOfIsoWeek("2026-11-02")).toBe("2026-11-02"); // Monday
    expect(startOfIsoWeek("2026-11-08")).toBe("2026-11-02"); // Sunday
    expect(startOfIsoWeek("2027-01-01")).toBe("2026-12-28");
  });
});

describe("view range and previous period", () => {
  it("covers whole Shanghai days, `to` included", () => {
    const range = viewRange({ from: "2026-11-01", to: "2026-11-30" });
    expect(range.start.toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(range.end.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(viewDays({ from: "2026-11-01", to: "2026-11-30" })).toBe(30);
  });

  it("compares with the same number of days just before", () => {
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-10-02", to: "2026-10-31" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-02-28" });
  });

  it("keeps the other view fields and crosses leap days", () => {
    const prev = previousPeriod({ from: "2028-03-01", to: "2028-03-07", interval: "week" as const });
    expect(prev).toEqual({ from: "2028-02-23", to: "2028-02-29", interval: "week" });
  });
});
