import "server-only";
import { bucketKeys, fillBuckets, zeroMetrics, addMetrics, type FilledSeries, type Metrics, type SeriesPoint } from "@/lib/attribution/buckets";
import { aiChannels, fixedKeysFor, noneKey } from "@/lib/attribution/dimensions";
import { rollupSourceFor, type RollupSource } from "@/lib/attribution/rollup-source";
import { sharesBps } from "@/lib/attribution/share";
import { addDays } from "@/lib/attribution/shanghai-time";
import { previousPeriod, viewRange, type AttributionView, type GroupBy, type Interval } from "@/lib/attribution/view";
import { db } from "@/lib/db";

// Attribution numbers, read from the order rollups only (never from "Order"), always for one
// merchant. Every SQL fragment below comes from fixed tables in this file; values are bound
// parameters. Semantics are the rollups': orders = non-cancelled orders, GMV = their amounts,
// refunds at the original order's time; verification micro-charges only when asked for.

type SourceSql = {
  table: string;
  /** The bucket start in Shanghai wall time, as `timestamp`. */
  local: string;
  /** WHERE fragment bounding the rows to the range; parameters $2 and $3. */
  range: string;
  params: (range: { from: string; to: string; start: Date; end: Date }) => [unknown, unknown];
};

const sources: Record<RollupSource, SourceSql> = {
  hourly: {
    table: `"OrderRollupHourly"`,
    local: `(("hour" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')`,
    range: `"hour" >= $2::timestamp(3) AND "hour" < $3::timestamp(3)`,
    // Timestamps are stored as UTC wall time: bind ISO strings without the zone.
    params: ({ start, end }) => [start.toISOString().slice(0, 23), end.toISOString().slice(0, 23)],
  },
  daily: {
    table: `"OrderRollupDaily"`,
    local: `"day"::timestamp`,
    range: `"day" >= $2::date AND "day" < $3::date`,
    params: ({ from, to }) => [from, addDays(to, 1)],
  },
};

const dimensionSql: Record<GroupBy, string> = {
  channel: `"channel"::text`,
  agent: `"agentId"`,
  integration: `"integrationId"`,
  payment_method: `"paymentMethod"::text`,
};

