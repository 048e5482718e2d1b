// The demo's closed statement: after the orders are loaded, each merchant's last calendar month
// (Asia/Shanghai) that ended before the window's end is closed with the same ledger SQL the app
// uses (lib/revenue/ledger-sql.ts), so the statements page has a frozen month next to the open
// one and "verify" has something to check. Closed at the window's end: every demo event dated in
// that month was received before it.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { ledgerAggregateSql } from "../../lib/revenue/ledger-sql";
import { addPeriods, periodOf, periodRange } from "../../lib/revenue/period";
import { foldStatement, type LedgerAggregate } from "../../lib/revenue/statement";

const ts = (d: Date) => d.toISOString().slice(0, 23);

/** Closes the last ended month of each merchant; returns how many statements were written. */
export async function seedClosedStatements(client: pg.ClientBase, { merchantIds, closedAt }: { merchantIds: readonly string[]; closedAt: Date }): Promise<number> {
  const period = addPeriods(periodOf(closedAt), -1);
  const { start, end } = periodRange(period);
  let written = 0;
  for (const merchantId of merchantIds) {
    const { rows } = await client.query<Record<keyof LedgerAggregate, string>>(ledgerAggregateSql, [merchantId, period, ts(start), ts(end)]);
    if (!rows.length) continue;
    const { totals, lines } = foldStatement(
      rows.map((r) => ({ channel: r.channel as LedgerAggregate["channel"], agentId: r.agentId, paymentMethod: r.paymentMethod as LedgerAggregate["paymentMethod"], orders: BigInt(r.orders), grossFen: BigInt(r.grossFen), refundsFen: BigInt(r.refundsFen), feeFen: BigInt(r.feeFen), feeRefundedFen: BigInt(r.feeRefundedFen) })),
    );
    const id = `demo-statement-${randomUUID()}`;
    await client.query(
      `INSERT INTO "SettlementStatement" ("id", "merchantId", "period", "status", "orders", "grossFen", "refundsFen", "platformShareFen", "tokenPayFen", "aiWalletFen", "netPayoutFen", "closedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'CLOSED', $4, $5, $6, $7, $8, $9, $10, $11, $11, $11)`,
      [id, merchantId, period, totals.orders, totals.grossFen, totals.refundsFen, totals.platformShareFen, totals.tokenPayFen, totals.aiWalletFen, totals.netPayoutFen, ts(closedAt)].map((v) => (typeof v === "bigint" ? v.toString() : v)),
    );
    for (const l of lines) {
      await client.query(
        `INSERT INTO "SettlementLine" ("id", "merchantId", "statementId", "channel", "agentId", "orders", "grossFen", "refundsFen", "platformShareFen", "netPayoutFen") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [randomUUID(), merchantId, id, l.channel, l.agentId, l.orders.toString(), l.grossFen.toString(), l.refundsFen.toString(), l.platformShareFen.toString(), l.netPayoutFen.toString()],
      );
    }
    await client.query(
      `INSERT INTO "AuditEvent" ("merchantId", "actorId", "actorLabel", "action", "objectType", "objectId", "after", "ip", "createdAt") VALUES ($1, NULL, 'system:close-statements', 'statement.close', 'SettlementStatement', $2, $3, NULL, $4)`,
      [merchantId, id, JSON.stringify({ period, netPayoutFen: totals.netPayoutFen.toString(), closedAt: closedAt.toISOString() }), ts(closedAt)],
    );
    written += 1;
  }
  return written;
}
