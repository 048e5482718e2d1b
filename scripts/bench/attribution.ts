// Attribution benchmark: p50/p95 of GET /api/v1/analytics/attribution (daily buckets, grouped by
// channel or agent, over 7, 90 and 365 days ending today in Asia/Shanghai) against the same
// numbers computed by a plain GROUP BY over the raw orders, in the same run on the same data.
// The baseline is deliberately the cheaper side: ONE query over "Order" straight from a pg client,
// while the API does authentication, two rollup queries (series, which also gives the totals, and the previous period),
// labels and JSON over HTTP. Each baseline result is checked against the API's totals.
import pg from "pg";
import { addDays, shanghaiDateOf, shanghaiDayStart } from "../../lib/attribution/shanghai-time";
import { ratio, summarize, timeRepeated, type LatencySummary } from "./stats";

export type AttributionGroupBy = "channel" | "agent";

export type AttributionCase = {
  days: number;
  groupBy: AttributionGroupBy;
  api: LatencySummary;
  /** The daily-rollup query alone (what the API's series costs in the database). */
  rollupSql: LatencySummary;
  /** Plain GROUP BY over "Order" for the same view. */
  plainGroupBy: LatencySummary;
  /** plainGroupBy.p50 / api.p50 and the same for p95. */
  speedUpP50: number | null;
  speedUpP95: number | null;
  /** Orders and GMV of the view from both sides (they must agree). */
  check: { apiOrders: number; apiGmvFen: string; rawOrders: number; rawGmvFen: string; equal: boolean };
};

export type BenchAttributionOptions = {
  baseUrl: string;
  analyticsKey: string;
  databaseUrl: string;
  merchantSlug: string;
  ranges?: number[];
  groupBys?: AttributionGroupBy[];
  samples?: number;
  baselineSamples?: number;
  onProgress?: (label: string) => void;
};

const keySql: Record<AttributionGroupBy, string> = { channel: `"channel"::text`, agent: `coalesce("agentId", '')` };
const rollupKeySql: Record<AttributionGroupBy, string> = { channel: `"channel"::text`, agent: `"agentId"` };

/** The plain query: Shanghai day × group over the raw orders, the rollups' semantics (non-cancelled orders and their GMV, all refunds). */
export function plainGroupBySql(groupBy: AttributionGroupBy): string {
  return `
    SELECT to_char((("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "bucket",
           ${keySql[groupBy]} AS "key",
           count(*) FILTER (WHERE "status" <> 'CANCELLED')::bigint AS "orders",
           coalesce(sum("amountFen") FILTER (WHERE "status" <> 'CANCELLED'), 0)::bigint AS "gmvFen",
           coalesce(sum("refundedFen"), 0)::bigint AS "refundsFen"
      FROM "Order"
     WHERE "merchantId" = $1 AND "occurredAt" >= $2::timestamp(3) AND "occurredAt" < $3::timestamp(3) AND NOT "isVerification"
     GROUP BY 1, 2`;
}

export function rollupSql(groupBy: AttributionGroupBy): string {
  return `
    SELECT to_char("day", 'YYYY-MM-DD') AS "bucket", ${rollupKeySql[groupBy]} AS "key",
           sum("orders")::bigint AS "orders", sum("gmvFen")::bigint AS "gmvFen", sum("refundsFen")::bigint AS "refundsFen"
      FROM "OrderRollupDaily"
     WHERE "merchantId" = $1 AND "day" >= $2::date AND "day" < $3::date AND NOT "isVerification"
     GROUP BY 1, 2`;
}

export async function benchAttribution(options: BenchAttributionOptions): Promise<AttributionCase[]> {
  const samples = options.samples ?? 30;
  const baselineSamples = options.baselineSamples ?? 5;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "Merchant" WHERE "slug" = $1`, [options.merchantSlug]);
    const merchantId = rows[0]?.id;
    if (!merchantId) throw new Error(`No merchant "${options.merchantSlug}" in the bench database.`);
    const to = shanghaiDateOf(new Date());
    const cases: AttributionCase[] = [];
    for (const days of options.ranges ?? [7, 90, 365]) {
      const from = addDays(to, -(days - 1));
      const start = shanghaiDayStart(from).toISOString().slice(0, 23);
      const end = shanghaiDayStart(addDays(to, 1)).toISOString().slice(0, 23);
      for (const groupBy of options.groupBys ?? ["channel", "agent"]) {
        options.onProgress?.(`attribution ${days} days by ${groupBy}`);
        const url = `${options.baseUrl}/api/v1/analytics/attribution?from=${from}&to=${to}&interval=day&groupBy=${groupBy}`;
        let body: { totals: { orders: number; gmvFen: string } } | null = null;
        const api = await timeRepeated(
          samples,
          async () => {
            const response = await fetch(url, { headers: { authorization: `Bearer ${options.analyticsKey}` } });
            const text = await response.text();
            if (response.status !== 200) throw new Error(`attribution API: HTTP ${response.status}: ${text.slice(0, 300)}`);
            body = JSON.parse(text);
          },
          3,
        );
        const rollup = await timeRepeated(samples, () => client.query(rollupSql(groupBy), [merchantId, from, addDays(to, 1)]), 1);
        let raw: { orders: string; gmvFen: string }[] = [];
        const plain = await timeRepeated(
          baselineSamples,
          async () => {
            raw = (await client.query<{ orders: string; gmvFen: string }>(plainGroupBySql(groupBy), [merchantId, start, end])).rows;
          },
          1,
        );
        const rawOrders = raw.reduce((s, r) => s + Number(r.orders), 0);
        const rawGmv = raw.reduce((s, r) => s + BigInt(r.gmvFen), 0n);
        const apiTotals = (body as { totals: { orders: number; gmvFen: string } } | null)?.totals ?? { orders: -1, gmvFen: "-1" };
        const apiSummary = summarize(api);
        const plainSummary = summarize(plain);
        cases.push({
          days,
          groupBy,
          api: apiSummary,
          rollupSql: summarize(rollup),
          plainGroupBy: plainSummary,
          speedUpP50: ratio(plainSummary.p50, apiSummary.p50),
          speedUpP95: ratio(plainSummary.p95, apiSummary.p95),
          check: {
            apiOrders: apiTotals.orders,
            apiGmvFen: apiTotals.gmvFen,
            rawOrders,
            rawGmvFen: rawGmv.toString(),
            equal: apiTotals.orders === rawOrders && apiTotals.gmvFen === rawGmv.toString(),
          },
        });
      }
    }
    return cases;
  } finally {
    await client.end();
  }
}
