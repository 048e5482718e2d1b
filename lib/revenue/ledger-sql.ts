// The statement ledger in SQL: the booking rules of lib/revenue/statement.ts, set-based. One
// definition serves the aggregated statement and the streamed CSV entries.
//
// Parameters: $1 merchantId, $2 period "YYYY-MM", $3 / $4 the period's [start, end) as UTC
// timestamp(3) text.
import { feeRefundSql, periodSql } from "./sql";

/** An event at `at`, received at `received`, is booked in `at`'s month unless that month was closed before it arrived. */
const bookedPeriod = (at: string, received: string, closed: string) =>
  `(CASE WHEN ${closed}."closedAt" IS NOT NULL AND ${received} > ${closed}."closedAt" THEN ${periodSql(received)} ELSE ${periodSql(at)} END)`;

/**
 * One row per ledger entry booked in the period: kind ORDER (the order itself), REFUND or
 * CANCELLATION, with the order's dimensions, its time, the amounts and the fee (given back).
 */
export const ledgerEntriesSql = `
  WITH closed AS (
    SELECT "period", "closedAt" FROM "SettlementStatement" WHERE "merchantId" = $1 AND "status" = 'CLOSED'
  ), created AS (
    SELECT 'ORDER'::text AS "kind", o."id" AS "orderId", o."externalId", o."channel", coalesce(o."agentId", '') AS "agentId", o."paymentMethod",
           o."occurredAt" AS "at", 1 AS "orders", o."amountFen"::numeric AS "grossFen", 0::numeric AS "refundsFen",
           o."feeFen"::numeric AS "feeFen", 0::numeric AS "feeRefundedFen"
      FROM "Order" o
      LEFT JOIN closed c ON c."period" = ${periodSql(`o."occurredAt"`)}
     WHERE o."merchantId" = $1
       AND ((o."occurredAt" >= $3::timestamp(3) AND o."occurredAt" < $4::timestamp(3)) OR (o."createdAt" >= $3::timestamp(3) AND o."createdAt" < $4::timestamp(3)))
       AND ${bookedPeriod(`o."occurredAt"`, `o."createdAt"`, "c")} = $2
  ), events AS (
    SELECT e."type", e."sequence", e."receivedAt", o."id" AS "orderId", o."externalId", o."channel", o."agentId", o."paymentMethod",
           o."amountFen", o."feeFen",
           ((e."payload"->>'occurredAt')::timestamptz AT TIME ZONE 'UTC')::timestamp(3) AS "at",
           CASE WHEN e."type" = 'CANCELLED' THEN o."amountFen"::numeric ELSE (e."payload"->>'refundedFen')::numeric END AS "amount"
      FROM "OrderEvent" e
      JOIN "Order" o ON o."merchantId" = e."merchantId" AND o."externalId" = e."externalOrderId"
     WHERE e."merchantId" = $1 AND e."type" IN ('REFUNDED', 'CANCELLED')
  ), arrived AS (
    -- Refunds in the order they arrived: each gives back f(refunded so far) − f(refunded before).
    -- (An order's accepted changes are refunds with distinct sequences or one cancellation, so
    -- receivedAt, sequence, type orders them totally.)
    SELECT ev.*, sum(CASE WHEN ev."type" = 'REFUNDED' THEN ev."amount" ELSE 0 END)
                   OVER (PARTITION BY ev."orderId" ORDER BY ev."receivedAt", ev."sequence", ev."type") AS "upTo"
      FROM events ev
  ), refunds AS (
    SELECT CASE WHEN a."type" = 'CANCELLED' THEN 'CANCELLATION' ELSE 'REFUND' END AS "kind", a."orderId", a."externalId", a."channel",
           coalesce(a."agentId", '') AS "agentId", a."paymentMethod", a."at", 0 AS "orders", 0::numeric AS "grossFen", a."amount" AS "refundsFen",
           0::numeric AS "feeFen",
           CASE WHEN a."type" = 'CANCELLED' THEN a."feeFen"::numeric
                ELSE ${feeRefundSql(`a."feeFen"`, `a."amountFen"`, `a."upTo"`)} - ${feeRefundSql(`a."feeFen"`, `a."amountFen"`, `a."upTo" - a."amount"`)} END AS "feeRefundedFen"
      FROM arrived a
      LEFT JOIN closed c ON c."period" = ${periodSql(`a."at"`)}
     WHERE ${bookedPeriod(`a."at"`, `a."receivedAt"`, "c")} = $2
  )
  SELECT * FROM created UNION ALL SELECT * FROM refunds`;

/** The statement's ledger summed by channel, agent and payment method (foldStatement finishes it). */
export const ledgerAggregateSql = `
  SELECT l."channel", l."agentId", l."paymentMethod",
         sum(l."orders")::text AS "orders", sum(l."grossFen")::text AS "grossFen", sum(l."refundsFen")::text AS "refundsFen",
         sum(l."feeFen")::text AS "feeFen", sum(l."feeRefundedFen")::text AS "feeRefundedFen"
    FROM (${ledgerEntriesSql}) l
   GROUP BY 1, 2, 3`;
