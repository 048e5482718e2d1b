// Revenue-share fee arithmetic. Money is integer fen and every step is bigint: no floating point,
// so a fee computed here, in SQL, or in a statement months later is the same to the fen.
import type { Channel } from "../generated/prisma/enums";

const BPS_DENOMINATOR = 10_000n;

/** numerator / denominator rounded half-to-even (banker's rounding); denominator > 0. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error("denominator must be positive");
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / denominator;
  const twiceRemainder = (n % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * rateBps × amount / 10 000, rounded half-to-even on the fen, plus the fixed fee per order,
 * CAPPED AT THE ORDER AMOUNT: the platform never takes more than the order brought in. This is
 * what keeps a fixed fee from exceeding a 1-fen Token Pay verification charge (the fee of such an
 * order is at most 1 fen, and a refund of it gives that fen back), and it keeps every order's net
 * payout ≥ 0.
 */
export function computeFeeFen(input: { amountFen: bigint; rateBps: number; fixedFeeFen: bigint }): bigint {
  if (!Number.isInteger(input.rateBps) || input.rateBps < 0) throw new Error("rateBps must be a non-negative integer");
  const fee = divideHalfEven(input.amountFen * BigInt(input.rateBps), BPS_DENOMINATOR) + input.fixedFeeFen;
  return input.amountFen > 0n && fee > input.amountFen ? input.amountFen : fee;
}

/** The part of the fee a refund gives back: proportional to the refunded share, same rounding. */
export function computeFeeRefundFen(input: { feeFen: bigint; amountFen: bigint; refundedFen: bigint }): bigint {
  if (input.amountFen <= 0n || input.refundedFen <= 0n) return 0n;
  if (input.refundedFen >= input.amountFen) return input.feeFen;
  return divideHalfEven(input.feeFen * input.refundedFen, input.amountFen);
}

export type RuleVersion = {
  id: string;
  channel: Channel;
  agentId: string | null;
  rateBps: number;
  fixedFeeFen: bigint;
  effectiveFrom: Date;
  cancelledAt: Date | null;
  createdAt?: Date;
};

/**
 * The rule version in effect for an order: an agent override for that agent and channel first,
 * else the channel rule for every agent. A version is in effect from `effectiveFrom` on, unless it
 * was cancelled at or before the moment asked about (a scheduled change that was called off never
 * applies after its cancellation). Among versions in effect, the latest `effectiveFrom` wins, then
 * the latest `createdAt`. `rules` are one merchant's rules.
 */
export function pickRuleVersion<R extends RuleVersion>(
  rules: readonly R[],
  order: { channel: Channel; agentId: string | null; at: Date },
): R | null {
  const at = order.at.getTime();
  let override: R | null = null;
  let general: R | null = null;
  for (const rule of rules) {
    if (rule.channel !== order.channel) continue;
    if (rule.effectiveFrom.getTime() > at) continue;
    if (rule.cancelledAt && rule.cancelledAt.getTime() <= at) continue;
    if (rule.agentId === null) {
      if (!general || isLater(rule, general)) general = rule;
    } else if (order.agentId !== null && rule.agentId === order.agentId) {
      if (!override || isLater(rule, override)) override = rule;
    }
  }
  return override ?? general;
}

function isLater(a: RuleVersion, b: RuleVersion): boolean {
  const diff = a.effectiveFrom.getTime() - b.effectiveFrom.getTime();
  if (diff !== 0) return diff > 0;
  return (a.createdAt?.getTime() ?? 0) >= (b.createdAt?.getTime() ?? 0);
}
