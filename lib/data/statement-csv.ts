import "server-only";
import { db } from "@/lib/db";
import { csvBom, csvField, csvRow } from "@/lib/orders/csv";
import { fenToYuan } from "@/lib/orders/yuan";
import { ledgerEntriesSql } from "@/lib/revenue/ledger-sql";
import { periodRange } from "@/lib/revenue/period";
import { getStatement } from "./statements";

// A statement as CSV: one section with the statement (totals and lines by channel and agent, the
// stored figures of a closed month), then every ledger entry booked in the month (orders, refunds,
// cancellations) so the figures can be re-added in a spreadsheet. The entries stream in keyset
// batches (time, order id, kind), like the orders export. Amounts are yuan with two decimals,
// written from integer fen.

export const statementCsvColumns = ["section", "channel", "agent_id", "agent_name", "kind", "order_external_id", "occurred_at_utc", "payment_method", "orders", "gross_yuan", "refunds_yuan", "fee_yuan", "fee_refunded_yuan", "platform_share_yuan", "net_payout_yuan"] as const;

type EntryRow = { kind: string; orderId: string; externalId: string; channel: string; agentId: string; paymentMethod: string; at: string; grossFen: string; refundsFen: string; feeFen: string; feeRefundedFen: string };

const ts = (d: Date) => d.toISOString().slice(0, 23);

const entriesPageSql = `
  SELECT l."kind", l."orderId"::text AS "orderId", l."externalId", l."channel", l."agentId", l."paymentMethod",
         to_char(l."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
         l."grossFen"::text AS "grossFen", l."refundsFen"::text AS "refundsFen", l."feeFen"::text AS "feeFen", l."feeRefundedFen"::text AS "feeRefundedFen"
    FROM (${ledgerEntriesSql}) l
   WHERE $5::timestamp(3) IS NULL OR (l."at", l."orderId", l."kind") > ($5::timestamp(3), $6::bigint, $7::text)
   ORDER BY l."at", l."orderId", l."kind"
   LIMIT $8`;

export function streamStatementCsv({ merchantId, period, batchSize = 5_000 }: { merchantId: string; period: string; batchSize?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { start, end } = periodRange(period);
  let cursor: [string, string, string] | null = null;
  let agents: Map<string, string> = new Map();
  let done = false;
  const yuan = (fen: bigint | string) => fenToYuan(BigInt(fen));
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const [statement, agentRows] = await Promise.all([getStatement({ merchantId, period }), db.agent.findMany({ select: { id: true, name: true } })]);
      agents = new Map(agentRows.map((a) => [a.id, a.name]));
      const t = statement.totals;
      let text = csvBom + csvRow([...statementCsvColumns]);
      text += csvRow(["total", "", "", "", statement.status, "", "", "", t.orders.toString(), yuan(t.grossFen), yuan(t.refundsFen), "", "", yuan(t.platformShareFen), yuan(t.netPayoutFen)]);
      text += csvRow(["total", "", "", "", "TOKEN_PAY", "", "", "TOKEN_PAY", "", yuan(t.tokenPayFen), "", "", "", "", ""]);
      text += csvRow(["total", "", "", "", "AI_WALLET", "", "", "AI_WALLET", "", yuan(t.aiWalletFen), "", "", "", "", ""]);
      for (const l of statement.lines) {
        text += csvRow(["line", l.channel, csvField(l.agentId), csvField(agents.get(l.agentId) ?? "", { text: true }), "", "", "", "", l.orders.toString(), yuan(l.grossFen), yuan(l.refundsFen), "", "", yuan(l.platformShareFen), yuan(l.netPayoutFen)]);
      }
      controller.enqueue(encoder.encode(text));
    },
    async pull(controller) {
      if (done) return;
      const rows = await db.$queryRawUnsafe<EntryRow[]>(entriesPageSql, merchantId, period, ts(start), ts(end), cursor?.[0] ?? null, cursor?.[1] ?? null, cursor?.[2] ?? null, batchSize);
      let text = "";
      for (const e of rows) {
        const share = BigInt(e.feeFen) - BigInt(e.feeRefundedFen);
        const net = BigInt(e.grossFen) - BigInt(e.refundsFen) - share;
        text += csvRow(["entry", e.channel, csvField(e.agentId), csvField(agents.get(e.agentId) ?? "", { text: true }), e.kind, csvField(e.externalId, { text: true }), e.at, e.paymentMethod, e.kind === "ORDER" ? "1" : "0", yuan(e.grossFen), yuan(e.refundsFen), yuan(e.feeFen), yuan(e.feeRefundedFen), yuan(share), yuan(net)]);
      }
      if (text) controller.enqueue(encoder.encode(text));
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) {
        done = true;
        controller.close();
      } else cursor = [last.at.replace("Z", ""), last.orderId, last.kind];
    },
  });
}
