// Every dashboard and API figure against an independent aggregation over raw "Order" rows, on a
// seeded demo data set in a database of this file's own. The raw queries below spell the rollup
// semantics out again (non-cancelled orders and amounts, refunds at the original order's time,
// Shanghai calendar via "+ 8 hours") instead of reusing lib/rollups.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttributionView, GroupBy } from "@/lib/attribution/view";
import { seedDemoData } from "@/scripts/demo/seed";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

const now = new Date("2026-11-28T00:00:00Z");
const analyticsKey = "sg_analytics_demo_lumen_0000000000000000000000";
let database: TestDatabase;
let client: pg.Client;
let lumen: string;
let swiftride: string;
let data: typeof import("@/lib/data/attribution");
let explorer: typeof import("@/lib/data/order-explorer");
let screen: typeof import("@/lib/data/screen-reading");
let api: typeof import("@/app/api/v1/analytics/attribution/route");
let reportJson: typeof import("@/lib/attribution/report-json");

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData({ connectionString: database.url, seed: 7, orders: 4_000, now });
  // lib/db.ts reads DATABASE_URL when first imported: point it at the seeded database first.
  process.env.DATABASE_URL = database.url;
  process.env.SKILLGATE_DEMO_MODE = "1";
  [data, explorer, screen, api, reportJson] = await Promise.all([
    import("@/lib/data/attribution"),
    import("@/lib/data/order-explorer"),
    import("@/lib/data/screen-reading"),
    import("@/app/api/v1/analytics/attribution/route"),
    import("@/lib/attribution/report-json"),
  ]);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ slug: string; id: string }>(`SELECT slug, id FROM "Merchant"`);
  lumen = rows.find((r) => r.slug === "lumen-coffee")!.id;
  swiftride = rows.find((r) => r.slug === "swiftride")!.id;
}, 180_000);

afterAll(async () => {
  await client?.end();
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database?.drop();
});

const rawDimension: Record<GroupBy, string> = {
  channel: `"channel"::text`,
  agent: `coalesce("agentId", '')`,
  integration: `coalesce("integrationId", '')`,
  payment_method: `"paymentMethod"::text`,
};

type RawRow = { key: string; bucket: string | null; orders: string; gmv: string; refunds: string };

/** Sums over "Order" for the view's Shanghai days; `bucket` is an SQL expression over local time `t`. */
async function rawAggregate(merchantId: string, view: AttributionView, groupBy: GroupBy, bucket: string | null): Promise<RawRow[]> {
  const { rows } = await client.query<RawRow>(
    `SELECT ${rawDimension[groupBy]} AS key, ${bucket ?? "NULL"} AS bucket,
            count(*) FILTER (WHERE status <> 'CANCELLED')::text AS orders,
            coalesce(sum("amountFen") FILTER (WHERE status <> 'CANCELLED'), 0)::text AS gmv,
            coalesce(sum("refundedFen"), 0)::text AS refunds
       FROM (SELECT *, "occurredAt" + interval '8 hours' AS t FROM "Order") o
      WHERE "merchantId" = $1 AND t::date BETWEEN $2::date AND $3::date AND ($4 OR NOT "isVerification")
      GROUP BY 1, 2`,
    [merchantId, view.from, view.to, view.includeVerification],
  );
  return rows;
}

const baseView: AttributionView = { from: "2026-09-01", to: "2026-11-27", interval: "day", groupBy: "channel", includeVerification: false, compare: false };
const metrics = (m: { orders: bigint; gmvFen: bigint; refundsFen: bigint }) => ({ orders: m.orders.toString(), gmv: m.gmvFen.toString(), refunds: m.refundsFen.toString() });

