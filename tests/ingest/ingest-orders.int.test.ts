// Ingests the demo generator's orders through the route handler, with duplicates, conflicts,
// bad events, extra partial refunds and refunds of unknown orders mixed in, then checks every
// rollup against its definition over the raw rows, and every order against the generator's own
// (independent) fee and refund arithmetic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFeeRefundFen } from "@/lib/revenue/fee";
import type { OrderRow } from "@/lib/demo/activity";
import { demoActivity, setUpIngest, type IngestFixture, type Report } from "./ingest-fixture";

let fx: IngestFixture;
let activity: ReturnType<typeof demoActivity>;

beforeAll(async () => {
  fx = await setUpIngest();
  activity = demoActivity(fx.world, 3_000);
}, 120_000);
afterAll(async () => fx?.close());

const slugOf = (fx: IngestFixture, merchantId: string) => fx.world.merchants.find((m) => m.id === merchantId)!.slug;

async function send(body: unknown): Promise<{ status: number; report: Report }> {
  const response = await fx.post("orders", body);
  return { status: response.status, report: (await response.json()) as Report };
}

describe("POST /api/v1/events/orders with the demo data set", () => {
  const expected = new Map<string, OrderRow>();
  let acceptedEvents = 0;

  it("accepts the generated events in batches, with repeats, conflicts and bad events reported one by one", async () => {
    const events = activity.events.map((e) => JSON.parse(e.payload) as Record<string, unknown>);
    for (const o of activity.orders) expected.set(`${o.merchantId}/${o.externalId}`, { ...o });

    // Extra partial refunds (sequence 1 and 2) for some paid orders, sent after their CREATED.
    const paid = activity.orders.filter((o) => o.status === "PAID" && o.amountFen >= 10n).filter((_, i) => i % 25 === 0);
    const extraRefunds = paid.flatMap((o) => {
      const first = o.amountFen / 3n;
      const base = { type: "REFUNDED", merchant: slugOf(fx, o.merchantId), externalId: o.externalId, occurredAt: new Date(o.occurredAt.getTime() + 3_600_000).toISOString() };
      const exp = expected.get(`${o.merchantId}/${o.externalId}`)!;
      exp.refundedFen = o.amountFen;
      exp.status = "REFUNDED";
      exp.feeRefundedFen = computeFeeRefundFen({ feeFen: o.feeFen, amountFen: o.amountFen, refundedFen: o.amountFen });
      return [
        { ...base, sequence: 1, refundedFen: first.toString() },
        { ...base, sequence: 2, refundedFen: Number(o.amountFen - first) },
      ];
    });
    expect(paid.length).toBeGreaterThan(20);

    const batches: unknown[][] = [];
    for (let i = 0; i < events.length; i += 500) batches.push(events.slice(i, i + 500));
    batches.push(extraRefunds);

    let first: Report | undefined;
    for (const [n, batch] of batches.entries()) {
      const { status, report } = await send({ events: batch });
      expect(status).toBe(200);
      expect(report.rejected + report.conflicts + report.duplicates, JSON.stringify(report.results.filter((r) => r.status !== "accepted").slice(0, 3))).toBe(0);
      expect(report.results.map((r) => r.index)).toEqual(batch.map((_, i) => i));
      acceptedEvents += report.accepted;
      if (n === 0) first = report;
    }
    expect(first?.accepted).toBe(500);
    expect(acceptedEvents).toBe(events.length + extraRefunds.length);

    // The first batch again: every event a duplicate, nothing changes.
    const again = await send({ events: batches[0] });
    expect(again.status).toBe(200);
    expect(again.report).toMatchObject({ accepted: 0, duplicates: 500, conflicts: 0, rejected: 0 });

    // A mixed batch.
    const created = events.find((e) => e.type === "CREATED" && e.channel === "AI_SKILL")!;
    const paidOrder = activity.orders.find((o) => o.status === "PAID" && o.amountFen > 100n && !paid.includes(o))!;
    const mixed = [
      created, // 0 duplicate
      { ...created, amountFen: "999999" }, // 1 conflict (same identity, other body)
      { ...created, externalId: "NEW-1", amountFen: -1 }, // 2 rejected: negative
      { type: "REFUNDED", merchant: "lumen-coffee", externalId: "NO-SUCH-ORDER", refundedFen: 5, occurredAt: "2026-11-01T00:00:00Z" }, // 3 rejected: unknown order
      { type: "REFUNDED", merchant: slugOf(fx, paidOrder.merchantId), externalId: paidOrder.externalId, sequence: 7, refundedFen: (paidOrder.amountFen + 1n).toString(), occurredAt: paidOrder.occurredAt.toISOString() }, // 4 rejected: beyond the amount
      { ...created, merchant: "no-such-merchant" }, // 5 rejected
      { ...created, externalId: "NEW-2", agent: "no-such-agent" }, // 6 rejected
      { ...created, externalId: "NEW-3", integrationId: "no-such-integration" }, // 7 rejected
      { ...created, externalId: "NEW-4" }, // 8 accepted
      { ...created, externalId: "NEW-4" }, // 9 duplicate within the batch
      { ...created, externalId: "NEW-4", amountFen: 1 }, // 10 conflict within the batch
      { type: "CANCELLED", merchant: created.merchant, externalId: "NEW-4", occurredAt: new Date().toISOString() }, // 11 accepted: cancels NEW-4
      { hello: "world" }, // 12 rejected
    ];
    const { status, report } = await send({ events: mixed });
    expect(status).toBe(200);
    expect(report.results.map((r) => r.status)).toEqual([
      "duplicate", "conflict", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted", "duplicate", "conflict", "accepted", "rejected",
    ]);
    expect(report).toMatchObject({ accepted: 2, duplicates: 2, conflicts: 2, rejected: 7 });
    expect(report.results[2]?.errors).toEqual([{ path: "amountFen", message: "amountFen must be positive." }]);
    expect(report.results[3]?.errors?.[0]?.message).toMatch(/No order "NO-SUCH-ORDER"/);
    expect(report.results[4]?.errors?.[0]).toMatchObject({ path: "refundedFen", message: expect.stringMatching(/exceeds/) });
    expect(report.results[5]?.errors).toEqual([{ path: "merchant", message: 'Unknown merchant "no-such-merchant".' }]);
    expect(report.results[6]?.errors?.[0]?.path).toBe("agent");
    expect(report.results[7]?.errors?.[0]?.path).toBe("integrationId");
    acceptedEvents += 2;
  });

  it("keeps exactly one OrderEvent per accepted event and nothing from rejected ones", async () => {
    const { rows } = await fx.client.query(`SELECT count(*)::int AS n FROM "OrderEvent"`);
    expect(rows[0].n).toBe(acceptedEvents);
    const stray = await fx.client.query(`SELECT count(*)::int AS n FROM "Order" WHERE "externalId" IN ('NEW-1', 'NEW-2', 'NEW-3', 'NO-SUCH-ORDER')`);
    expect(stray.rows[0].n).toBe(0);
    const cancelled = await fx.client.query(`SELECT "status" FROM "Order" WHERE "externalId" = 'NEW-4'`);
    expect(cancelled.rows).toEqual([{ status: "CANCELLED" }]);
  });

  it("stores every order as the generator computed it: fee of the rule in effect, refunds, fee refunds, status", async () => {
    const { rows } = await fx.client.query(
      `SELECT "merchantId", "externalId", "channel", "agentId", "integrationId", "operationName", "paymentMethod", "amountFen"::text, "refundedFen"::text,
              "status", "isVerification", to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt", "revenueRuleId", "feeFen"::text, "feeRefundedFen"::text
         FROM "Order" WHERE "externalId" NOT LIKE 'NEW-%'`,
    );
    expect(rows.length).toBe(expected.size);
    let withFee = 0;
    for (const row of rows) {
      const o = expected.get(`${row.merchantId}/${row.externalId}`)!;
      expect(row).toEqual({
        merchantId: o.merchantId,
        externalId: o.externalId,
        channel: o.channel,
        agentId: o.agentId,
        integrationId: o.integrationId,
        operationName: o.operationName,
        paymentMethod: o.paymentMethod,
        amountFen: o.amountFen.toString(),
        refundedFen: o.refundedFen.toString(),
        status: o.status,
        isVerification: o.isVerification,
        occurredAt: o.occurredAt.toISOString(),
        revenueRuleId: o.revenueRuleId,
        feeFen: o.feeFen.toString(),
        feeRefundedFen: o.feeRefundedFen.toString(),
      });
      if (o.feeFen > 0n) withFee++;
    }
    expect(withFee).toBeGreaterThan(500);
  });

  it("has hourly and daily rollups equal to their definitions over the raw orders, row for row", async () => {
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });
    const totals = await fx.client.query(`
      SELECT (SELECT sum("gmvFen")::text FROM "OrderRollupHourly") AS hourly, (SELECT sum("gmvFen")::text FROM "OrderRollupDaily") AS daily,
             (SELECT coalesce(sum("amountFen") FILTER (WHERE "status" <> 'CANCELLED'), 0)::text FROM "Order") AS raw`);
    expect(totals.rows[0].hourly).toBe(totals.rows[0].raw);
    expect(totals.rows[0].daily).toBe(totals.rows[0].raw);
  });

  it("changes nothing when everything is sent again", async () => {
    const before = await fx.client.query(`SELECT sum("orders")::text o, sum("gmvFen")::text g, sum("refundsFen")::text r, sum("feeRefundedFen")::text f FROM "OrderRollupDaily"`);
    const events = activity.events.map((e) => JSON.parse(e.payload));
    let duplicates = 0;
    for (let i = 0; i < events.length; i += 1_000) {
      const { status, report } = await send({ events: events.slice(i, i + 1_000) });
      expect(status).toBe(200);
      duplicates += report.duplicates;
      expect(report.accepted).toBe(0);
    }
    expect(duplicates).toBe(events.length);
    const after = await fx.client.query(`SELECT sum("orders")::text o, sum("gmvFen")::text g, sum("refundsFen")::text r, sum("feeRefundedFen")::text f FROM "OrderRollupDaily"`);
    expect(after.rows).toEqual(before.rows);
  });
});

