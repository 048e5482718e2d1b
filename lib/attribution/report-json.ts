// The analytics API's JSON for an attribution report. Money stays exact: fen as decimal strings;
// order counts are numbers. Bucket starts are given as instants too, so callers need no calendar.
import type { FilledSeries, Metrics } from "./buckets";
import { shanghaiDayStart } from "./shanghai-time";
import type { AttributionView } from "./view";

type TotalsLike = { total: Metrics; groups: (Metrics & { key: string; shareBps: number })[] };
export type ReportLike = { view: AttributionView; previousView: AttributionView; series: FilledSeries; totals: TotalsLike; previousTotals: TotalsLike; labels: Map<string, string> };

export type MetricsJson = { orders: number; gmvFen: string; refundsFen: string; netFen: string };

export function metricsJson(m: Metrics): MetricsJson {
  return { orders: Number(m.orders), gmvFen: m.gmvFen.toString(), refundsFen: m.refundsFen.toString(), netFen: (m.gmvFen - m.refundsFen).toString() };
}

export function bucketStart(bucket: string, interval: AttributionView["interval"]): string {
  return interval === "hour" ? bucket : shanghaiDayStart(bucket).toISOString();
}

export function attributionReportJson(report: ReportLike) {
  const { view, previousView, series, totals, previousTotals, labels } = report;
  const previousByKey = new Map(previousTotals.groups.map((g) => [g.key, g]));
  return {
    timeZone: "Asia/Shanghai",
    from: view.from,
    to: view.to,
    interval: view.interval,
    groupBy: view.groupBy,
    includeVerification: view.includeVerification,
    totals: metricsJson(totals.total),
    previousPeriod: { from: previousView.from, to: previousView.to, totals: metricsJson(previousTotals.total) },
    groups: totals.groups.map((g) => ({
      key: g.key,
      label: labels.get(g.key) ?? g.key,
      ...metricsJson(g),
      shareBps: g.shareBps,
      previous: metricsJson(previousByKey.get(g.key) ?? { orders: 0n, gmvFen: 0n, refundsFen: 0n }),
    })),
    series: series.buckets.map((bucket) => ({
      bucket,
      start: bucketStart(bucket, view.interval),
      values: Object.fromEntries(series.keys.map((k) => [k, metricsJson(series.values.get(bucket)!.get(k)!)])),
    })),
  };
}