describe("attribution totals equal GROUP BY over raw orders", () => {
  for (const groupBy of ["channel", "agent", "integration", "payment_method"] as const) {
    for (const includeVerification of [false, true]) {
      it(`by ${groupBy}, verification ${includeVerification ? "included" : "excluded"}`, async () => {
        const view = { ...baseView, groupBy, includeVerification };
        const totals = await data.getAttributionTotals({ merchantId: lumen, view });
        const raw = await rawAggregate(lumen, view, groupBy, null);
        const nonZero = totals.groups.filter((g) => g.orders !== 0n || g.gmvFen !== 0n || g.refundsFen !== 0n);
        const actual = Object.fromEntries(nonZero.map((g) => [g.key, metrics(g)]));
        const expected = Object.fromEntries(raw.map((r) => [r.key, { orders: r.orders, gmv: r.gmv, refunds: r.refunds }]));
        expect(actual).toEqual(expected);
        expect(Object.keys(expected).length).toBeGreaterThan(1);
        const sum = (k: "orders" | "gmv") => raw.reduce((s, r) => s + BigInt(r[k]), 0n);
        expect(totals.total.orders).toBe(sum("orders"));
        expect(totals.total.gmvFen).toBe(sum("gmv"));
        expect(totals.groups.reduce((s, g) => s + g.shareBps, 0)).toBe(10_000);
      });
    }
  }

  // The report derives the view's totals from its series rows (one query fewer): they must be the
  // totals query's, for every interval (weeks and months start before the range) and grouping.
  for (const interval of ["hour", "day", "week", "month"] as const) {
    it(`report totals equal the totals query (${interval}ly buckets, every grouping)`, async () => {
      const range = interval === "hour" ? { from: "2026-11-20", to: "2026-11-26" } : {};
      for (const groupBy of ["channel", "agent", "integration", "payment_method"] as const) {
        const view = { ...baseView, ...range, interval, groupBy };
        const report = await data.getAttributionReport({ merchantId: lumen, view });
        const totals = await data.getAttributionTotals({ merchantId: lumen, view });
        expect(report.totals, groupBy).toEqual(totals);
        expect(report.totals.total.orders, groupBy).toBeGreaterThan(0n);
      }
    });
  }

  it("keeps merchants apart (swiftride, by channel)", async () => {
    const totals = await data.getChannelSplit({ merchantId: swiftride, view: baseView });
    const raw = await rawAggregate(swiftride, baseView, "channel", null);
    expect(Object.fromEntries(totals.groups.filter((g) => g.orders > 0n).map((g) => [g.key, metrics(g)]))).toEqual(
      Object.fromEntries(raw.map((r) => [r.key, { orders: r.orders, gmv: r.gmv, refunds: r.refunds }])),
    );
  });

  it("payment-method split and top agents agree with the raw sums", async () => {
    const split = await data.getPaymentMethodSplit({ merchantId: lumen, view: baseView });
    const raw = await rawAggregate(lumen, baseView, "payment_method", null);
    for (const r of raw) expect(metrics(split.groups.find((g) => g.key === r.key)!)).toEqual({ orders: r.orders, gmv: r.gmv, refunds: r.refunds });
    const top = await data.getTopAgents({ merchantId: lumen, view: baseView, limit: 3 });
    const rawAgents = (await rawAggregate(lumen, baseView, "agent", null)).filter((r) => r.key !== "").sort((a, b) => Number(BigInt(b.gmv) - BigInt(a.gmv)));
    expect(top.agents.map((a) => [a.key, a.gmvFen.toString()])).toEqual(rawAgents.slice(0, 3).map((r) => [r.key, r.gmv]));
    expect(top.agents.every((a) => a.name !== a.key)).toBe(true);
  });

  it("AI share compares with the previous period of equal length", async () => {
    const share = await data.getAiShare({ merchantId: lumen, view: { ...baseView, from: "2026-11-01" } });
    const current = await rawAggregate(lumen, { ...baseView, from: "2026-11-01" }, "channel", null);
    const previous = await rawAggregate(lumen, { ...baseView, from: "2026-10-05", to: "2026-10-31" }, "channel", null);
    const ai = (rows: RawRow[]) => rows.filter((r) => r.key !== "ORGANIC").reduce((s, r) => s + BigInt(r.gmv), 0n);
    const all = (rows: RawRow[]) => rows.reduce((s, r) => s + BigInt(r.gmv), 0n);
    expect(share).toEqual({ aiGmvFen: ai(current), totalGmvFen: all(current), previousAiGmvFen: ai(previous), previousTotalGmvFen: all(previous) });
  });
});