describe("fee at ingest", () => {
  it("uses a rule added later once its cache is invalidated, and refunds the fee proportionally", async () => {
    const { invalidateRevenueRules } = await import("@/lib/data/ingest-revenue-rules");
    const merchant = fx.world.merchants.find((m) => m.slug === "daymart")!;
    await fx.client.query(
      `INSERT INTO "RevenueShareRule" ("id", "merchantId", "channel", "agentId", "rateBps", "fixedFeeFen", "effectiveFrom") VALUES ('rule-test-organic', $1, 'ORGANIC', NULL, 125, 3, now() - interval '1 hour')`,
      [merchant.id],
    );
    invalidateRevenueRules(merchant.id);
    const at = new Date(Date.now() - 60_000).toISOString();
    const { report } = await send({
      events: [
        { type: "CREATED", merchant: "daymart", externalId: "FEE-1", channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: 1_020, occurredAt: at },
        { type: "REFUNDED", merchant: "daymart", externalId: "FEE-1", sequence: 0, refundedFen: 510, occurredAt: at },
      ],
    });
    expect(report.accepted).toBe(2);
    const { rows } = await fx.client.query(`SELECT "revenueRuleId", "feeFen"::int, "feeRefundedFen"::int, "status" FROM "Order" WHERE "externalId" = 'FEE-1'`);
    // 1020 × 1.25% = 12.75 → 13, + 3 fixed = 16; half refunded → 8.
    expect(rows).toEqual([{ revenueRuleId: "rule-test-organic", feeFen: 16, feeRefundedFen: 8, status: "PARTIALLY_REFUNDED" }]);
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });
  });
});
