// Ingestion benchmark: the demo generator's order events (deterministic PRNG), renamed to fresh
// external ids, POSTed in batches of 1,000 by several concurrent clients to a running server;
// then, as the physical limit, COPY of the same rows into an unindexed scratch table.
//
//   DATABASE_URL=... npx tsx scripts/bench/ingest.ts --base-url http://localhost:3400 \
//     --events 200000 --concurrency 4 [--key sg_ingest_...] [--server-pid PID] [--warmup-events N]
//     [--feed live|backfill] [--web-processes N]
//
// The target database must hold the demo catalogue (npm run demo:generate); the server needs
// SKILLGATE_DEMO_MODE=1 for the demo ingest key.
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { generateActivity } from "../../lib/demo/activity";
import { demoApiKeys } from "../../lib/demo/catalogue";
import { demoWindow } from "../../lib/demo/window";
import { buildDemoWorld } from "../../lib/demo/world";
import { escapeCopyText } from "../demo/copy-text";
import { processTree } from "./process-tree";
import { percentile } from "./stats";

export type BenchIngestOptions = {
  baseUrl: string;
  ingestKey: string;
  /** How many order events to send. */
  events: number;
  concurrency: number;
  batchSize?: number;
  seed?: number;
  /** Prefix for external ids, so runs against the same database do not collide. */
  runId?: string;
  /** When set, also COPY the same rows into an unindexed scratch table there. */
  databaseUrl?: string;
  /**
   * The server's pid on this machine: then the CPU time spent by the server and every process
   * under it (all web processes of a cluster), by the database's backends (all client
   * connections to `databaseUrl`'s database), by PostgreSQL's background processes (WAL writer,
   * checkpointer, autovacuum, …) and by this load generator is read from /proc, a figure far
   * less sensitive to other load than throughput.
   */
  serverPid?: number;
  /**
   * Events sent first and not measured (own external ids), default 20 % of `events` and at least
   * 20 batches: the pool's connections then have their plans cached and the indexes' pages in
   * shared buffers, so the figures describe steady ingestion, not the first batches on fresh
   * connections (which cost PostgreSQL up to twice the CPU per event here).
   */
  warmupEvents?: number;
  /**
   * "live" (default): the events occurred just now, in the order they are sent (10 ms apart,
   * ending a minute ago), as the platform's pipeline feeds them; index inserts land at the
   * right edge of the time indexes and a batch touches a few dozen rollup rows. "backfill":
   * the generator's own times, spread over its 90-day window, so nearly every event lands in a
   * random place of the indexes and its own hourly rollup row (a history import).
   */
  feed?: IngestFeed;
  /** Recorded with the result: how many web processes the server runs (SKILLGATE_WEB_PROCESSES). */
  webProcesses?: number;
};

export type IngestFeed = "live" | "backfill";
const LIVE_SPACING_MS = 10;

export type BenchIngestResult = {
  /** Absent in results recorded before feeds existed (they were backfills). */
  feed?: IngestFeed;
  events: number;
  batches: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  seconds: number;
  eventsPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  /** From the Server-Timing header: reading + validating, and the database transaction. */
  serverMsPerBatch: { validate: number; store: number };
  copyRowsPerSecond?: number;
  ratio?: number;
  /**
   * CPU milliseconds per 1,000 events: the server's process tree, the database's client backends,
   * PostgreSQL's background processes and the load generator (the last two absent in results
   * recorded before they were measured); and what 2 otherwise idle cores would sustain at the
   * cost of all of them together (before: server + client backends only).
   */
  cpu?: {
    serverMsPer1000: number;
    postgresMsPer1000: number;
    postgresBackgroundMsPer1000?: number;
    loadGeneratorMsPer1000?: number;
    projectedEventsPerSecondOn2Cores: number;
  };
  /** Web processes of the server (SKILLGATE_WEB_PROCESSES), when the caller said. */
  webProcesses?: number;
};

type Row = { merchantId: string; externalOrderId: string; type: string; sequence: number; bodyHash: string; payload: string };

