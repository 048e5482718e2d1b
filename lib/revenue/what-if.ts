// What-if preview: what a period's actual orders would have cost under a proposed rule, next to
// what they cost. Pure; lib/data/revenue-preview.ts computes the same in SQL (tests check both).
//
// The proposed rule replaces the rule that priced an order when it would have applied to it: an
// agent override applies to that agent's orders in its channel; a channel rule applies to the
// channel's orders that were not priced by an agent override. An order's cost is its fee minus
// the fee its refunds gave back; a cancelled order costs nothing. Same arithmetic as ingest:
// computeFeeFen (half-to-even, capped at the amount) and computeFeeRefundFen.
import type { Channel } from "../generated/prisma/enums";
import { computeFeeFen, computeFeeRefundFen } from "./fee";

export type ProposedRule = { channel: Channel; agentId: string | null; rateBps: number; fixedFeeFen: bigint };

export type PreviewOrder = {
  channel: Channel;
  agentId: string | null;
  amountFen: bigint;
  refundedFen: bigint;
  feeFen: bigint;
  feeRefundedFen: bigint;
  cancelled: boolean;
  /** The agent of the rule that priced the order: null for a channel rule or no rule. */
  pricedByAgentRule: string | null;
};

export type PreviewFigures = { orders: bigint; grossFen: bigint; actualFen: bigint; proposedFen: bigint };
export type PreviewLine = PreviewFigures & { channel: Channel; agentId: string };
export type Preview = { totals: PreviewFigures; lines: PreviewLine[] };

export function proposalApplies(order: Pick<PreviewOrder, "channel" | "agentId" | "pricedByAgentRule">, rule: Pick<ProposedRule, "channel" | "agentId">): boolean {
  if (order.channel !== rule.channel) return false;
  return rule.agentId !== null ? order.agentId === rule.agentId : order.pricedByAgentRule === null;
}

/** What one order cost, and would have cost under the proposal. */
export function previewOrder(order: PreviewOrder, rule: ProposedRule): { actualFen: bigint; proposedFen: bigint } {
  if (order.cancelled) return { actualFen: 0n, proposedFen: 0n };
  const actualFen = order.feeFen - order.feeRefundedFen;
  if (!proposalApplies(order, rule)) return { actualFen, proposedFen: actualFen };
  const fee = computeFeeFen({ amountFen: order.amountFen, rateBps: rule.rateBps, fixedFeeFen: rule.fixedFeeFen });
  return { actualFen, proposedFen: fee - computeFeeRefundFen({ feeFen: fee, amountFen: order.amountFen, refundedFen: order.refundedFen }) };
}

export type PreviewAggregate = PreviewLine;

/** Sums rows (one per order, or pre-aggregated by channel and agent) into lines and totals. */
export function foldPreview(rows: readonly PreviewAggregate[]): Preview {
  const totals: PreviewFigures = { orders: 0n, grossFen: 0n, actualFen: 0n, proposedFen: 0n };
  const lines = new Map<string, PreviewLine>();
  for (const row of rows) {
    const key = `${row.channel}\u0001${row.agentId}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { channel: row.channel, agentId: row.agentId, orders: 0n, grossFen: 0n, actualFen: 0n, proposedFen: 0n }));
    for (const target of [line, totals]) {
      target.orders += row.orders;
      target.grossFen += row.grossFen;
      target.actualFen += row.actualFen;
      target.proposedFen += row.proposedFen;
    }
  }
  const sorted = [...lines.values()].sort((a, b) => a.channel.localeCompare(b.channel) || a.agentId.localeCompare(b.agentId));
  return { totals, lines: sorted };
}

/** The whole preview from orders (the reference the SQL is checked against). Cancelled orders are left out. */
export function computePreview(orders: readonly PreviewOrder[], rule: ProposedRule): Preview {
  return foldPreview(
    orders
      .filter((o) => !o.cancelled)
      .map((o) => ({ channel: o.channel, agentId: o.agentId ?? "", orders: 1n, grossFen: o.amountFen, ...previewOrder(o, rule) })),
  );
}
