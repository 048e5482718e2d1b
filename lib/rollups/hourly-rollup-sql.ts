// The one definition of OrderRollupHourly in terms of "Order", as SQL. The demo generator fills
// the rollups with it after a bulk load; ingestion can rebuild a merchant's hours with it; tests
// compare it with direct sums over "Order".
//
// Semantics, per (merchant, UTC hour of occurredAt, channel, agent, integration, payment method,
// verification flag) — "" stands for no agent / no integration:
//   orders          = count of orders that are not CANCELLED
//   gmvFen          = sum of amountFen over orders that are not CANCELLED
//   cancelledOrders = count of CANCELLED orders
//   refundsFen      = sum of refundedFen, counted in the hour the ORIGINAL order occurred
//   feeFen          = sum of feeFen over orders that are not CANCELLED
//   feeRefundedFen  = sum of feeRefundedFen (also at the original order's hour)
// Net GMV is gmvFen − refundsFen; net platform share is feeFen − feeRefundedFen.

const dimensions = `"merchantId", "hour", "channel", "agentId", "integrationId", "paymentMethod", "isVerification"`;

/** The aggregate over "Order" (no insert), optionally limited by merchant and [from, to) on occurredAt. */
export const hourlyRollupSelectSql = `
SELECT "merchantId",
       date_trunc('hour', "occurredAt") AS "hour",
       "channel",
       coalesce("agentId", '') AS "agentId",
       coalesce("integrationId", '') AS "integrationId",
       "paymentMethod",
       "isVerification",
       count(*) FILTER (WHERE "status" <> 'CANCELLED')::bigint AS "orders",
       coalesce(sum("amountFen") FILTER (WHERE "status" <> 'CANCELLED'), 0)::bigint AS "gmvFen",
       coalesce(sum("refundedFen"), 0)::bigint AS "refundsFen",
       count(*) FILTER (WHERE "status" = 'CANCELLED')::bigint AS "cancelledOrders",
       coalesce(sum("feeFen") FILTER (WHERE "status" <> 'CANCELLED'), 0)::bigint AS "feeFen",
       coalesce(sum("feeRefundedFen"), 0)::bigint AS "feeRefundedFen"
  FROM "Order"
 WHERE ($1::text IS NULL OR "merchantId" = $1)
   AND ($2::timestamp(3) IS NULL OR "occurredAt" >= $2)
   AND ($3::timestamp(3) IS NULL OR "occurredAt" < $3)
 GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** The table's rows in the select's column order, for comparisons with the definition. */
export const hourlyRollupTableSql = `SELECT ${dimensions}, "orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen" FROM "OrderRollupHourly"`;

export type RollupScope = { merchantId?: string; from?: Date; to?: Date };

/**
 * Statements that make the rollups of a scope exactly match "Order": delete the scope's rows,
 * then insert the aggregate. Run both in one transaction. `from`/`to` should be whole UTC hours.
 * Values are ISO strings (timestamps are stored as UTC wall time).
 */
export function rebuildHourlyRollupsSql(scope: RollupScope = {}): { deleteSql: string; insertSql: string; values: (string | null)[] } {
  const values = [scope.merchantId ?? null, scope.from?.toISOString() ?? null, scope.to?.toISOString() ?? null];
  const deleteSql = `
DELETE FROM "OrderRollupHourly"
 WHERE ($1::text IS NULL OR "merchantId" = $1)
   AND ($2::timestamp(3) IS NULL OR "hour" >= date_trunc('hour', $2::timestamp(3)))
   AND ($3::timestamp(3) IS NULL OR "hour" < $3)`;
  const insertSql = `
INSERT INTO "OrderRollupHourly" (${dimensions}, "orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen")
${hourlyRollupSelectSql}`;
  return { deleteSql, insertSql, values };
}