/** Deterministic events (and the rows they become) for a run; the generator's own times unless `feed` is "live". */
export function benchEvents(options: { events: number; seed?: number; runId: string; feed?: IngestFeed; now?: number }): { bodies: Record<string, unknown>[]; rows: Row[] } {
  const liveStart = (options.now ?? Date.now()) - 60_000 - options.events * LIVE_SPACING_MS;
  const world = buildDemoWorld({ seed: options.seed ?? 42, window: demoWindow(), passwordHash: "unused" });
  const bodies: Record<string, unknown>[] = [];
  const rows: Row[] = [];
  // ~1.1 events per order: ask for enough orders, then cut.
  for (const chunk of generateActivity(world, { orders: Math.ceil(options.events / 1.05), chunkSize: 5_000 })) {
    for (const event of chunk.events) {
      if (bodies.length >= options.events) break;
      const body = JSON.parse(event.payload) as Record<string, unknown>;
      body.externalId = `${options.runId}-${String(body.externalId)}`;
      if (options.feed === "live") body.occurredAt = new Date(liveStart + bodies.length * LIVE_SPACING_MS).toISOString();
      bodies.push(body);
      rows.push({ merchantId: event.merchantId, externalOrderId: String(body.externalId), type: event.type, sequence: event.sequence, bodyHash: event.bodyHash, payload: JSON.stringify(body) });
    }
    if (bodies.length >= options.events) break;
  }
  return { bodies, rows };
}


export async function benchIngest(options: BenchIngestOptions): Promise<BenchIngestResult> {
  const batchSize = options.batchSize ?? 1_000;
  const runId = options.runId ?? `B${Date.now().toString(36)}`;
  const feed = options.feed ?? "live";
  const { bodies, rows } = benchEvents({ events: options.events, seed: options.seed, runId, feed });
  // Serialize up front: the clients measure the server, not JSON.stringify.
  const toBatches = (list: Record<string, unknown>[]) => {
    const out: Buffer[] = [];
    for (let i = 0; i < list.length; i += batchSize) out.push(Buffer.from(JSON.stringify({ events: list.slice(i, i + batchSize) })));
    return out;
  };
  const batches = toBatches(bodies);
  const warmupEvents = options.warmupEvents ?? Math.max(20 * batchSize, Math.round(options.events / 5));
  if (warmupEvents > 0) {
    // Its own external-id prefix: the warm-up's refunds land on its own orders, not the measured run's.
    const warmup = benchEvents({ events: warmupEvents, seed: options.seed, runId: `${runId}W`, feed });
    await sendBatches(options, toBatches(warmup.bodies));
  }

  const cpuBefore = options.serverPid && options.databaseUrl ? await cpuSnapshot(options.serverPid, options.databaseUrl) : null;
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const { totals, latencies, serverMs } = await sendBatches(options, batches);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const result: BenchIngestResult = {
    feed,
    events: bodies.length,
    batches: batches.length,
    ...totals,
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(bodies.length / seconds),
    latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), max: Math.round(latencies.at(-1) ?? 0) },
    serverMsPerBatch: { validate: Math.round((serverMs.validate ?? 0) / batches.length), store: Math.round((serverMs.store ?? 0) / batches.length) },
    ...(options.webProcesses ? { webProcesses: options.webProcesses } : {}),
  };
  if (cpuBefore && options.serverPid && options.databaseUrl) {
    const own = process.cpuUsage(ownBefore);
    const after = await cpuSnapshot(options.serverPid, options.databaseUrl);
    const spent = (key: "server" | "backends" | "background") => {
      let ms = 0;
      for (const [pid, now] of after[key]) ms += now - (cpuBefore[key].get(pid) ?? 0);
      return ms;
    };
    const ms = { server: spent("server"), postgres: spent("backends"), background: spent("background"), generator: (own.user + own.system) / 1000 };
    const per1000 = (value: number) => Math.round(value * (1000 / bodies.length));
    const perEvent = (ms.server + ms.postgres + ms.background + ms.generator) / bodies.length;
    result.cpu = {
      serverMsPer1000: per1000(ms.server),
      postgresMsPer1000: per1000(ms.postgres),
      postgresBackgroundMsPer1000: per1000(ms.background),
      loadGeneratorMsPer1000: per1000(ms.generator),
      projectedEventsPerSecondOn2Cores: Math.round(2000 / perEvent),
    };
  }
  if (options.databaseUrl) {
    result.copyRowsPerSecond = await copyBaseline(options.databaseUrl, rows);
    result.ratio = Math.round((result.eventsPerSecond / result.copyRowsPerSecond) * 1000) / 1000;
  }
  return result;
}

