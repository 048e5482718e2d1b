import { describe, expect, it } from "vitest";
import { growthSection, renderReport, verdicts, type Results, type SizeResult } from "./report";

const lat = (p50: number, p95: number) => ({ n: 30, p50, p95, max: p95, mean: p50 });

function size(orders: number, apiP95: number, plainP50: number, eventsPerSecond: number): SizeResult {
  return {
    orders,
    measuredAt: "2026-11-28T12:00:00.000Z",
    machine: { cores: 2, memoryGb: 24, loadBefore: [1.5, 2, 3], loadAfter: [2, 2, 3], node: "v22.0.0", postgres: "18.0" },
    dataSet: { merchant: "lumen-coffee", merchantOrders: orders, totalOrders: orders + 2000, orderEvents: orders * 1.1, dailyRollupRows: 6551, hourlyRollupRows: 79196, generatedSeconds: null },
    attribution: [
      {
        days: 90,
        groupBy: "channel",
        api: lat(apiP95 / 2, apiP95),
        rollupSql: lat(3, 5),
        plainGroupBy: lat(plainP50, plainP50 * 1.2),
        speedUpP50: Math.round((plainP50 / (apiP95 / 2)) * 10) / 10,
        speedUpP95: Math.round(((plainP50 * 1.2) / apiP95) * 10) / 10,
        check: { apiOrders: 5, apiGmvFen: "100", rawOrders: 5, rawGmvFen: "100", equal: true },
      },
    ],
    dashboard: [{ name: "overview", path: "/m/lumen-coffee/overview", serverMs: lat(80, 120), firstLoadJs: { chunks: 12, bytes: 1_000_000, gzipBytes: 305_000 } }],
    ingestion: {
      events: 100_000,
      batches: 100,
      accepted: 100_000,
      duplicates: 0,
      rejected: 0,
      conflicts: 0,
      seconds: 100_000 / eventsPerSecond,
      eventsPerSecond,
      latencyMs: { p50: 200, p95: 400, max: 500 },
      serverMsPerBatch: { validate: 10, store: 150 },
      copyRowsPerSecond: 80_000,
      ratio: eventsPerSecond / 80_000,
      cpu: { serverMsPer1000: 40, postgresMsPer1000: 50, projectedEventsPerSecondOn2Cores: 22_222 },
    },
    policy: { decision: { requestsPerSecond: 6000, latencyMs: { p50: 1, p99: 8, max: 20 } }, constant: { requestsPerSecond: 7000, latencyMs: { p50: 1, p99: 7 } }, ratio: 0.857, durationSeconds: 10 },
    memory: { peakRssBytes: 400_000_000, samples: 100 },
    durationSeconds: 300,
  };
}

const results: Results = { "10000000": size(10_000_000, 40, 1500, 21_000), "1000000": size(1_000_000, 30, 150, 19_000) };

describe("performance report", () => {
  it("judges each target on the largest data set", () => {
    const byId = Object.fromEntries(verdicts(results).map((v) => [v.id, v]));
    expect(byId.attributionP95?.met).toBe(true); // 40 ms ≤ 50 at 10M
    expect(byId.attributionSpeedUp?.met).toBe(true); // 1800 / 40 = 45×
    expect(byId.ingestion?.met).toBe(true);
    expect(byId.policy?.met).toBe(true);
    expect(byId.overview?.met).toBe(true);
    expect(byId.firstLoadJs?.met).toBe(false); // 305 kB > 250 kB
  });

  it("does not judge the 10M attribution targets on a 1M run", () => {
    const only1M: Results = { "1000000": size(1_000_000, 30, 150, 9_000) };
    const byId = Object.fromEntries(verdicts(only1M).map((v) => [v.id, v]));
    expect(byId.attributionP95?.met).toBeNull();
    expect(byId.attributionP95?.measured).toMatch(/not measured at that size/);
    expect(byId.ingestion?.met).toBe(false);
  });

  it("judges ingestion on the live feed and shows both feeds, one row each", () => {
    const live = size(10_000_000, 40, 1500, 21_000);
    const withFeeds: Results = {
      "10000000": { ...live, ingestion: { ...live.ingestion!, feed: "live" }, ingestionBackfill: { ...live.ingestion!, feed: "backfill", eventsPerSecond: 9_000 } },
    };
    const verdict = verdicts(withFeeds).find((v) => v.id === "ingestion")!;
    expect(verdict.met).toBe(true); // the live feed's 21,000/s, not the backfill's 9,000/s
    expect(verdict.measured).toMatch(/^21,000 events\/s, live feed at 10M orders.*; backfill feed 9,000 events\/s$/);
    const md = renderReport("{{ingestion}}", withFeeds, {});
    expect(md).toMatch(/\| 10M \| live \| 100,000 in 100 batches \| 21,000 \|/);
    expect(md).toMatch(/\| 10M \| backfill \| 100,000 in 100 batches \| 9,000 \|/);
    // The web processes and every CPU share; results recorded before some were measured show "–".
    const cpu = { serverMsPer1000: 35, postgresMsPer1000: 50, postgresBackgroundMsPer1000: 3, loadGeneratorMsPer1000: 9, projectedEventsPerSecondOn2Cores: 20_202 };
    const twoProcesses: Results = { "10000000": { ...live, ingestion: { ...live.ingestion!, feed: "live", webProcesses: 2, cpu } } };
    expect(renderReport("{{ingestion}}", twoProcesses, {})).toMatch(/\| 2 \| 35 \/ 50 \/ 3 \/ 9 \| 20,202 \|/);
    expect(md).toMatch(/\| 1 \| 40 \/ 50 \/ – \/ – \| 22,222 \|/);
    // Results recorded before feeds existed were backfills, and say so.
    expect(renderReport("{{ingestion}}", results, {})).toMatch(/\| 1M \| backfill \|/);
  });

  it("shows growth from the smallest to the largest data set", () => {
    const growth = growthSection(results);
    expect(growth).toContain("| 1M orders | 10M orders |");
    expect(growth).toMatch(/attribution API p95, 90 days by channel \(ms\) \| 30\.0 \| 40\.0 \| 1\.33× \|/);
    expect(growthSection({ "1000000": results["1000000"]! })).toMatch(/Only one data set/);
  });

  it("fills every placeholder of the template, with notes for missed targets only", () => {
    const md = renderReport("# P\n{{verdicts}}\n{{attribution}}\n{{ingestion}}\n{{dashboard}}\n{{policy}}\n{{memory}}\n{{machine}}\n{{dataSets}}", results, { firstLoadJs: "split the charts", ingestion: "never shown: met" });
    expect(md).not.toMatch(/\{\{/);
    expect(md).toContain("split the charts");
    expect(md).not.toContain("never shown");
    expect(md).toContain("| 10M | 90 days by channel | 20.0 / 40.0 |");
    expect(md).toContain("21,000");
    expect(md).toContain("1.50 / 2.00 / 3.00");
    expect(md).toContain("400 MB");
    expect(md).toContain("10M: ratio 0.86.");
    expect(md).not.toContain("durationSeconds");
    expect(() => renderReport("{{nope}}", results)).toThrow(/Unknown placeholder/);
  });
});
