import "server-only";
import type pg from "pg";
import { classifyWithinBatch, compareKeys, orderEventKey, repeatResult } from "@/lib/ingest/batch-identities";
import { applyOrderChanges, type OrderChange } from "@/lib/ingest/order-changes";
import { ArrayColumns } from "@/lib/ingest/pg-array";
import { feeAtIngest } from "@/lib/ingest/order-fee";
import { OrderRollupDeltas } from "@/lib/ingest/rollup-deltas";
import { CONFLICT_MESSAGE, type EventResult, type OrderState } from "@/lib/ingest/types";
import { bodyHashOf, type FieldError, type OrderCreatedEvent, type OrderEvent } from "@/lib/validation/events";
import { resolveAgentIds, resolveIntegrationMerchants, resolveMerchantIds } from "./ingest-lookups";
import { inIngestTransaction } from "./ingest-pool";
import { revenueRulesFor } from "./ingest-revenue-rules";
import { upsertOrderRollups } from "./ingest-rollups";

// One batch of order events in ONE transaction, with set-based SQL:
//  1. CREATED: insert the events with ON CONFLICT DO NOTHING and, in the same statement, the
//     orders for the events actually inserted (with the fee of the rule in effect at occurredAt).
//  2. REFUNDED / CANCELLED: lock the orders (FOR UPDATE, in id order), read which of these events
//     are stored already, apply the new ones in batch order (lib/ingest/order-changes), then
//     insert them and update the orders.
//  3. Upsert the hourly and daily rollups with the batch's summed changes, rows in key order.
// A concurrent batch with the same events waits on the unique index (or the order's row lock)
// and then sees them as stored: effects are applied only for rows this transaction inserted, so
// nothing is counted twice. Row locks are always taken in one global order: no deadlocks.
// Receive times (Order.createdAt, OrderEvent.receivedAt) are clock_timestamp() at the insert,
// not the transaction's start: closing a statement (lib/data/statements.ts) locks the order
// tables and books everything received after its closedAt in a later month, so a batch that
// began before the close and wrote after it must carry a time after closedAt.

export type IndexedOrderEvent = { index: number; event: OrderEvent };

type Prepared = {
  index: number;
  key: string;
  hash: string;
  canonical: string;
  merchantId: string;
  agentId: string | null;
  event: OrderEvent;
};

