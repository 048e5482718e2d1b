// Monthly settlement statements as a ledger. Pure: the SQL in lib/data/statements.ts computes the
// same figures set-based, and tests check the two agree.
//
// Booking rules (README "Revenue share and settlement"):
//  - An order is booked in the Asia/Shanghai month of its occurredAt: one order, its amount as
//    gross, its stored fee (fixed at ingest) as fee.
//  - A refund is booked in the month the refund happened (the event's occurredAt), not the
//    order's month; a cancellation likewise, as a refund of the whole amount and the whole fee.
//  - An event received after its month's statement was closed is booked in the month it was
//    received instead, so a closed statement never changes and stays reproducible.
//  - Each refund gives back f(refunded including it) − f(refunded before it), in the order the
//    refunds arrived, with f the order's proportional fee refund (half-to-even): per order the
//    refunds' fee refunds add up exactly to the order's feeRefundedFen, and a late refund never
//    changes what earlier ones gave back.
// Figures: platform share = fees − fee refunds; net payout = gross − refunds − platform share;
// Token Pay and AI Wallet = gross − refunds of the orders paid that way.
import type { Channel, PaymentMethod } from "../generated/prisma/enums";
import { computeFeeRefundFen } from "./fee";
import { periodOf } from "./period";

export type LedgerOrder = {
  channel: Channel;
  agentId: string | null;
  paymentMethod: PaymentMethod;
  amountFen: bigint;
  /** The fee stored at ingest. */
  feeFen: bigint;
  occurredAt: Date;
  /** When Skillgate received the order (Order.createdAt). */
  receivedAt: Date;
  refunds: readonly { amountFen: bigint; at: Date; receivedAt: Date }[];
  cancelled: { at: Date; receivedAt: Date } | null;
};

/** Closed statements of the merchant: period → closedAt. */
export type ClosedPeriods = ReadonlyMap<string, Date>;

/** One aggregated ledger row, the grain the SQL returns. */
export type LedgerAggregate = {
  channel: Channel;
  agentId: string;
  paymentMethod: PaymentMethod;
  orders: bigint;
  grossFen: bigint;
  refundsFen: bigint;
  feeFen: bigint;
  feeRefundedFen: bigint;
};

export type StatementFigures = {
  orders: bigint;
  grossFen: bigint;
  refundsFen: bigint;
  feeFen: bigint;
  feeRefundedFen: bigint;
  platformShareFen: bigint;
  netPayoutFen: bigint;
};

export type StatementLine = StatementFigures & { channel: Channel; agentId: string };

export type StatementTotals = StatementFigures & { tokenPayFen: bigint; aiWalletFen: bigint };

export type Statement = { totals: StatementTotals; lines: StatementLine[] };

/** The month an event is booked in. */
export function bookingPeriod(at: Date, receivedAt: Date, closed: ClosedPeriods): string {
  const own = periodOf(at);
  const closedAt = closed.get(own);
  return closedAt && receivedAt.getTime() > closedAt.getTime() ? periodOf(receivedAt) : own;
}

const zeroFigures = (): StatementFigures => ({ orders: 0n, grossFen: 0n, refundsFen: 0n, feeFen: 0n, feeRefundedFen: 0n, platformShareFen: 0n, netPayoutFen: 0n });

/** The ledger entries of one order that fall in `period`. */
export function orderEntries(order: LedgerOrder, period: string, closed: ClosedPeriods): LedgerAggregate[] {
  const base = { channel: order.channel, agentId: order.agentId ?? "", paymentMethod: order.paymentMethod };
  const out: LedgerAggregate[] = [];
  if (bookingPeriod(order.occurredAt, order.receivedAt, closed) === period) {
    out.push({ ...base, orders: 1n, grossFen: order.amountFen, refundsFen: 0n, feeFen: order.feeFen, feeRefundedFen: 0n });
  }
  if (order.cancelled) {
    if (bookingPeriod(order.cancelled.at, order.cancelled.receivedAt, closed) === period) {
      out.push({ ...base, orders: 0n, grossFen: 0n, refundsFen: order.amountFen, feeFen: 0n, feeRefundedFen: order.feeFen });
    }
    return out;
  }
  // Fee refunds follow the order in which the refunds arrived (receivedAt, then as listed): each
  // gives back f(refunded so far) − f(refunded before it), so later arrivals never change what
  // earlier refunds gave back, and all of them together give back exactly f(total refunded).
  const arrived = order.refunds.map((r, i) => ({ r, i })).sort((a, b) => a.r.receivedAt.getTime() - b.r.receivedAt.getTime() || a.i - b.i);
  const feeBack = (refunded: bigint) => computeFeeRefundFen({ feeFen: order.feeFen, amountFen: order.amountFen, refundedFen: refunded });
  let cumulative = 0n;
  let refundsFen = 0n;
  let feeRefundedFen = 0n;
  for (const { r } of arrived) {
    const previous = cumulative;
    cumulative += r.amountFen;
    if (bookingPeriod(r.at, r.receivedAt, closed) !== period) continue;
    refundsFen += r.amountFen;
    feeRefundedFen += feeBack(cumulative) - feeBack(previous);
  }
  if (refundsFen > 0n) out.push({ ...base, orders: 0n, grossFen: 0n, refundsFen, feeFen: 0n, feeRefundedFen });
  return out;
}

