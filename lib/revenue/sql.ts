// SQL fragments for the revenue arithmetic, the same rules as lib/revenue/fee.ts: exact numeric
// (never floating point) integer division rounded half to even. Tests check SQL and TypeScript
// agree (lib/data/revenue-sql.int.test.ts).

/** n / d rounded half to even, for n ≥ 0 and d > 0 (SQL expressions of an exact type). */
export function divideHalfEvenSql(n: string, d: string): string {
  return `(SELECT CASE WHEN 2 * hx.r > hx.d OR (2 * hx.r = hx.d AND mod(hx.q, 2) = 1) THEN hx.q + 1 ELSE hx.q END
             FROM (SELECT div((${n})::numeric, (${d})::numeric) AS q, mod((${n})::numeric, (${d})::numeric) AS r, (${d})::numeric AS d) AS hx)`;
}

/** computeFeeFen: rate × amount / 10 000 half to even, plus the fixed fee, capped at the amount. */
export function feeSql(amount: string, rateBps: string, fixedFeeFen: string): string {
  return `LEAST((${amount})::numeric, ${divideHalfEvenSql(`(${amount})::numeric * (${rateBps})`, "10000")} + (${fixedFeeFen}))`;
}

/** computeFeeRefundFen: the fee share of `refunded` (cumulative) out of `amount`. */
export function feeRefundSql(fee: string, amount: string, refunded: string): string {
  return `(CASE WHEN (${refunded}) <= 0 OR (${amount}) <= 0 THEN 0::numeric
                WHEN (${refunded}) >= (${amount}) THEN (${fee})::numeric
                ELSE ${divideHalfEvenSql(`(${fee})::numeric * (${refunded})`, amount)} END)`;
}

/** The Asia/Shanghai month, "YYYY-MM", of a timestamp(3) column holding UTC wall time. */
export function periodSql(column: string): string {
  return `to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
}