const orderKey = (merchantId: string, externalId: string) => `${merchantId}\u0001${externalId}`;
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Results for these events (already schema-valid), in any order. */
export async function ingestOrderEvents({ events }: { events: readonly IndexedOrderEvent[] }): Promise<EventResult[]> {
  const results: EventResult[] = [];
  const prepared = await resolveReferences(events, results);
  const { firsts, repeats } = classifyWithinBatch(prepared);

  const merchantIds = new Set(firsts.filter((p) => p.event.type === "CREATED").map((p) => p.merchantId));
  const rules = merchantIds.size ? await revenueRulesFor({ merchantIds }) : new Map();
  const creates = firsts
    .filter((p): p is Prepared & { event: OrderCreatedEvent } => p.event.type === "CREATED")
    .map((p) => ({ ...p, ...feeAtIngest(rules.get(p.merchantId) ?? [], { channel: p.event.channel, agentId: p.agentId, occurredAt: p.event.occurredAt, amountFen: p.event.amountFen }) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const changes = firsts.filter((p) => p.event.type !== "CREATED");

  const stored = await withRetry(() =>
    inIngestTransaction(async (client) => {
      const out: EventResult[] = [];
      const deltas = new OrderRollupDeltas();
      await insertCreates(client, creates, out, deltas);
      if (changes.length) await applyChanges(client, changes, out, deltas);
      await upsertOrderRollups(client, deltas);
      return out;
    }),
  );
  results.push(...stored);

  const byIndex = new Map(results.map((r) => [r.index, r]));
  for (const repeat of repeats) results.push(repeatResult(repeat, byIndex.get(repeat.firstIndex)!));
  return results;
}

async function resolveReferences(events: readonly IndexedOrderEvent[], results: EventResult[]): Promise<Prepared[]> {
  const [merchants, agents, integrations] = await Promise.all([
    resolveMerchantIds({ slugs: events.map((e) => e.event.merchant) }),
    resolveAgentIds({ slugs: events.flatMap((e) => (e.event.type === "CREATED" && e.event.agent ? [e.event.agent] : [])) }),
    resolveIntegrationMerchants({ ids: events.flatMap((e) => (e.event.type === "CREATED" && e.event.integrationId ? [e.event.integrationId] : [])) }),
  ]);
  const prepared: Prepared[] = [];
  for (const { index, event } of events) {
    const errors: FieldError[] = [];
    const merchantId = merchants.get(event.merchant);
    if (!merchantId) errors.push({ path: "merchant", message: `Unknown merchant "${event.merchant}".` });
    let agentId: string | null = null;
    if (event.type === "CREATED") {
      if (event.agent) {
        agentId = agents.get(event.agent) ?? null;
        if (!agentId) errors.push({ path: "agent", message: `Unknown agent "${event.agent}": not in the agent catalogue.` });
      }
      if (event.integrationId && merchantId) {
        const owner = integrations.get(event.integrationId);
        if (owner !== merchantId) errors.push({ path: "integrationId", message: `Unknown integration "${event.integrationId}" for merchant "${event.merchant}".` });
      }
    }
    if (errors.length || !merchantId) {
      results.push({ index, status: "rejected", errors });
      continue;
    }
    const { hash, canonical } = bodyHashOf(event);
    prepared.push({ index, key: orderEventKey(merchantId, event.externalId, event.type, event.sequence), hash, canonical, merchantId, agentId, event });
  }
  return prepared;
}

/**
 * The events' canonical bodies as ONE jsonb array parameter, zipped with the other columns by
 * ROWS FROM: the bodies are JSON already, so this is a join, where a text[] parameter made
 * node-postgres escape every quote of every body (the largest strings of the batch).
 */
function payloadsJson(events: readonly Prepared[]): string {
  return `[${events.map((e) => e.canonical).join(",")}]`;
}

type Create = Prepared & { event: OrderCreatedEvent; revenueRuleId: string | null; feeFen: bigint };

/** The parameters of "ingest-order-creates", in one pass over the events. */
function createColumns(creates: readonly Create[]): string[] {
  const columns = new ArrayColumns(13);
  for (const c of creates) {
    const e = c.event;
    const skill = e.channel === "AI_SKILL";
    columns.push(c.merchantId, e.externalId, c.hash, e.channel, c.agentId, skill ? e.integrationId! : null, skill ? e.operation! : null, e.paymentMethod, e.amountFen, e.isVerification, e.occurredAt.toISOString(), c.revenueRuleId, c.feeFen);
  }
  const [merchantIds, externalIds, hashes, ...rest] = columns.literals();
  return [merchantIds!, externalIds!, hashes!, payloadsJson(creates), ...rest];
}

async function insertCreates(client: pg.PoolClient, creates: readonly Create[], out: EventResult[], deltas: OrderRollupDeltas) {
  if (!creates.length) return;
  // Only the rows that were not inserted come back (a duplicate event, or an order that exists
  // without its event): every other row was stored as an event and an order.
  const { rows } = await client.query<{ ord: number; eventInserted: boolean }>({
    name: "ingest-order-creates",
    text: `WITH input AS (
       SELECT * FROM ROWS FROM (unnest($1::text[], $2::text[], $3::text[], $5::"Channel"[], $6::text[], $7::text[], $8::text[],
                                       $9::"PaymentMethod"[], $10::bigint[], $11::bool[], $12::timestamp(3)[], $13::text[], $14::bigint[]),
                                jsonb_array_elements($4::jsonb))
         WITH ORDINALITY AS t("merchantId", "externalId", "bodyHash", "channel", "agentId", "integrationId", "operationName",
                              "paymentMethod", "amountFen", "isVerification", "occurredAt", "revenueRuleId", "feeFen", "payload", ord)
     ), ev AS (
       INSERT INTO "OrderEvent" ("merchantId", "externalOrderId", "type", "sequence", "bodyHash", "payload", "receivedAt")
       SELECT "merchantId", "externalId", 'CREATED', 0, "bodyHash", "payload", clock_timestamp() FROM input ORDER BY ord
       ON CONFLICT ("merchantId", "externalOrderId", "type", "sequence") DO NOTHING
       RETURNING "merchantId", "externalOrderId"
     ), ins AS (
       INSERT INTO "Order" ("merchantId", "externalId", "channel", "agentId", "integrationId", "operationName", "paymentMethod",
                            "amountFen", "currency", "isVerification", "occurredAt", "revenueRuleId", "feeFen", "createdAt", "updatedAt")
       SELECT i."merchantId", i."externalId", i."channel", i."agentId", i."integrationId", i."operationName", i."paymentMethod",
              i."amountFen", 'CNY', i."isVerification", i."occurredAt", i."revenueRuleId", i."feeFen", clock_timestamp(), now()
         FROM input i JOIN ev ON ev."merchantId" = i."merchantId" AND ev."externalOrderId" = i."externalId"
        ORDER BY i.ord
       ON CONFLICT ("merchantId", "externalId") DO NOTHING
       RETURNING "merchantId", "externalId"
     )
     SELECT i.ord::int AS ord, ev."externalOrderId" IS NOT NULL AS "eventInserted"
       FROM input i
       LEFT JOIN ev ON ev."merchantId" = i."merchantId" AND ev."externalOrderId" = i."externalId"
       LEFT JOIN ins ON ins."merchantId" = i."merchantId" AND ins."externalId" = i."externalId"
      WHERE ins."externalId" IS NULL`,
    values: createColumns(creates),
  });
  const notStored = new Map(rows.map((r) => [r.ord, r.eventInserted]));
  const notInserted: Create[] = [];
  const orphanEvents: Create[] = [];
  for (let i = 0; i < creates.length; i++) {
    const create = creates[i]!;
    const eventInserted = notStored.get(i + 1);
    if (eventInserted === false) notInserted.push(create);
    else if (eventInserted === true) orphanEvents.push(create);
    else {
      out.push({ index: create.index, status: "accepted" });
      deltas.add(
        { merchantId: create.merchantId, channel: create.event.channel, agentId: create.agentId, integrationId: create.event.integrationId ?? null, paymentMethod: create.event.paymentMethod, isVerification: create.event.isVerification, occurredAt: create.event.occurredAt },
        { orders: 1n, gmvFen: create.event.amountFen, feeFen: create.feeFen },
      );
    }
  }
  if (notInserted.length) await classifyStored(client, notInserted, out);
  if (orphanEvents.length) {
    // An order row with this external id exists without its CREATED event (loaded some other
    // way): keep that order as it is and do not record an event that had no effect.
    await client.query(
      `DELETE FROM "OrderEvent" WHERE ("merchantId", "externalOrderId", "type", "sequence") IN (SELECT m, x, 'CREATED'::"OrderEventType", 0 FROM unnest($1::text[], $2::text[]) AS t(m, x))`,
      [orphanEvents.map((c) => c.merchantId), orphanEvents.map((c) => c.event.externalId)],
    );
    for (const c of orphanEvents) out.push({ index: c.index, status: "conflict", errors: [{ path: "externalId", message: `An order "${c.event.externalId}" already exists for this merchant; it was not changed.` }] });
  }
}

/** Events whose identity is stored already: a duplicate when the body hash matches, else a conflict. */
async function classifyStored(client: pg.PoolClient, events: readonly Prepared[], out: EventResult[]): Promise<Set<string>> {
  const { rows } = await client.query<{ merchantId: string; externalOrderId: string; type: string; sequence: number; bodyHash: string }>(
    `SELECT e."merchantId", e."externalOrderId", e."type", e."sequence", e."bodyHash"
       FROM "OrderEvent" e
       JOIN unnest($1::text[], $2::text[], $3::"OrderEventType"[], $4::int[]) AS k(m, x, t, s)
         ON e."merchantId" = k.m AND e."externalOrderId" = k.x AND e."type" = k.t AND e."sequence" = k.s`,
    [events.map((e) => e.merchantId), events.map((e) => e.event.externalId), events.map((e) => e.event.type), events.map((e) => e.event.sequence)],
  );
  const stored = new Map(rows.map((r) => [orderEventKey(r.merchantId, r.externalOrderId, r.type, r.sequence), r.bodyHash]));
  for (const e of events) {
    const hash = stored.get(e.key);
    if (hash === undefined) continue;
    out.push(hash === e.hash ? { index: e.index, status: "duplicate" } : { index: e.index, status: "conflict", errors: [{ path: "", message: CONFLICT_MESSAGE }] });
  }
  return new Set(stored.keys());
}

type OrderRow = {
  id: string;
  merchantId: string;
  externalId: string;
  channel: OrderState["channel"];
  agentId: string | null;
  integrationId: string | null;
  paymentMethod: OrderState["paymentMethod"];
  isVerification: boolean;
  occurredAt: string;
  amountFen: string;
  refundedFen: string;
  feeFen: string;
  feeRefundedFen: string;
  status: OrderState["status"];
};

async function applyChanges(client: pg.PoolClient, changes: readonly Prepared[], out: EventResult[], deltas: OrderRollupDeltas) {
  // Lock the orders first: every refund or cancellation of an order is decided under its row
  // lock, so what is stored and what remains to refund are current when we read them.
  const pairs = [...new Map(changes.map((c) => [orderKey(c.merchantId, c.event.externalId), c])).values()];
  const { rows } = await client.query<OrderRow>(
    `SELECT o."id"::text AS "id", o."merchantId", o."externalId", o."channel", o."agentId", o."integrationId", o."paymentMethod",
            o."isVerification", ${iso(`o."occurredAt"`)} AS "occurredAt", o."amountFen"::text AS "amountFen",
            o."refundedFen"::text AS "refundedFen", o."feeFen"::text AS "feeFen", o."feeRefundedFen"::text AS "feeRefundedFen", o."status"
       FROM "Order" o
      WHERE (o."merchantId", o."externalId") IN (SELECT m, x FROM unnest($1::text[], $2::text[]) AS k(m, x))
      ORDER BY o."id"
        FOR UPDATE`,
    [pairs.map((p) => p.merchantId), pairs.map((p) => p.event.externalId)],
  );
  const orders = new Map<string, OrderState>();
  for (const r of rows) {
    orders.set(orderKey(r.merchantId, r.externalId), {
      ...r,
      occurredAt: new Date(r.occurredAt),
      amountFen: BigInt(r.amountFen),
      refundedFen: BigInt(r.refundedFen),
      feeFen: BigInt(r.feeFen),
      feeRefundedFen: BigInt(r.feeRefundedFen),
    });
  }

  const storedKeys = await classifyStored(client, changes, out);
  const fresh: (OrderChange & { prepared: Prepared })[] = changes
    .filter((c) => !storedKeys.has(c.key))
    .map((c) => ({ index: c.index, orderKey: orderKey(c.merchantId, c.event.externalId), event: c.event as OrderChange["event"], prepared: c }));
  const { outcomes, updated } = applyOrderChanges(orders, fresh, deltas);

  const byIndex = new Map(fresh.map((f) => [f.index, f.prepared]));
  const accepted: Prepared[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) {
      accepted.push(byIndex.get(outcome.index)!);
      out.push({ index: outcome.index, status: "accepted" });
    } else out.push({ index: outcome.index, status: "rejected", errors: outcome.errors });
  }
  if (!accepted.length) return;
  accepted.sort((a, b) => compareKeys(a.key, b.key));
  // One statement for both: the orders are locked by us and their events' keys are only ever
  // written under those locks, so neither part can wait on another transaction.
  await client.query(
    `WITH events AS (
       INSERT INTO "OrderEvent" ("merchantId", "externalOrderId", "type", "sequence", "bodyHash", "payload", "receivedAt")
       SELECT m, x, t, s, h, p, clock_timestamp()
         FROM ROWS FROM (unnest($1::text[], $2::text[], $3::"OrderEventType"[], $4::int[], $5::text[]), jsonb_array_elements($6::jsonb)) WITH ORDINALITY AS k(m, x, t, s, h, p, ord)
        ORDER BY ord
     )
     UPDATE "Order" o SET "refundedFen" = u.r, "feeRefundedFen" = u.f, "status" = u.s, "updatedAt" = now()
       FROM unnest($7::bigint[], $8::bigint[], $9::bigint[], $10::"OrderStatus"[]) AS u(id, r, f, s)
      WHERE o."id" = u.id`,
    [
      accepted.map((a) => a.merchantId),
      accepted.map((a) => a.event.externalId),
      accepted.map((a) => a.event.type),
      accepted.map((a) => a.event.sequence),
      accepted.map((a) => a.hash),
      payloadsJson(accepted),
      updated.map((o) => o.id),
      updated.map((o) => o.refundedFen.toString()),
      updated.map((o) => o.feeRefundedFen.toString()),
      updated.map((o) => o.status),
    ],
  );
}

/** Deadlocks and serialization failures should not happen (locks are ordered); retry anyway. */
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || (code !== "40P01" && code !== "40001")) throw error;
    }
  }
}