/** Folds ledger rows into the statement: lines by channel and agent, totals, payment sub-totals. */
export function foldStatement(rows: readonly LedgerAggregate[]): Statement {
  const totals: StatementTotals = { ...zeroFigures(), tokenPayFen: 0n, aiWalletFen: 0n };
  const lines = new Map<string, StatementLine>();
  for (const row of rows) {
    const key = `${row.channel}\u0001${row.agentId}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { channel: row.channel, agentId: row.agentId, ...zeroFigures() }));
    for (const target of [line, totals] as StatementFigures[]) {
      target.orders += row.orders;
      target.grossFen += row.grossFen;
      target.refundsFen += row.refundsFen;
      target.feeFen += row.feeFen;
      target.feeRefundedFen += row.feeRefundedFen;
    }
    if (row.paymentMethod === "TOKEN_PAY") totals.tokenPayFen += row.grossFen - row.refundsFen;
    if (row.paymentMethod === "AI_WALLET") totals.aiWalletFen += row.grossFen - row.refundsFen;
  }
  for (const figures of [...lines.values(), totals] as StatementFigures[]) {
    figures.platformShareFen = figures.feeFen - figures.feeRefundedFen;
    figures.netPayoutFen = figures.grossFen - figures.refundsFen - figures.platformShareFen;
  }
  const channelOrder: Record<Channel, number> = { AI_SKILL: 0, AI_SCREEN_READ: 1, ORGANIC: 2 };
  const sorted = [...lines.values()].sort((a, b) => channelOrder[a.channel] - channelOrder[b.channel] || a.agentId.localeCompare(b.agentId));
  return { totals, lines: sorted };
}

/** The statement of `period` from the orders themselves (the reference the SQL is checked against). */
export function computeStatement(orders: readonly LedgerOrder[], period: string, closed: ClosedPeriods = new Map()): Statement {
  return foldStatement(orders.flatMap((order) => orderEntries(order, period, closed)));
}

export type StoredFigures = Pick<StatementTotals, "orders" | "grossFen" | "refundsFen" | "platformShareFen" | "tokenPayFen" | "aiWalletFen" | "netPayoutFen">;
export type StoredLine = Pick<StatementLine, "channel" | "agentId" | "orders" | "grossFen" | "refundsFen" | "platformShareFen" | "netPayoutFen">;

const storedTotalFields = ["orders", "grossFen", "refundsFen", "platformShareFen", "tokenPayFen", "aiWalletFen", "netPayoutFen"] as const;
const storedLineFields = ["orders", "grossFen", "refundsFen", "platformShareFen", "netPayoutFen"] as const;

export type Difference = { where: string; field: string; stored: bigint; recomputed: bigint };

/** Where a frozen statement differs from a recomputation; empty when they agree to the fen. */
export function compareStatement(stored: { totals: StoredFigures; lines: readonly StoredLine[] }, recomputed: Statement): Difference[] {
  const out: Difference[] = [];
  for (const field of storedTotalFields) {
    if (stored.totals[field] !== recomputed.totals[field]) out.push({ where: "total", field, stored: stored.totals[field], recomputed: recomputed.totals[field] });
  }
  const key = (l: { channel: string; agentId: string }) => `${l.channel}/${l.agentId || "-"}`;
  const fresh = new Map(recomputed.lines.map((l) => [key(l), l]));
  const seen = new Set<string>();
  for (const line of stored.lines) {
    const k = key(line);
    seen.add(k);
    const other = fresh.get(k);
    for (const field of storedLineFields) {
      const value = other ? other[field] : 0n;
      if (line[field] !== value) out.push({ where: k, field, stored: line[field], recomputed: value });
    }
  }
  for (const [k, line] of fresh) {
    if (seen.has(k)) continue;
    for (const field of storedLineFields) if (line[field] !== 0n) out.push({ where: k, field, stored: 0n, recomputed: line[field] });
  }
  return out;
}
