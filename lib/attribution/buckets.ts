// Time buckets of a view and zero-filling: every bucket appears for every series key, so charts
// and tables show gaps as zeros instead of silently joining neighbours.
import { addDays, addMonths, shanghaiDateOf, startOfIsoWeek, startOfMonth } from "./shanghai-time";
import { viewRange, type AttributionView, type Interval } from "./view";

const HOUR_MS = 3_600_000;

/**
 * A bucket key: for `hour` the UTC instant of the hour as ISO 8601 ("2026-11-01T16:00:00.000Z");
 * otherwise the Shanghai date the bucket starts on ("2026-11-02"; weeks start on Monday, months
 * on the 1st). The first week or month may start before the view and the last may end after it;
 * only orders inside the view count.
 */
export function bucketKeyOf(instant: Date, interval: Interval): string {
  if (interval === "hour") return new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS).toISOString();
  const day = shanghaiDateOf(instant);
  if (interval === "day") return day;
  if (interval === "week") return startOfIsoWeek(day);
  return startOfMonth(day);
}

/** Every bucket key of the view, in time order. */
export function bucketKeys(view: Pick<AttributionView, "from" | "to" | "interval">): string[] {
  const keys: string[] = [];
  if (view.interval === "hour") {
    const { start, end } = viewRange(view);
    for (let t = start.getTime(); t < end.getTime(); t += HOUR_MS) keys.push(new Date(t).toISOString());
    return keys;
  }
  const step = (d: string) => (view.interval === "day" ? addDays(d, 1) : view.interval === "week" ? addDays(d, 7) : addMonths(d, 1));
  const first = view.interval === "day" ? view.from : view.interval === "week" ? startOfIsoWeek(view.from) : startOfMonth(view.from);
  for (let d = first; d <= view.to; d = step(d)) keys.push(d);
  return keys;
}

export type Metrics = { orders: bigint; gmvFen: bigint; refundsFen: bigint };
export const zeroMetrics = (): Metrics => ({ orders: 0n, gmvFen: 0n, refundsFen: 0n });

export type SeriesPoint = Metrics & { bucket: string; key: string };
export type FilledSeries = { buckets: string[]; keys: string[]; values: Map<string, Map<string, Metrics>> };

/**
 * Arranges sparse points (bucket × key) on the full bucket list; missing cells become zeros.
 * `keys` fixes the series order (e.g. all channels); keys seen only in points are appended.
 */
export function fillBuckets(buckets: readonly string[], points: readonly SeriesPoint[], keys: readonly string[] = []): FilledSeries {
  const order = [...keys];
  for (const p of points) if (!order.includes(p.key)) order.push(p.key);
  const values = new Map<string, Map<string, Metrics>>();
  for (const b of buckets) values.set(b, new Map(order.map((k) => [k, zeroMetrics()])));
  for (const p of points) {
    const row = values.get(p.bucket);
    if (!row) throw new Error(`point outside the view's buckets: ${p.bucket}`);
    const cell = row.get(p.key)!;
    cell.orders += p.orders;
    cell.gmvFen += p.gmvFen;
    cell.refundsFen += p.refundsFen;
  }
  return { buckets: [...buckets], keys: order, values };
}

export function addMetrics(a: Metrics, b: Metrics): Metrics {
  return { orders: a.orders + b.orders, gmvFen: a.gmvFen + b.gmvFen, refundsFen: a.refundsFen + b.refundsFen };
}
