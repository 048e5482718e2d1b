import "server-only";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { feeRefundSql, feeSql } from "@/lib/revenue/sql";
import { foldPreview, type Preview, type PreviewOrder, type ProposedRule } from "@/lib/revenue/what-if";

// The what-if preview in SQL over the period's orders: each order's fee under the proposed rule
// with the ingest arithmetic (half to even, capped at the amount, proportional refund), summed by
// channel and agent. Per-order rounding is why it reads orders and not the rollups: a sum of
// rounded fees is not the rounded fee of a sum. lib/revenue/what-if.ts is the same in TypeScript.

type Row = { channel: Channel; agentId: string; orders: string; grossFen: string; actualFen: string; proposedFen: string };

const ts = (d: Date) => d.toISOString().slice(0, 23);

/** `applies` mirrors proposalApplies: an override for its agent, a channel rule where no override priced the order. */
const previewSql = `
  SELECT o."channel", coalesce(o."agentId", '') AS "agentId",
         count(*)::text AS "orders",
         sum(o."amountFen")::text AS "grossFen",
         sum(o."feeFen" - o."feeRefundedFen")::text AS "actualFen",
         sum(CASE WHEN o."channel" = $4::"Channel" AND (CASE WHEN $5::text IS NOT NULL THEN o."agentId" = $5::text ELSE r."agentId" IS NULL END)
                  THEN p.fee - ${feeRefundSql("p.fee", `o."amountFen"`, `o."refundedFen"`)}
                  ELSE o."feeFen" - o."feeRefundedFen" END)::text AS "proposedFen"
    FROM "Order" o
    LEFT JOIN "RevenueShareRule" r ON r."id" = o."revenueRuleId" AND r."merchantId" = o."merchantId"
    CROSS JOIN LATERAL (SELECT ${feeSql(`o."amountFen"`, "$6::int", "$7::bigint")} AS fee) p
   WHERE o."merchantId" = $1 AND o."occurredAt" >= $2::timestamp(3) AND o."occurredAt" < $3::timestamp(3) AND o."status" <> 'CANCELLED'
   GROUP BY 1, 2`;

export async function getRevenuePreview({ merchantId, start, end, rule }: { merchantId: string; start: Date; end: Date; rule: ProposedRule }): Promise<Preview> {
  const rows = await db.$queryRawUnsafe<Row[]>(previewSql, merchantId, ts(start), ts(end), rule.channel, rule.agentId, rule.rateBps, rule.fixedFeeFen.toString());
  return foldPreview(rows.map((r) => ({ channel: r.channel, agentId: r.agentId, orders: BigInt(r.orders), grossFen: BigInt(r.grossFen), actualFen: BigInt(r.actualFen), proposedFen: BigInt(r.proposedFen) })));
}

/** The period's orders as the pure preview takes them (tests compare the two). */
export async function previewOrdersOf({ merchantId, start, end }: { merchantId: string; start: Date; end: Date }): Promise<PreviewOrder[]> {
  const orders = await db.order.findMany({
    where: { merchantId, occurredAt: { gte: start, lt: end } },
    select: { channel: true, agentId: true, amountFen: true, refundedFen: true, feeFen: true, feeRefundedFen: true, status: true, revenueRuleId: true },
  });
  const ruleIds = [...new Set(orders.flatMap((o) => (o.revenueRuleId ? [o.revenueRuleId] : [])))];
  const rules = await db.revenueShareRule.findMany({ where: { merchantId, id: { in: ruleIds } }, select: { id: true, agentId: true } });
  const ruleAgent = new Map(rules.map((r) => [r.id, r.agentId]));
  return orders.map((o) => ({
    channel: o.channel,
    agentId: o.agentId,
    amountFen: o.amountFen,
    refundedFen: o.refundedFen,
    feeFen: o.feeFen,
    feeRefundedFen: o.feeRefundedFen,
    cancelled: o.status === "CANCELLED",
    pricedByAgentRule: o.revenueRuleId ? (ruleAgent.get(o.revenueRuleId) ?? null) : null,
  }));
}
