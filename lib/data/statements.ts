import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, PaymentMethod } from "@/lib/generated/prisma/enums";
import { ledgerAggregateSql } from "@/lib/revenue/ledger-sql";
import { isPeriod, periodHasEnded, periodOf, periodRange } from "@/lib/revenue/period";
import { compareStatement, foldStatement, type Difference, type Statement, type StatementTotals, type StoredFigures, type StoredLine } from "@/lib/revenue/statement";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { recordAudit, type AuditActor } from "./audit";

// Monthly settlement statements. An open month's figures are computed live from the orders and
// their refund events (lib/revenue/ledger-sql.ts, the booking rules of lib/revenue/statement.ts);
// closing a month stores the figures and lines in one transaction, with the audit event and the
// `statement.ready` webhook. A closed statement can be verified: recomputed from the orders
// and compared to the fen.

export class StatementError extends Error {
  constructor(readonly code: "invalidPeriod" | "notEnded" | "alreadyClosed" | "notFound") {
    super(code);
    this.name = "StatementError";
  }
}

type Reader = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;
type AggregateRow = { channel: Channel; agentId: string; paymentMethod: PaymentMethod; orders: string; grossFen: string; refundsFen: string; feeFen: string; feeRefundedFen: string };

const ts = (d: Date) => d.toISOString().slice(0, 23);

/** The period's figures computed from the orders now (closed months count as closed). */
export async function computeStatementFromOrders({ merchantId, period }: { merchantId: string; period: string }, reader: Reader = db): Promise<Statement> {
  if (!isPeriod(period)) throw new StatementError("invalidPeriod");
  const { start, end } = periodRange(period);
  const rows = await reader.$queryRawUnsafe<AggregateRow[]>(ledgerAggregateSql, merchantId, period, ts(start), ts(end));
  return foldStatement(
    rows.map((r) => ({
      channel: r.channel,
      agentId: r.agentId,
      paymentMethod: r.paymentMethod,
      orders: BigInt(r.orders),
      grossFen: BigInt(r.grossFen),
      refundsFen: BigInt(r.refundsFen),
      feeFen: BigInt(r.feeFen),
      feeRefundedFen: BigInt(r.feeRefundedFen),
    })),
  );
}

export type StatementView = {
  period: string;
  status: "OPEN" | "CLOSED";
  closedAt: Date | null;
  totals: StoredFigures;
  lines: StoredLine[];
};

const storedSelect = {
  period: true,
  status: true,
  closedAt: true,
  orders: true,
  grossFen: true,
  refundsFen: true,
  platformShareFen: true,
  tokenPayFen: true,
  aiWalletFen: true,
  netPayoutFen: true,
  lines: { select: { channel: true, agentId: true, orders: true, grossFen: true, refundsFen: true, platformShareFen: true, netPayoutFen: true } },
} as const;

function storedView(s: Prisma.SettlementStatementGetPayload<{ select: typeof storedSelect }>): StatementView {
  const { lines, period, status, closedAt, ...totals } = s;
  const order: Record<Channel, number> = { AI_SKILL: 0, AI_SCREEN_READ: 1, ORGANIC: 2 };
  return { period, status, closedAt, totals, lines: [...lines].sort((a, b) => order[a.channel] - order[b.channel] || a.agentId.localeCompare(b.agentId)) };
}

/** A closed month's stored figures, or an open month's live ones. */
export async function getStatement({ merchantId, period }: { merchantId: string; period: string }): Promise<StatementView> {
  if (!isPeriod(period)) throw new StatementError("invalidPeriod");
  const stored = await db.settlementStatement.findUnique({ where: { merchantId_period: { merchantId, period } }, select: storedSelect });
  if (stored?.status === "CLOSED") return storedView(stored);
  const live = await computeStatementFromOrders({ merchantId, period });
  return { period, status: "OPEN", closedAt: null, totals: live.totals, lines: live.lines };
}

export type StatementSummary = { period: string; status: "OPEN" | "CLOSED"; closedAt: Date | null; ended: boolean; totals: StoredFigures };

/** The given months, newest first: stored figures for closed ones, live ones for the rest. */
export async function listStatements({ merchantId, periods, now = new Date() }: { merchantId: string; periods: readonly string[]; now?: Date }): Promise<StatementSummary[]> {
  const stored = await db.settlementStatement.findMany({ where: { merchantId, period: { in: [...periods] }, status: "CLOSED" }, select: storedSelect });
  const closed = new Map(stored.map((s) => [s.period, storedView(s)]));
  const out: StatementSummary[] = [];
  for (const period of periods) {
    const view = closed.get(period) ?? { period, status: "OPEN" as const, closedAt: null, totals: (await computeStatementFromOrders({ merchantId, period })).totals };
    out.push({ period, status: view.status, closedAt: view.closedAt, ended: periodHasEnded(period, now), totals: view.totals });
  }
  return out;
}

export type StatementVerification = { matches: boolean; differences: Difference[]; checkedAt: Date };

/** Recomputes a closed statement from the orders and compares it with the stored figures. */
export async function verifyStatement({ merchantId, period }: { merchantId: string; period: string }): Promise<StatementVerification> {
  const stored = await db.settlementStatement.findUnique({ where: { merchantId_period: { merchantId, period } }, select: storedSelect });
  if (!stored || stored.status !== "CLOSED") throw new StatementError("notFound");
  const recomputed = await computeStatementFromOrders({ merchantId, period });
  const differences = compareStatement(storedView(stored), recomputed);
  return { matches: differences.length === 0, differences, checkedAt: new Date() };
}

