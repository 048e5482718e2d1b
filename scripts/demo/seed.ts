// Loads the demo data set into an empty, migrated database: small tables with batched INSERTs,
// orders / order events / screen-read sessions with COPY on three connections in parallel, then
// the hourly rollups with one INSERT … SELECT.
import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Writable } from "node:stream";
import { hashPassword } from "../../lib/auth/password";
import { generateActivity, plannedOrderCount, type OrderEventRow, type OrderRow, type ScreenReadSessionRow } from "../../lib/demo/activity";
import { DEMO_PASSWORD } from "../../lib/demo/catalogue";
import type { Row } from "../../lib/demo/rows";
import { demoWindow } from "../../lib/demo/window";
import { buildDemoWorld, worldTables } from "../../lib/demo/world";
import { rollupDefinitions } from "../../lib/rollups/definitions";
import { escapeCopyText } from "./copy-text";
import { seedClosedStatements } from "./seed-statements";

export type SeedPhase = "catalogue" | "orders" | "rollups" | "indexes";
export type SeedProgress = { phase: SeedPhase; done: number; total: number };

export type SeedOptions = {
  connectionString: string;
  seed?: number;
  orders?: number;
  /** Extra orders on lumen-coffee only, for benchmarks. */
  benchOrders?: number;
  /** End of the 90-day window; default today 00:00 UTC. */
  now?: Date;
  onProgress?: (progress: SeedProgress) => void;
};

export type SeedSummary = {
  seed: number;
  window: { start: Date; end: Date };
  counts: Record<string, number>;
  orders: number;
  orderEvents: number;
  screenReadSessions: number;
  rollupRows: number;
  durationMs: number;
  /** Orders (with their events and sessions) loaded per second during the COPY phase. */
  ordersPerSecond: number;
  /** Wall time of each phase. */
  phaseMs: Partial<Record<SeedPhase, number>>;
};

/** Above this many orders the secondary indexes are dropped for the load and rebuilt after: building
 * an index once is several times cheaper than maintaining it row by row. */
const REBUILD_INDEXES_ABOVE = 100_000;
const bulkTables = ["Order", "OrderEvent", "ScreenReadSession"] as const;

export async function isDatabaseEmpty(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('"Merchant"') IS NOT NULL AS present`);
    if (!rows[0]?.present) return true;
    const found = await client.query(`SELECT 1 FROM "Merchant" LIMIT 1`);
    return found.rowCount === 0;
  } finally {
    await client.end();
  }
}

function sqlValue(value: Row[string]): unknown {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value;
  return JSON.stringify((value as { value: unknown }).value);
}

async function insertRows(client: pg.ClientBase, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${columns.map((c) => `$${values.push(sqlValue(row[c] ?? null))}`).join(", ")})`);
    await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
  }
}

const orderColumns = ["merchantId", "externalId", "channel", "agentId", "integrationId", "operationName", "paymentMethod", "amountFen", "refundedFen", "status", "isVerification", "occurredAt", "revenueRuleId", "feeFen", "feeRefundedFen", "createdAt", "updatedAt"];
const eventColumns = ["merchantId", "externalOrderId", "type", "sequence", "bodyHash", "payload", "receivedAt"];
const sessionColumns = ["merchantId", "externalId", "agentId", "pagePath", "steps", "outcome", "orderExternalId", "startedAt", "durationMs", "bodyHash", "createdAt"];

