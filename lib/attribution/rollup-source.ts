// Which rollup table answers a query: the one place that decides. Daily rows (one per Shanghai
// day) are ~24× fewer than hourly rows, so day/week/month views over whole Shanghai days read
// OrderRollupDaily; hourly buckets, or a range that starts or ends inside a day, need the hours.
import { isShanghaiMidnight } from "./shanghai-time";
import type { Interval, TimeRange } from "./view";

export type RollupSource = "hourly" | "daily";

export function rollupSourceFor(interval: Interval, range: TimeRange): RollupSource {
  if (interval === "hour") return "hourly";
  return isShanghaiMidnight(range.start) && isShanghaiMidnight(range.end) ? "daily" : "hourly";
}