/** The figures a closed statement stores (and `statement.ready` sends, money as decimal strings of fen). */
function storedFiguresOf(totals: StatementTotals): StoredFigures {
  const { orders, grossFen, refundsFen, platformShareFen, tokenPayFen, aiWalletFen, netPayoutFen } = totals;
  return { orders, grossFen, refundsFen, platformShareFen, tokenPayFen, aiWalletFen, netPayoutFen };
}

/**
 * Freezes a month that has ended: computes it from the orders, stores figures and lines, audits
 * and enqueues `statement.ready`, all in one transaction. Ingestion is held off for the moment of
 * the computation (a SHARE lock on the order tables waits for batches in flight and makes new
 * ones wait), so closedAt is later than every event the figures include and every event after it
 * is booked in a later month (lib/revenue/statement.ts).
 */
export async function closeStatement({ merchantId, period, actor, now = new Date() }: { merchantId: string; period: string; actor: AuditActor; now?: Date }): Promise<{ closedAt: Date; totals: StatementTotals }> {
  if (!isPeriod(period)) throw new StatementError("invalidPeriod");
  if (!periodHasEnded(period, now)) throw new StatementError("notEnded");
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Merchant" WHERE "id" = ${merchantId} FOR UPDATE`;
      const existing = await tx.settlementStatement.findUnique({ where: { merchantId_period: { merchantId, period } }, select: { id: true, status: true } });
      if (existing?.status === "CLOSED") throw new StatementError("alreadyClosed");
      await tx.$executeRawUnsafe(`LOCK TABLE "OrderEvent", "Order" IN SHARE MODE`);
      const [clock] = await tx.$queryRaw<{ at: Date }[]>`SELECT (date_trunc('milliseconds', clock_timestamp()) + interval '1 millisecond') AS at`;
      const closedAt = new Date(clock!.at);
      const { totals, lines } = await computeStatementFromOrders({ merchantId, period }, tx);
      const figures = { status: "CLOSED" as const, ...storedFiguresOf(totals), closedAt };
      const statement = await tx.settlementStatement.upsert({
        where: { merchantId_period: { merchantId, period } },
        create: { merchantId, period, ...figures },
        update: figures,
        select: { id: true },
      });
      await tx.settlementLine.deleteMany({ where: { statementId: statement.id, merchantId } });
      await tx.settlementLine.createMany({
        data: lines.map((l) => ({ merchantId, statementId: statement.id, channel: l.channel, agentId: l.agentId, orders: l.orders, grossFen: l.grossFen, refundsFen: l.refundsFen, platformShareFen: l.platformShareFen, netPayoutFen: l.netPayoutFen })),
      });
      await recordAudit({ merchantId, actor, action: "statement.close", objectType: "SettlementStatement", objectId: statement.id, after: { period, ...figures, closedAt: closedAt.toISOString() } }, tx);
      await enqueueWebhookEvent(tx, { merchantId, type: "statement.ready", payload: { merchantId, period, closedAt: closedAt.toISOString(), ...storedFiguresOf(totals) } });
      return { closedAt, totals };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Months that ended and are not closed yet, per merchant, from the first month with orders. */
export async function endedOpenPeriods({ now = new Date(), maxMonths = 24 }: { now?: Date; maxMonths?: number } = {}): Promise<{ merchantId: string; period: string }[]> {
  const rows = await db.$queryRawUnsafe<{ merchantId: string; period: string }[]>(
    `SELECT m."id" AS "merchantId", to_char(p.month, 'YYYY-MM') AS "period"
       FROM "Merchant" m
       JOIN LATERAL (SELECT min("occurredAt") AS first FROM "Order" o WHERE o."merchantId" = m."id") f ON f.first IS NOT NULL
       CROSS JOIN LATERAL generate_series(
           date_trunc('month', greatest(f.first, $1::timestamp(3) - make_interval(months => $2::int)) AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai'),
           date_trunc('month', $1::timestamp(3) AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai') - interval '1 month',
           interval '1 month') AS p(month)
      WHERE NOT EXISTS (SELECT 1 FROM "SettlementStatement" s WHERE s."merchantId" = m."id" AND s."period" = to_char(p.month, 'YYYY-MM') AND s."status" = 'CLOSED')
      ORDER BY 1, 2`,
    ts(now),
    maxMonths,
  );
  return rows;
}

/** The month of the merchant's first order, or null without orders (where the statement list starts). */
export async function firstOrderPeriod({ merchantId }: { merchantId: string }): Promise<string | null> {
  const first = await db.order.findFirst({ where: { merchantId }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } });
  return first ? periodOf(first.occurredAt) : null;
}

/** For the platform admin's list: ended open months (the last six per merchant) with live net payout. */
export async function listStatementsToClose({ now = new Date() }: { now?: Date } = {}) {
  const periods = await endedOpenPeriods({ now, maxMonths: 6 });
  const merchants = await db.merchant.findMany({ where: { id: { in: [...new Set(periods.map((p) => p.merchantId))] } }, select: { id: true, name: true } });
  const names = new Map(merchants.map((m) => [m.id, m.name]));
  const out = [];
  for (const p of periods) {
    const { totals } = await computeStatementFromOrders(p);
    out.push({ ...p, merchantName: names.get(p.merchantId) ?? p.merchantId, netPayoutFen: totals.netPayoutFen });
  }
  return out;
}
