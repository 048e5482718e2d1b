import "server-only";
import { addDays, shanghaiDayStart } from "@/lib/attribution/shanghai-time";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor, type OrderCursor } from "@/lib/orders/cursor";
import { csvBom, csvField, csvRow } from "@/lib/orders/csv";
import { fenToYuan } from "@/lib/orders/yuan";
import type { OrderFilters } from "@/lib/validation/order-filters";

// The order explorer reads "Order" itself (the dashboards read rollups). Always one merchant:
// merchantId is the first condition of every where clause.

function whereFor(merchantId: string, f: OrderFilters, cursor?: OrderCursor | null): Prisma.OrderWhereInput {
  const occurredAt: Prisma.DateTimeFilter = {};
  if (f.from) occurredAt.gte = shanghaiDayStart(f.from);
  if (f.to) occurredAt.lt = shanghaiDayStart(addDays(f.to, 1));
  const amountFen: Prisma.BigIntFilter = {};
  if (f.minFen !== undefined) amountFen.gte = f.minFen;
  if (f.maxFen !== undefined) amountFen.lte = f.maxFen;
  return {
    merchantId,
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.agentId ? { agentId: f.agentId } : {}),
    ...(f.integrationId ? { integrationId: f.integrationId } : {}),
    ...(f.paymentMethod ? { paymentMethod: f.paymentMethod } : {}),
    ...(f.status === "NOT_CANCELLED" ? { status: { not: "CANCELLED" } } : f.status ? { status: f.status } : {}),
    ...(f.verification ? { isVerification: f.verification === "only" } : {}),
    ...(Object.keys(occurredAt).length ? { occurredAt } : {}),
    ...(Object.keys(amountFen).length ? { amountFen } : {}),
    ...(cursor ? { OR: [{ occurredAt: { lt: cursor.occurredAt } }, { occurredAt: cursor.occurredAt, id: { lt: cursor.id } }] } : {}),
  };
}

const orderBy: Prisma.OrderOrderByWithRelationInput[] = [{ occurredAt: "desc" }, { id: "desc" }];

const listSelect = {
  id: true,
  externalId: true,
  channel: true,
  agentId: true,
  integrationId: true,
  operationName: true,
  paymentMethod: true,
  amountFen: true,
  refundedFen: true,
  status: true,
  isVerification: true,
  occurredAt: true,
  feeFen: true,
} satisfies Prisma.OrderSelect;

export type OrderListItem = Prisma.OrderGetPayload<{ select: typeof listSelect }>;

export async function listOrders({ merchantId, filters, cursor, pageSize = 50 }: { merchantId: string; filters: OrderFilters; cursor?: OrderCursor | null; pageSize?: number }) {
  const rows = await db.order.findMany({ where: whereFor(merchantId, filters, cursor), orderBy, take: pageSize + 1, select: listSelect });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { orders: page, nextCursor: rows.length > pageSize && last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null };
}

export async function countOrders({ merchantId, filters }: { merchantId: string; filters: OrderFilters }): Promise<number> {
  return db.order.count({ where: whereFor(merchantId, filters) });
}

/** One order of this merchant; null for another merchant's id (the page answers 404). */
export async function getOrder({ merchantId, id }: { merchantId: string; id: bigint }) {
  return db.order.findFirst({ where: { id, merchantId } });
}

/** Names for the agent and integration ids on a page of orders. */
export async function getOrderLabels({ merchantId, agentIds, integrationIds }: { merchantId: string; agentIds: string[]; integrationIds: string[] }) {
  const [agents, integrations] = await Promise.all([
    agentIds.length ? db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
    integrationIds.length ? db.integration.findMany({ where: { merchantId, id: { in: integrationIds } }, select: { id: true, name: true } }) : [],
  ]);
  return { agents: new Map(agents.map((a) => [a.id, a.name])), integrations: new Map(integrations.map((i) => [i.id, i.name])) };
}

/** The filter choices: agents that ever ordered from this merchant, and its integrations. */
export async function getOrderFilterOptions({ merchantId }: { merchantId: string }) {
  const [agentIds, integrations] = await Promise.all([
    // Read from the daily rollup: distinct agents over millions of orders would be a full scan.
    db.orderRollupDaily.findMany({ where: { merchantId, agentId: { not: "" } }, distinct: ["agentId"], select: { agentId: true } }),
    db.integration.findMany({ where: { merchantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const agents = await db.agent.findMany({ where: { id: { in: agentIds.map((a) => a.agentId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { agents, integrations };
}

export const csvColumns = [
  "id", "external_id", "occurred_at_utc", "channel", "agent_id", "agent_name", "integration_id", "integration_name", "operation",
  "payment_method", "amount_yuan", "refunded_yuan", "fee_yuan", "currency", "status", "verification",
] as const;

/**
 * The matching orders as CSV, streamed: keyset batches pulled only as fast as the client reads,
 * so memory holds one batch whatever the row count.
 */
export function streamOrdersCsv({ merchantId, filters, batchSize = 2_000 }: { merchantId: string; filters: OrderFilters; batchSize?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: OrderCursor | null = null;
  let labels: Awaited<ReturnType<typeof getCsvLabels>> | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      labels = await getCsvLabels(merchantId);
      controller.enqueue(encoder.encode(csvBom + csvRow([...csvColumns])));
    },
    async pull(controller) {
      if (done) return;
      const rows = await db.order.findMany({
        where: whereFor(merchantId, filters, cursor),
        orderBy,
        take: batchSize,
        select: { ...listSelect, currency: true },
      });
      let text = "";
      for (const o of rows) {
        text += csvRow([
          o.id.toString(),
          csvField(o.externalId, { text: true }),
          o.occurredAt.toISOString(),
          o.channel,
          csvField(o.agentId),
          csvField(o.agentId ? labels!.agents.get(o.agentId) : null, { text: true }),
          csvField(o.integrationId),
          csvField(o.integrationId ? labels!.integrations.get(o.integrationId) : null, { text: true }),
          csvField(o.operationName, { text: true }),
          o.paymentMethod,
          fenToYuan(o.amountFen),
          fenToYuan(o.refundedFen),
          fenToYuan(o.feeFen),
          csvField(o.currency, { text: true }),
          o.status,
          o.isVerification ? "true" : "false",
        ]);
      }
      if (text) controller.enqueue(encoder.encode(text));
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) {
        done = true;
        controller.close();
      } else {
        cursor = { occurredAt: last.occurredAt, id: last.id };
      }
    },
  });
}

async function getCsvLabels(merchantId: string) {
  // Both lists are small: the platform's agents and one merchant's integrations.
  const [agents, integrations] = await Promise.all([
    db.agent.findMany({ select: { id: true, name: true } }),
    db.integration.findMany({ where: { merchantId }, select: { id: true, name: true } }),
  ]);
  return { agents: new Map(agents.map((a) => [a.id, a.name])), integrations: new Map(integrations.map((i) => [i.id, i.name])) };
}