const N = "\\N";
// Ids, enums, external ids and digits never contain tabs, newlines or backslashes; only the
// free-form values (operation names, page paths, payloads) go through the escaper.
function orderLine(o: OrderRow): string {
  const at = o.occurredAt.toISOString();
  return `${o.merchantId}\t${o.externalId}\t${o.channel}\t${o.agentId ?? N}\t${o.integrationId ?? N}\t${o.operationName === null ? N : escapeCopyText(o.operationName)}\t${o.paymentMethod}\t${o.amountFen}\t${o.refundedFen}\t${o.status}\t${o.isVerification ? "t" : "f"}\t${at}\t${o.revenueRuleId ?? N}\t${o.feeFen}\t${o.feeRefundedFen}\t${at}\t${at}\n`;
}
function eventLine(e: OrderEventRow): string {
  return `${e.merchantId}\t${e.externalOrderId}\t${e.type}\t${e.sequence}\t${e.bodyHash}\t${escapeCopyText(e.payload)}\t${e.receivedAt.toISOString()}\n`;
}
function sessionLine(s: ScreenReadSessionRow): string {
  const at = s.startedAt.toISOString();
  return `${s.merchantId}\t${s.externalId}\t${s.agentId}\t${escapeCopyText(s.pagePath)}\t${s.steps}\t${s.outcome}\t${s.orderExternalId ?? N}\t${at}\t${s.durationMs}\t${s.bodyHash}\t${at}\n`;
}

type CopySink = { client: pg.Client; stream: Writable; done: Promise<void> };

async function openCopy(connectionString: string, table: string, columns: string[]): Promise<CopySink> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  done.catch(() => {});
  return { client, stream, done };
}

async function write(sink: CopySink, text: string): Promise<void> {
  if (text && !sink.stream.write(text)) await Promise.race([once(sink.stream, "drain"), sink.done]);
}

type IndexDef = { name: string; drop: string; definition: string };

/**
 * Secondary indexes of the bulk tables, and primary keys of more than one column (OrderEvent's
 * key is the event identity: maintaining it row by row during COPY costs as much as an index).
 * Single-column (bigint id) primary keys stay.
 */
async function secondaryIndexes(client: pg.ClientBase): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `SELECT i.indexname AS name, format('DROP INDEX %I', i.indexname) AS drop, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
     UNION ALL
     SELECT c.conname, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
       FROM pg_constraint c
      WHERE c.contype = 'p' AND cardinality(c.conkey) > 1 AND c.connamespace = current_schema()::regnamespace
        AND c.conrelid::regclass::text = ANY(SELECT format('%I', t) FROM unnest($1::text[]) t)`,
    [bulkTables as unknown as string[]],
  );
  return rows;
}

