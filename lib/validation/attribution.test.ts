import { describe, expect, it } from "vitest";
import { parseAttributionView, paramsToRecord, viewToSearchParams } from "./attribution";

const today = "2026-11-28";

describe("parseAttributionView", () => {
  it("defaults to the last 30 days by day and channel, verification excluded", () => {
    const parsed = parseAttributionView({}, { today });
    expect(parsed).toEqual({
      ok: true,
      view: { from: "2026-10-30", to: "2026-11-28", interval: "day", groupBy: "channel", includeVerification: false, compare: false },
    });
  });

  it("reads every control, and empty values count as absent", () => {
    const parsed = parseAttributionView(
      { from: "2026-11-01", to: "2026-11-07", interval: "hour", groupBy: "payment_method", includeVerification: "on", compare: "1", extra: "" },
      { today },
    );
    expect(parsed.ok && parsed.view).toEqual({ from: "2026-11-01", to: "2026-11-07", interval: "hour", groupBy: "payment_method", includeVerification: true, compare: true });
    expect(parseAttributionView({ interval: "", groupBy: "" }, { today }).ok).toBe(true);
  });

  it("names each bad parameter", () => {
    const parsed = parseAttributionView({ from: "2026-02-30", interval: "year", groupBy: "city", includeVerification: "maybe" }, { today });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path).sort()).toEqual(["from", "groupBy", "includeVerification", "interval"]);
    expect(parsed.fallback.groupBy).toBe("channel");
  });

  it("refuses reversed ranges and hourly ranges beyond 31 days", () => {
    const reversed = parseAttributionView({ from: "2026-11-10", to: "2026-11-01" }, { today });
    expect(!reversed.ok && reversed.issues[0]!.path).toBe("from");
    const long = parseAttributionView({ from: "2026-09-01", to: "2026-11-01", interval: "hour" }, { today });
    expect(!long.ok && long.issues[0]!.message).toMatch(/at most 31 days/);
  });

  it("refuses dates outside 2000–2099, whose bucket arithmetic would leave four-digit years (found by fuzzing the analytics API)", () => {
    for (const [from, to] of [["9999-12-31", undefined], ["1999-12-31", "2000-01-05"], [undefined, "2100-01-01"]]) {
      const parsed = parseAttributionView({ from, to }, { today });
      expect(parsed.ok, `${from}..${to}`).toBe(false);
      expect(!parsed.ok && parsed.issues[0]!.message).toMatch(/between 2000-01-01 and 2099-12-31/);
    }
  });

  it("round-trips through URL parameters", () => {
    const view = { from: "2026-11-01", to: "2026-11-07", interval: "week", groupBy: "agent", includeVerification: true, compare: true } as const;
    const parsed = parseAttributionView(paramsToRecord(viewToSearchParams(view)), { today });
    expect(parsed).toEqual({ ok: true, view });
  });
});
