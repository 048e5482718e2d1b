// The one definition of ScreenReadRollupDaily in terms of "ScreenReadSession", per
// (merchant, Asia/Shanghai day of startedAt, page path, outcome, agent):
//   sessions     = count of sessions
//   steps        = sum of steps
//   durationMs   = sum of durationMs (missing durations count 0)
//   linkedOrders = count of sessions that name the order they led to
import { shanghaiDaySql, shanghaiDayStartSql } from "./shanghai-day";

const dimensions = `"merchantId", "day", "pagePath", "outcome", "agentId"`;
const counters = `"sessions", "steps", "durationMs", "linkedOrders"`;

/** The aggregate, optionally limited by $1 merchant and Shanghai days [$2, $3) (dates). */
export const screenReadRollupSelectSql = `
SELECT "merchantId",
       ${shanghaiDaySql(`"startedAt"`)} AS "day",
       "pagePath",
       "outcome",
       "agentId",
       count(*)::bigint AS "sessions",
       coalesce(sum("steps"), 0)::bigint AS "steps",
       coalesce(sum("durationMs"), 0)::bigint AS "durationMs",
       count("orderExternalId")::bigint AS "linkedOrders"
  FROM "ScreenReadSession"
 WHERE ($1::text IS NULL OR "merchantId" = $1)
   AND ($2::date IS NULL OR "startedAt" >= ${shanghaiDayStartSql("$2")})
   AND ($3::date IS NULL OR "startedAt" < ${shanghaiDayStartSql("$3")})
 GROUP BY 1, 2, 3, 4, 5`;

export const screenReadRollupTableSql = `SELECT ${dimensions}, ${counters} FROM "ScreenReadRollupDaily"`;

export type ScreenReadRollupScope = { merchantId?: string; fromDay?: string; toDay?: string };

export function rebuildScreenReadRollupsSql(scope: ScreenReadRollupScope = {}): { deleteSql: string; insertSql: string; values: (string | null)[] } {
  const values = [scope.merchantId ?? null, scope.fromDay ?? null, scope.toDay ?? null];
  const deleteSql = `
DELETE FROM "ScreenReadRollupDaily"
 WHERE ($1::text IS NULL OR "merchantId" = $1)
   AND ($2::date IS NULL OR "day" >= $2::date)
   AND ($3::date IS NULL OR "day" < $3::date)`;
  const insertSql = `INSERT INTO "ScreenReadRollupDaily" (${dimensions}, ${counters})\n${screenReadRollupSelectSql}`;
  return { deleteSql, insertSql, values };
}