describe("attribution series equal raw buckets", () => {
  const cases = [
    { interval: "day", view: baseView, bucket: `to_char(t, 'YYYY-MM-DD')` },
    { interval: "week", view: { ...baseView, interval: "week" }, bucket: `to_char(date_trunc('week', t), 'YYYY-MM-DD')` },
    { interval: "month", view: { ...baseView, interval: "month" }, bucket: `to_char(date_trunc('month', t), 'YYYY-MM-DD')` },
    { interval: "hour", view: { ...baseView, interval: "hour", from: "2026-11-20", to: "2026-11-21" }, bucket: `to_char(date_trunc('hour', "occurredAt"), 'YYYY-MM-DD"T"HH24:00:00.000"Z"')` },
  ] as const;
  for (const c of cases) {
    it(`by ${c.interval}, zero-filled`, async () => {
      const series = await data.getAttributionSeries({ merchantId: lumen, view: c.view });
      const raw = await rawAggregate(lumen, c.view, "channel", c.bucket);
      const cells = new Map(raw.map((r) => [`${r.bucket}|${r.key}`, r]));
      let nonZero = 0;
      for (const bucket of series.buckets) {
        for (const key of series.keys) {
          const m = series.values.get(bucket)!.get(key)!;
          const r = cells.get(`${bucket}|${key}`);
          expect(metrics(m), `${bucket} ${key}`).toEqual(r ? { orders: r.orders, gmv: r.gmv, refunds: r.refunds } : { orders: "0", gmv: "0", refunds: "0" });
          if (r) nonZero++;
        }
      }
      expect(nonZero).toBe(raw.length);
      if (c.interval === "hour") expect(series.buckets).toHaveLength(48);
      if (c.interval === "day") expect(series.buckets).toHaveLength(88);
    });
  }
});

