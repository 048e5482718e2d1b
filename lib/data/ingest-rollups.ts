import "server-only";
import type pg from "pg";
import type { OrderRollupDeltas, OrderRollupRow, ScreenReadRollupRow } from "@/lib/ingest/rollup-deltas";

// Rollup upserts inside an ingest transaction: one statement per table, each row once, rows in
// key order (the planner sorted them), hourly before daily in every transaction.

const counters = ["orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen"] as const;

async function upsertOrderRollup(client: pg.PoolClient, table: "OrderRollupHourly" | "OrderRollupDaily", rows: readonly OrderRollupRow[]) {
  if (!rows.length) return;
  const bucket = table === "OrderRollupHourly" ? `"hour"` : `"day"`;
  const bucketType = table === "OrderRollupHourly" ? "timestamp(3)" : "date";
  await client.query(
    `INSERT INTO "${table}" ("merchantId", ${bucket}, "channel", "agentId", "integrationId", "paymentMethod", "isVerification", ${counters.map((c) => `"${c}"`).join(", ")})
     SELECT m, b, c, a, i, p, v, n1, n2, n3, n4, n5, n6
       FROM unnest($1::text[], $2::${bucketType}[], $3::"Channel"[], $4::text[], $5::text[], $6::"PaymentMethod"[], $7::bool[],
                   $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])
            WITH ORDINALITY AS t(m, b, c, a, i, p, v, n1, n2, n3, n4, n5, n6, ord)
      ORDER BY ord
     ON CONFLICT ("merchantId", ${bucket}, "channel", "agentId", "integrationId", "paymentMethod", "isVerification") DO UPDATE SET
       ${counters.map((c) => `"${c}" = "${table}"."${c}" + EXCLUDED."${c}"`).join(",\n       ")}`,
    [
      rows.map((r) => r.merchantId),
      rows.map((r) => r.bucket),
      rows.map((r) => r.channel),
      rows.map((r) => r.agentId),
      rows.map((r) => r.integrationId),
      rows.map((r) => r.paymentMethod),
      rows.map((r) => r.isVerification),
      ...counters.map((c) => rows.map((r) => r[c].toString())),
    ],
  );
}

export async function upsertOrderRollups(client: pg.PoolClient, deltas: OrderRollupDeltas): Promise<void> {
  await upsertOrderRollup(client, "OrderRollupHourly", deltas.hourlyRows());
  await upsertOrderRollup(client, "OrderRollupDaily", deltas.dailyRows());
}

export async function upsertScreenReadRollups(client: pg.PoolClient, rows: readonly ScreenReadRollupRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `INSERT INTO "ScreenReadRollupDaily" ("merchantId", "day", "pagePath", "outcome", "agentId", "sessions", "steps", "durationMs", "linkedOrders")
     SELECT m, d, p, o, a, n1, n2, n3, n4
       FROM unnest($1::text[], $2::date[], $3::text[], $4::"ScreenReadOutcome"[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[])
            WITH ORDINALITY AS t(m, d, p, o, a, n1, n2, n3, n4, ord)
      ORDER BY ord
     ON CONFLICT ("merchantId", "day", "pagePath", "outcome", "agentId") DO UPDATE SET
       "sessions" = "ScreenReadRollupDaily"."sessions" + EXCLUDED."sessions",
       "steps" = "ScreenReadRollupDaily"."steps" + EXCLUDED."steps",
       "durationMs" = "ScreenReadRollupDaily"."durationMs" + EXCLUDED."durationMs",
       "linkedOrders" = "ScreenReadRollupDaily"."linkedOrders" + EXCLUDED."linkedOrders"`,
    [
      rows.map((r) => r.merchantId),
      rows.map((r) => r.day),
      rows.map((r) => r.pagePath),
      rows.map((r) => r.outcome),
      rows.map((r) => r.agentId),
      rows.map((r) => r.sessions),
      rows.map((r) => r.steps),
      rows.map((r) => r.durationMs),
      rows.map((r) => r.linkedOrders),
    ],
  );
}