function bucketSql(interval: Interval, source: SourceSql): string {
  if (interval === "hour") return `to_char("hour", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  if (interval === "day") return `to_char(${source.local}, 'YYYY-MM-DD')`;
  return `to_char(date_trunc('${interval}', ${source.local}), 'YYYY-MM-DD')`;
}

type Scope = { merchantId: string; view: Pick<AttributionView, "from" | "to" | "interval" | "includeVerification"> };
type Row = { key: string; bucket?: string; orders: bigint; gmvFen: bigint; refundsFen: bigint };

/** The one query shape: sums per dimension value, optionally per time bucket too. */
async function aggregate({ merchantId, view }: Scope, groupBy: GroupBy, byBucket: boolean, extraWhere = ""): Promise<Row[]> {
  const range = { ...viewRange(view), from: view.from, to: view.to };
  const sourceName = rollupSourceFor(view.interval, range);
  const source = sources[sourceName];
  const bucket = byBucket ? `${bucketSql(view.interval, source)} AS "bucket",` : "";
  const sql = `
    SELECT ${bucket} ${dimensionSql[groupBy]} AS "key",
           coalesce(sum("orders"), 0)::bigint AS "orders",
           coalesce(sum("gmvFen"), 0)::bigint AS "gmvFen",
           coalesce(sum("refundsFen"), 0)::bigint AS "refundsFen"
      FROM ${source.table}
     WHERE "merchantId" = $1 AND ${source.range}
       ${view.includeVerification ? "" : `AND NOT "isVerification"`}
       ${extraWhere}
     GROUP BY ${byBucket ? "1, 2" : "1"}`;
  return db.$queryRawUnsafe<Row[]>(sql, merchantId, ...source.params(range));
}

export type GroupTotal = Metrics & { key: string; shareBps: number };
export type AttributionTotals = { total: Metrics; groups: GroupTotal[] };

function totalsFrom(rows: Row[], groupBy: GroupBy): AttributionTotals {
  const byKey = new Map<string, Metrics>(fixedKeysFor(groupBy).map((k) => [k, zeroMetrics()]));
  for (const r of rows) byKey.set(r.key, addMetrics(byKey.get(r.key) ?? zeroMetrics(), r));
  const entries = [...byKey.entries()];
  const shares = sharesBps(entries.map(([, m]) => m.gmvFen));
  const groups = entries.map(([key, m], i) => ({ key, ...m, shareBps: shares[i]! }));
  groups.sort((a, b) => (b.gmvFen > a.gmvFen ? 1 : b.gmvFen < a.gmvFen ? -1 : Number(b.orders - a.orders) || a.key.localeCompare(b.key)));
  return { total: groups.reduce<Metrics>((t, g) => addMetrics(t, g), zeroMetrics()), groups };
}

function seriesFrom(rows: Row[], view: AttributionView): FilledSeries {
  const points: SeriesPoint[] = rows.map((r) => ({ bucket: r.bucket!, key: r.key, orders: r.orders, gmvFen: r.gmvFen, refundsFen: r.refundsFen }));
  return fillBuckets(bucketKeys(view), points, fixedKeysFor(view.groupBy));
}

/** Buckets × groups, zero-filled: every bucket of the view for every group value. */
export async function getAttributionSeries({ merchantId, view }: { merchantId: string; view: AttributionView }): Promise<FilledSeries> {
  return seriesFrom(await aggregate({ merchantId, view }, view.groupBy, true), view);
}

/** Totals of the view, overall and per group value (largest GMV first), with GMV shares. */
export async function getAttributionTotals({ merchantId, view, groupBy = view.groupBy }: { merchantId: string; view: AttributionView; groupBy?: GroupBy }): Promise<AttributionTotals> {
  return totalsFrom(await aggregate({ merchantId, view }, groupBy, false), groupBy);
}

export async function getChannelSplit({ merchantId, view }: { merchantId: string; view: AttributionView }) {
  return getAttributionTotals({ merchantId, view, groupBy: "channel" });
}

export async function getPaymentMethodSplit({ merchantId, view }: { merchantId: string; view: AttributionView }) {
  return getAttributionTotals({ merchantId, view, groupBy: "payment_method" });
}

export type TopAgent = GroupTotal & { name: string; verified: boolean };

/** Agents by GMV (AI orders only: organic orders have no agent), with the agent's name. */
export async function getTopAgents({ merchantId, view, limit = 5 }: { merchantId: string; view: AttributionView; limit?: number }): Promise<{ total: Metrics; agents: TopAgent[] }> {
  const { total, groups } = await getAttributionTotals({ merchantId, view, groupBy: "agent" });
  const withAgent = groups.filter((g) => g.key !== noneKey).slice(0, limit);
  const agents = await db.agent.findMany({ where: { id: { in: withAgent.map((g) => g.key) } }, select: { id: true, name: true, verified: true } });
  const byId = new Map(agents.map((a) => [a.id, a]));
  return { total, agents: withAgent.map((g) => ({ ...g, name: byId.get(g.key)?.name ?? g.key, verified: byId.get(g.key)?.verified ?? false })) };
}

export type AiShare = { aiGmvFen: bigint; totalGmvFen: bigint; previousAiGmvFen: bigint; previousTotalGmvFen: bigint };

/** GMV through AI channels and in total, for the view and the period of equal length before it. */
export async function getAiShare({ merchantId, view }: { merchantId: string; view: AttributionView }): Promise<AiShare> {
  const [current, previous] = await Promise.all([getChannelSplit({ merchantId, view }), getChannelSplit({ merchantId, view: previousPeriod(view) })]);
  const ai = (t: AttributionTotals) => t.groups.filter((g) => aiChannels.includes(g.key as never)).reduce((s, g) => s + g.gmvFen, 0n);
  return { aiGmvFen: ai(current), totalGmvFen: current.total.gmvFen, previousAiGmvFen: ai(previous), previousTotalGmvFen: previous.total.gmvFen };
}

/** Display names for agent and integration keys (channels and payment methods use the catalogue). */
export async function getDimensionLabels({ merchantId, groupBy, keys }: { merchantId: string; groupBy: GroupBy; keys: readonly string[] }): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== noneKey);
  if (groupBy === "agent" && ids.length) {
    const rows = await db.agent.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === "integration" && ids.length) {
    const rows = await db.integration.findMany({ where: { merchantId, id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  return new Map();
}

export type AttributionReport = {
  view: AttributionView;
  previousView: AttributionView;
  series: FilledSeries;
  totals: AttributionTotals;
  previousTotals: AttributionTotals;
  labels: Map<string, string>;
};

/** Everything the attribution page and the analytics API show, from the same queries. */
export async function getAttributionReport({ merchantId, view }: { merchantId: string; view: AttributionView }): Promise<AttributionReport> {
  const previousView = previousPeriod(view);
  // The view's totals are the sums of its series rows (same rows, same filter): one query fewer.
  const [seriesRows, previousTotals] = await Promise.all([
    aggregate({ merchantId, view }, view.groupBy, true),
    getAttributionTotals({ merchantId, view: previousView }),
  ]);
  const series = seriesFrom(seriesRows, view);
  const totals = totalsFrom(seriesRows, view.groupBy);
  const keys = [...new Set([...totals.groups.map((g) => g.key), ...previousTotals.groups.map((g) => g.key)])];
  const labels = await getDimensionLabels({ merchantId, groupBy: view.groupBy, keys });
  return { view, previousView, series, totals, previousTotals, labels };
}