export async function seedDemoData(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 42;
  const orders = options.orders ?? 6_000;
  const benchOrders = options.benchOrders ?? 0;
  const phaseMs: Partial<Record<SeedPhase, number>> = {};
  let phaseName: SeedPhase | null = null;
  let phaseSince = 0;
  const report = (progress: SeedProgress) => {
    if (phaseName !== progress.phase) {
      const now = performance.now();
      if (phaseName) phaseMs[phaseName] = Math.round(now - phaseSince);
      phaseName = progress.phase;
      phaseSince = now;
    }
    options.onProgress?.(progress);
  };
  const window = demoWindow(options.now);

  if (!(await isDatabaseEmpty(options.connectionString))) {
    throw new Error('The database already has merchants: demo data goes into an empty database only (run "npm run demo:generate -- --reset" to wipe it first).');
  }

  // argon2 is deliberately slow: hash the shared demo password once.
  const world = buildDemoWorld({ seed, window, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const counts: Record<string, number> = {};
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [i, table] of worldTables.entries()) {
      await insertRows(client, table, world.tables[table]);
      counts[table] = world.tables[table].length;
      report({ phase: "catalogue", done: i + 1, total: worldTables.length });
    }
    for (const link of world.liveVersionLinks) {
      await client.query(`UPDATE "Integration" SET "liveVersionId" = $2 WHERE "id" = $1`, [link.integrationId, link.liveVersionId]);
    }
    await client.query("COMMIT");

    const totalOrders = plannedOrderCount(world, { orders, benchOrders });
    const rebuildIndexes = totalOrders > REBUILD_INDEXES_ABOVE;
    const indexes = rebuildIndexes ? await secondaryIndexes(client) : [];
    for (const index of indexes) await client.query(index.drop);

    const copyStarted = performance.now();
    const sinks = await Promise.all([
      openCopy(options.connectionString, "Order", orderColumns),
      openCopy(options.connectionString, "OrderEvent", eventColumns),
      openCopy(options.connectionString, "ScreenReadSession", sessionColumns),
    ]);
    const [orderSink, eventSink, sessionSink] = sinks as [CopySink, CopySink, CopySink];
    let loadedOrders = 0;
    let loadedEvents = 0;
    let loadedSessions = 0;
    try {
      report({ phase: "orders", done: 0, total: totalOrders });
      for (const chunk of generateActivity(world, { orders, benchOrders, chunkSize: 2_000 })) {
        let orderText = "";
        for (const o of chunk.orders) orderText += orderLine(o);
        let eventText = "";
        for (const e of chunk.events) eventText += eventLine(e);
        let sessionText = "";
        for (const s of chunk.sessions) sessionText += sessionLine(s);
        await Promise.all([write(orderSink, orderText), write(eventSink, eventText), write(sessionSink, sessionText)]);
        loadedOrders += chunk.orders.length;
        loadedEvents += chunk.events.length;
        loadedSessions += chunk.sessions.length;
        report({ phase: "orders", done: loadedOrders, total: totalOrders });
      }
      for (const sink of sinks) sink.stream.end();
      await Promise.all(sinks.map((s) => s.done));
    } finally {
      await Promise.all(sinks.map((s) => s.client.end().catch(() => {})));
    }
    const copyMs = performance.now() - copyStarted;

    if (indexes.length) {
      // Two builds at a time, without parallel workers: more only fights over the CPUs.
      let built = 0;
      const queue = [...indexes];
      report({ phase: "indexes", done: 0, total: indexes.length });
      await Promise.all(
        [0, 1].map(async () => {
          const c = new pg.Client({ connectionString: options.connectionString });
          await c.connect();
          try {
            await c.query("SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0");
            for (let index = queue.shift(); index; index = queue.shift()) {
              await c.query(index.definition);
              report({ phase: "indexes", done: ++built, total: indexes.length });
            }
          } finally {
            await c.end();
          }
        }),
      );
    }

    report({ phase: "rollups", done: 0, total: rollupDefinitions.length });
    const rollupRows: Record<string, number> = {};
    await client.query("BEGIN");
    // A hash aggregate over millions of orders spills to disk with the default 4 MB.
    await client.query("SET LOCAL work_mem = '256MB'");
    // Every rollup from its one definition (lib/rollups), the same SQL tests check ingestion against.
    for (const [i, definition] of rollupDefinitions.entries()) {
      const rebuild = definition.rebuild();
      await client.query(rebuild.deleteSql, rebuild.values);
      const inserted = await client.query(rebuild.insertSql, rebuild.values);
      rollupRows[definition.table] = inserted.rowCount ?? 0;
      report({ phase: "rollups", done: i + 1, total: rollupDefinitions.length });
    }
    // A closed statement for each merchant's last ended month (scripts/demo/seed-statements.ts).
    counts.SettlementStatement = await seedClosedStatements(client, { merchantIds: world.merchants.map((m) => m.id), closedAt: window.end });
    await client.query("COMMIT");
    const analyzed = [...bulkTables, ...rollupDefinitions.map((d) => d.table)];
    await client.query(analyzed.map((table) => `ANALYZE "${table}"`).join("; "));
    phaseMs.rollups = Math.round(performance.now() - phaseSince);

    counts.Order = loadedOrders;
    counts.OrderEvent = loadedEvents;
    counts.ScreenReadSession = loadedSessions;
    Object.assign(counts, rollupRows);
    return {
      seed,
      window,
      counts,
      orders: loadedOrders,
      orderEvents: loadedEvents,
      screenReadSessions: loadedSessions,
      rollupRows: rollupRows.OrderRollupHourly ?? 0,
      durationMs: Math.round(performance.now() - started),
      ordersPerSecond: Math.round(loadedOrders / (copyMs / 1000)),
      phaseMs,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
