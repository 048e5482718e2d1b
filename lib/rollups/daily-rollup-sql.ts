// The one definition of OrderRollupDaily in terms of "Order": the same counters as
// OrderRollupHourly (see hourly-rollup-sql.ts for their meaning), per Asia/Shanghai calendar day
// of the ORIGINAL order's occurredAt. Refunds and cancellations count on that day too.
import { shanghaiDaySql, shanghaiDayStartSql } from "./shanghai-day";

const dimensions = `"merchantId", "day", "channel", "agentId", "integrationId", "paymentMethod", "isVerification"`;
const counters = `"orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen"`;

/** The aggregate over "Order", optionally limited by $1 merchant and Shanghai days [$2, $3) (dates). */
export const dailyRollupSelectSql = `
SELECT "merchantId",
       ${shanghaiDaySql(`"occurredAt"`)} AS "day",
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
   AND ($2::date IS NULL OR "occurredAt" >= ${shanghaiDayStartSql("$2")})
   AND ($3::date IS NULL OR "occurredAt" < ${shanghaiDayStartSql("$3")})
 GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** The table's rows in the select's column order, for comparisons with the definition. */
export const dailyRollupTableSql = `SELECT ${dimensions}, ${counters} FROM "OrderRollupDaily"`;

export type DailyRollupScope = { merchantId?: string; fromDay?: string; toDay?: string };

/** Delete the scope's rows, then insert the aggregate: run both in one transaction. Days are "YYYY-MM-DD". */
export function rebuildDailyRollupsSql(scope: DailyRollupScope = {}): { deleteSql: string; insertSql: string; values: (string | null)[] } {
  const values = [scope.merchantId ?? null, scope.fromDay ?? null, scope.toDay ?? null];
  const deleteSql = `
DELETE FROM "OrderRollupDaily"
 WHERE ($1::text IS NULL OR "merchantId" = $1)
   AND ($2::date IS NULL OR "day" >= $2::date)
   AND ($3::date IS NULL OR "day" < $3::date)`;
  const insertSql = `INSERT INTO "OrderRollupDaily" (${dimensions}, ${counters})\n${dailyRollupSelectSql}`;
  return { deleteSql, insertSql, values };
}