describe("GET /api/v1/analytics/attribution", () => {
  const call = (query: string, key: string | null = analyticsKey) =>
    api.GET(new Request(`http://localhost/api/v1/analytics/attribution?${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }));

  it("returns the same numbers as the data function, money as strings of fen", async () => {
    const view: AttributionView = { ...baseView, groupBy: "agent", interval: "week" };
    const response = await call("from=2026-09-01&to=2026-11-27&interval=week&groupBy=agent");
    expect(response.status).toBe(200);
    const body = await response.json();
    const expected = reportJson.attributionReportJson(await data.getAttributionReport({ merchantId: lumen, view }));
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(typeof body.totals.gmvFen).toBe("string");
    const raw = await rawAggregate(lumen, view, "agent", null);
    expect(body.totals.gmvFen).toBe(raw.reduce((s, r) => s + BigInt(r.gmv), 0n).toString());
    expect(body.totals.orders).toBe(Number(raw.reduce((s, r) => s + BigInt(r.orders), 0n)));
  });

  it("answers 4xx with the reason for bad parameters and keys", async () => {
    const bad = await call("from=2026-02-30&interval=year");
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("invalid_parameters");
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["from", "interval"]);
    expect((await call("groupBy=city")).status).toBe(400);
    expect((await call("from=2026-11-10&to=2026-11-01")).status).toBe(400);
    expect((await call("from=2026-01-01&to=2026-11-01&interval=hour")).status).toBe(400);
    const unknown = await call("form=2026-11-01");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe("unknown_parameter");
    expect((await call("", null)).status).toBe(401);
    expect((await call("", "sg_analytics_demo_lumen_0000000000000000000001")).status).toBe(401);
  });
});

describe("order explorer and CSV export", () => {
  const filters = { from: "2026-10-01", to: "2026-10-31", channel: "AI_SKILL" as const, status: "NOT_CANCELLED" as const, verification: "exclude" as const };

  it("counts what the attribution drill-down shows", async () => {
    const view: AttributionView = { ...baseView, from: "2026-10-01", to: "2026-10-31" };
    const totals = await data.getChannelSplit({ merchantId: lumen, view });
    const count = await explorer.countOrders({ merchantId: lumen, filters });
    expect(BigInt(count)).toBe(totals.groups.find((g) => g.key === "AI_SKILL")!.orders);
  });

  it("pages with a stable keyset: every order once, newest first", async () => {
    const f = { from: "2026-11-01", to: "2026-11-10", minFen: 1_500n, maxFen: 3_000n };
    const seen: bigint[] = [];
    let cursor = null;
    let last: { at: number; id: bigint } | null = null;
    do {
      const page: Awaited<ReturnType<typeof explorer.listOrders>> = await explorer.listOrders({ merchantId: lumen, filters: f, cursor, pageSize: 37 });
      for (const o of page.orders) {
        expect(o.amountFen >= 1_500n && o.amountFen <= 3_000n).toBe(true);
        if (last) expect(o.occurredAt.getTime() < last.at || (o.occurredAt.getTime() === last.at && o.id < last.id)).toBe(true);
        last = { at: o.occurredAt.getTime(), id: o.id };
        seen.push(o.id);
      }
      cursor = page.nextCursor ? (await import("@/lib/orders/cursor")).decodeCursor(page.nextCursor) : null;
    } while (cursor);
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "Order" WHERE "merchantId" = $1 AND "amountFen" BETWEEN 1500 AND 3000
          AND "occurredAt" >= '2026-10-31T16:00:00' AND "occurredAt" < '2026-11-10T16:00:00'`,
      [lumen],
    );
    expect(seen.length).toBe(rows[0].n);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(37);
  });

  it("streams one CSV row per matching order, in small batches", async () => {
    const stream = explorer.streamOrdersCsv({ merchantId: lumen, filters: { from: "2026-09-01", to: "2026-11-27" }, batchSize: 250 });
    const text = await new Response(stream).text();
    const lines = text.split("\r\n").filter(Boolean);
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, coalesce(sum("amountFen"), 0)::text AS fen FROM "Order"
        WHERE "merchantId" = $1 AND "occurredAt" >= '2026-08-31T16:00:00' AND "occurredAt" < '2026-11-27T16:00:00'`,
      [lumen],
    );
    expect(lines.length - 1).toBe(rows[0].n);
    expect(lines[0]!.replace("\uFEFF", "")).toBe(explorer.csvColumns.join(","));
    const amount = explorer.csvColumns.indexOf("amount_yuan");
    const fen = lines.slice(1).reduce((s, l) => s + BigInt(l.split(",")[amount]!.replace(".", "")), 0n);
    expect(fen.toString()).toBe(rows[0].fen);
  });
});

describe("screen reading", () => {
  it("sessions and failures per path equal the raw sessions", async () => {
    const paths = await screen.getScreenReadByPath({ merchantId: lumen, from: "2026-09-01", to: "2026-11-27" });
    const { rows } = await client.query<{ path: string; sessions: string; failures: string }>(
      `SELECT "pagePath" AS path, count(*)::text AS sessions, count(*) FILTER (WHERE outcome <> 'COMPLETED')::text AS failures
         FROM "ScreenReadSession" WHERE "merchantId" = $1 AND ("startedAt" + interval '8 hours')::date BETWEEN '2026-09-01' AND '2026-11-27'
        GROUP BY 1`,
      [lumen],
    );
    expect(Object.fromEntries(paths.map((p) => [p.pagePath, [p.sessions.toString(), p.failures.toString()]]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.path, [r.sessions, r.failures]])),
    );
    expect(rows.length).toBeGreaterThan(0);
  });
});
