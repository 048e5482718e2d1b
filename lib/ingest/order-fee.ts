// The fee of a new order: the revenue-share rule version in effect at occurredAt (agent override
// first), computed once at ingest and stored with the order, so later rule changes never alter it.
import { computeFeeFen, pickRuleVersion, type RuleVersion } from "../revenue/fee";
import type { Channel } from "../generated/prisma/enums";

export function feeAtIngest(
  rules: readonly RuleVersion[],
  order: { channel: Channel; agentId: string | null; occurredAt: Date; amountFen: bigint },
): { revenueRuleId: string | null; feeFen: bigint } {
  const rule = pickRuleVersion(rules, { channel: order.channel, agentId: order.agentId, at: order.occurredAt });
  if (!rule) return { revenueRuleId: null, feeFen: 0n };
  return { revenueRuleId: rule.id, feeFen: computeFeeFen({ amountFen: order.amountFen, rateBps: rule.rateBps, fixedFeeFen: rule.fixedFeeFen }) };
}
