import "server-only";
import type pg from "pg";
import { ArrayColumns } from "@/lib/ingest/pg-array";
import type { OrderRollupDeltas, OrderRollupRow, ScreenReadRollupRow } from "@/lib/ingest/rollup-deltas";

// Rollup upserts inside an ingest transaction, each row once, rows in key order (the planner
// sorted them), hourly before daily in every transaction. Both tables in ONE statement: one round
// trip and one parse instead of two.

const counters = ["orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen"] as const;
const dimensions = `"merchantId", {bucket}, "channel", "agentId", "integrationId", "paymentMethod", "isVerification"`;

/** The upsert of one table from 13 arrays, parameters $first.. $first+12. */
function upsertSql(table: "OrderRollupHourly" | "OrderRollupDaily", first: number): string {
  const [bucket, type] = table === "OrderRollupHourly" ? [`"hour"`, "timestamp(3)"] : [`"day"`, "date"];
  const arrayTypes = ["text", type, `"Channel"`, "text", "text", `"PaymentMethod"`, "bool", ...counters.map(() => "bigint")];
  const keys = dimensions.replace("{bucket}", bucket);
  const columns = `${keys}, ${counters.map((c) => `"${c}"`).join(", ")}`;
  return `INSERT INTO "${table}" (${columns})
     SELECT ${columns}
       FROM unnest(${arrayTypes.map((t, i) => `$${first + i}::${t}[]`).join(", ")}) WITH ORDINALITY AS t(${columns}, ord)
      {filter}
      ORDER BY ord
     ON CONFLICT (${keys}) DO UPDATE SET
       ${counters.map((c) => `"${c}" = "${table}"."${c}" + EXCLUDED."${c}"`).join(",\n       ")}`;
}

// The daily upsert reads the hourly one's count in an InitPlan, evaluated before its first row:
// so the hourly rows are locked before any daily row, in every transaction (data-modifying CTEs
// otherwise run in an order PostgreSQL does not promise).
const upsertBothSql = `WITH hourly AS (
     ${upsertSql("OrderRollupHourly", 1).replace("{filter}", "")}
     RETURNING 1
   )
   ${upsertSql("OrderRollupDaily", 14).replace("{filter}", "WHERE (SELECT count(*) FROM hourly) >= 0")}`;

function rowArrays(rows: readonly OrderRollupRow[]): string[] {
  const columns = new ArrayColumns(13);
  for (const r of rows) {
    columns.push(r.merchantId, r.bucket, r.channel, r.agentId, r.integrationId, r.paymentMethod, r.isVerification, r.orders, r.gmvFen, r.refundsFen, r.cancelledOrders, r.feeFen, r.feeRefundedFen);
  }
  return columns.literals();
}

export async function upsertOrderRollups(client: pg.PoolClient, deltas: OrderRollupDeltas): Promise<void> {
  const hourly = deltas.hourlyRows();
  const daily = deltas.dailyRows();
  if (!hourly.length && !daily.length) return;
  await client.query({ name: "ingest-order-rollups", text: upsertBothSql, values: [...rowArrays(hourly), ...rowArrays(daily)] });
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