/** POSTs the batches from `concurrency` clients, in order; the per-event totals, latencies and Server-Timing sums. */
async function sendBatches(options: BenchIngestOptions, batches: Buffer[]) {
  const url = `${options.baseUrl.replace(/\/$/, "")}/api/v1/events/orders`;
  const headers = { authorization: `Bearer ${options.ingestKey}`, "content-type": "application/json" };
  const totals = { accepted: 0, duplicates: 0, rejected: 0, conflicts: 0 };
  const latencies: number[] = [];
  const serverMs: { validate?: number; store?: number } = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      // Batches are taken in order, so each order's CREATED is sent before its refund (they sit
      // next to each other in the generator's output and rarely straddle a batch boundary).
      for (let i = next++; i < batches.length; i = next++) {
        for (let attempt = 0; ; attempt++) {
          const t0 = performance.now();
          const response = await post(url, headers, batches[i]!);
          if (response.status === 429 && attempt < 20) {
            await new Promise((r) => setTimeout(r, Number(response.retryAfter ?? 1) * 1000));
            continue;
          }
          latencies.push(performance.now() - t0);
          for (const [, name, ms] of response.serverTiming.matchAll(/(\w+);dur=([\d.]+)/g)) {
            serverMs[name as "validate" | "store"] = (serverMs[name as "validate" | "store"] ?? 0) + Number(ms);
          }
          if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 300)}`);
          const report = JSON.parse(response.text) as Partial<typeof totals>;
          totals.accepted += report.accepted ?? 0;
          totals.duplicates += report.duplicates ?? 0;
          totals.rejected += report.rejected ?? 0;
          totals.conflicts += report.conflicts ?? 0;
          break;
        }
      }
    }),
  );
  return { totals, latencies, serverMs };
}

// node:http with keep-alive and bodies encoded up front, lighter than fetch: the load generator's
// CPU is counted in the figures and shares the server's 2 cores.
const agent = new http.Agent({ keepAlive: true });

function post(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string; serverTiming: string; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString("utf8"),
          serverTiming: String(response.headers["server-timing"] ?? ""),
          retryAfter: response.headers["retry-after"],
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

const TICK_MS = 10; // Linux USER_HZ is 100

function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return 0; // the process ended
  }
}

type CpuSnapshot = { server: Map<number, number>; backends: Map<number, number>; background: Map<number, number> };

/**
 * CPU time so far, per pid, of the server's process tree, of every client backend connected to
 * the bench database and of PostgreSQL's background processes (shared by all its databases).
 */
async function cpuSnapshot(serverPid: number, databaseUrl: string): Promise<CpuSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; client: boolean }>(
      `SELECT pid, backend_type = 'client backend' AS client FROM pg_stat_activity
        WHERE pid <> pg_backend_pid() AND (backend_type <> 'client backend' OR datname = current_database())`,
    );
    const tree = processTree(serverPid);
    const cpu = (pids: number[]) => new Map(pids.map((pid) => [pid, processCpuMs(pid)]));
    return {
      server: new Map(tree.map((p) => [p.pid, p.cpuMs])),
      backends: cpu(rows.filter((r) => r.client).map((r) => r.pid)),
      background: cpu(rows.filter((r) => !r.client).map((r) => r.pid)),
    };
  } finally {
    await client.end();
  }
}

/** COPY of the same event rows into a logged table with no index or key: what the disk and parser allow. */
async function copyBaseline(databaseUrl: string, rows: Row[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const table = `bench_copy_${process.pid}_${Date.now()}`;
  try {
    await client.query(`CREATE TABLE "${table}" ("merchantId" text, "externalOrderId" text, "type" text, "sequence" int, "bodyHash" text, "payload" jsonb, "receivedAt" timestamp(3) DEFAULT now())`);
    let text = "";
    for (const r of rows) text += `${r.merchantId}\t${escapeCopyText(r.externalOrderId)}\t${r.type}\t${r.sequence}\t${r.bodyHash}\t${escapeCopyText(r.payload)}\n`;
    const started = performance.now();
    const stream = client.query(copyFrom(`COPY "${table}" ("merchantId", "externalOrderId", "type", "sequence", "bodyHash", "payload") FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
      stream.end(text);
    });
    return Math.round(rows.length / ((performance.now() - started) / 1000));
  } finally {
    await client.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => {});
    await client.end();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main() {
  const options: BenchIngestOptions = {
    baseUrl: arg("base-url") ?? "http://localhost:3400",
    ingestKey: arg("key") ?? demoApiKeys.find((k) => k.kind === "PLATFORM_INGEST")!.secret,
    events: Number(arg("events") ?? 100_000),
    concurrency: Number(arg("concurrency") ?? 4),
    databaseUrl: process.env.DATABASE_URL,
    serverPid: arg("server-pid") ? Number(arg("server-pid")) : undefined,
    warmupEvents: arg("warmup-events") ? Number(arg("warmup-events")) : undefined,
    feed: arg("feed") === "backfill" ? "backfill" : "live",
    webProcesses: arg("web-processes") ? Number(arg("web-processes")) : undefined,
  };
  const result = await benchIngest(options);
  console.log(JSON.stringify(result, null, 2));
  console.log(`(${os.cpus().length} cores, ${new Date().toISOString()})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
