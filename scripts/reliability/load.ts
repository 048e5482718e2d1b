// Load (`npm run test:load`): the production server on a fresh demo database (DEMO_ORDERS, 6,000 by
// default), then
//  1. 200 concurrent signed-in dashboard users for 60 s: each virtual user (one of seven demo
//     accounts' session cookies) loads one of its merchant's overview / attribution / orders
//     pages, reads it for a think time (uniform 0.5–1.5 × LOAD_THINK_SECONDS, 5 s by default; 0 =
//     back-to-back requests, a stress test rather than users), and loads the next. Reports
//     p50/p95/p99 of the page responses and every non-2xx or error; target p95 < 1 s, no errors.
//  2. Ingestion under concurrent load: 8 clients send every batch of order events twice, shuffled,
//     while the dashboard is still being read; afterwards every event is stored exactly once and
//     every rollup equals its SQL definition.
// LOAD_USERS / LOAD_SECONDS / LOAD_THINK_SECONDS / LOAD_EVENTS / LOAD_TIMEOUT (s, 30) change the sizes;
// LOAD_WEB_PROCESSES (default: one per core) sets the server's SKILLGATE_WEB_PROCESSES. Writes test-results/reliability-load.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { signIn } from "../bench/dashboard";
import { percentile } from "../bench/stats";
import { seedDemoData } from "../demo/seed";
import { baseUrl, freshDatabase, loadAverages, query, startDatabase, startServer } from "./harness";
import { eventBatches, rollupMismatches, send } from "./ingest-check";

// autocannon ships no types: the part used here (background readers during ingestion).
const autocannon = createRequire(import.meta.url)("autocannon") as (options: { url: string; connections: number; duration: number }) => Promise<unknown> & { stop: () => void };

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const EVENTS = Number(process.env.LOAD_EVENTS ?? 20_000);
/** Mean time a user spends reading a page before the next one (0 = back-to-back requests). */
const THINK_SECONDS = Number(process.env.LOAD_THINK_SECONDS ?? 5);
const TIMEOUT_SECONDS = Number(process.env.LOAD_TIMEOUT ?? 30);
const WEB_PROCESSES = Number(process.env.LOAD_WEB_PROCESSES ?? availableParallelism());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const accounts: Array<[email: string, merchant: string]> = [
  ["owner@lumen.demo", "lumen-coffee"],
  ["admin@lumen.demo", "lumen-coffee"],
  ["analyst@lumen.demo", "lumen-coffee"],
  ["owner@swiftride.demo", "swiftride"],
  ["owner@railgo.demo", "railgo"],
  ["owner@daymart.demo", "daymart"],
  ["dev@lumen.demo", "lumen-coffee"],
];
const sections = ["overview", "attribution", "orders"];

async function dashboardLoad() {
  const sessions: Array<{ cookie: string; merchant: string }> = [];
  for (const [email, merchant] of accounts) {
    const jar = await signIn(baseUrl, email);
    sessions.push({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), merchant });
  }
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let timeouts = 0;
  let n = 0;
  const deadline = performance.now() + SECONDS * 1000;
  // One virtual user: load a page, read it for a while (uniform 0.5–1.5 × THINK_SECONDS), repeat.
  async function user(u: number) {
    await sleep(Math.random() * THINK_SECONDS * 1000); // users arrive spread over one think time
    while (performance.now() < deadline) {
      const i = n++;
      const session = sessions[(u + i) % sessions.length]!;
      const path = `/m/${session.merchant}/${sections[i % sections.length]}`;
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie }, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000) });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      } catch (error) {
        if ((error as Error).name === "TimeoutError") timeouts++;
        else errors++;
      }
      await sleep(THINK_SECONDS * 1000 * (0.5 + Math.random()));
    }
  }
  await Promise.all(Array.from({ length: USERS }, (_, u) => user(u)));
  const result = { errors, timeouts };
  latencies.sort((a, b) => a - b);
  const non2xx = [...statuses].filter(([code]) => code < 200 || code >= 300).reduce((sum, [, count]) => sum + count, 0);
  return {
    users: USERS,
    seconds: SECONDS,
    thinkSeconds: THINK_SECONDS,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / SECONDS),
    latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)), max: Math.round(latencies.at(-1) ?? 0) },
    statuses: Object.fromEntries(statuses),
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function ingestionUnderLoad(url: string) {
  const { identities, batches } = eventBatches({ events: EVENTS, batchSize: 500, runId: `LD${Date.now().toString(36)}` });
  // Every batch twice, shuffled (deterministically), so concurrent duplicates race each other.
  const twice = [...batches, ...batches].map((b, i) => ({ b, k: (i * 2_654_435_761) % 4_294_967_296 })).sort((x, y) => x.k - y.k).map((x) => x.b);
  const readers = autocannon({ url: `${baseUrl}/api/v1/health`, connections: 4, duration: 5 });
  const started = performance.now();
  const outcome = await send(twice, 8);
  const seconds = (performance.now() - started) / 1000;
  readers.stop();
  const created = identities.filter((e) => e.type === "CREATED").length;
  const [stored] = await query<{ events: number; orders: number }>(url, `SELECT (SELECT count(*) FROM "OrderEvent" WHERE "externalOrderId" LIKE 'LD%')::int events, (SELECT count(*) FROM "Order" WHERE "externalId" LIKE 'LD%')::int orders`);
  const mismatches = await rollupMismatches(url);
  return {
    events: identities.length,
    sent: identities.length * 2,
    clients: 8,
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round((identities.length * 2) / seconds),
    outcome,
    stored,
    expected: { events: identities.length, orders: created },
    // Refunds whose CREATED another client had not stored yet are rejected (the API's contract: the
    // sender retries them); everything the server accepted must be stored exactly once.
    lostOrDoubled: stored!.events - outcome.accepted,
    rollupMismatches: mismatches,
  };
}

async function main() {
  const embedded = await startDatabase();
  const summary: Record<string, unknown> = { loadAverageBefore: await loadAverages() };
  const failures: string[] = [];
  try {
    const url = await freshDatabase(embedded, "load");
    await seedDemoData({ connectionString: url, orders: Number(process.env.DEMO_ORDERS ?? 6_000) });
    // One web process per core, as a production host would run it (SKILLGATE_WEB_PROCESSES).
    const server = await startServer(url, { SKILLGATE_WEB_PROCESSES: String(WEB_PROCESSES) });
    summary.webProcesses = WEB_PROCESSES;
    try {
      console.log(`── ${USERS} signed-in dashboard users for ${SECONDS} s`);
      const dashboard = await dashboardLoad();
      summary.dashboard = dashboard;
      summary.loadAverageAfterDashboard = await loadAverages();
      if (dashboard.non2xx || dashboard.errors || dashboard.timeouts) failures.push(`dashboard: ${dashboard.non2xx} non-2xx, ${dashboard.errors} errors, ${dashboard.timeouts} timeouts`);
      if (dashboard.latencyMs.p95 >= 1_000) failures.push(`dashboard p95 ${dashboard.latencyMs.p95} ms ≥ 1000 ms`);
      console.log(`── ingestion: ${EVENTS} events, every batch sent twice by 8 concurrent clients`);
      const ingestion = await ingestionUnderLoad(url);
      summary.ingestion = ingestion;
      const accountedFor = ingestion.outcome.accepted + ingestion.outcome.duplicates + ingestion.outcome.rejected + ingestion.outcome.conflicts === ingestion.sent;
      if (ingestion.lostOrDoubled !== 0 || !accountedFor || ingestion.stored!.orders !== ingestion.expected.orders) failures.push(`ingestion: stored ${JSON.stringify(ingestion.stored)}, expected ${JSON.stringify(ingestion.expected)}`);
      if (Object.values(ingestion.rollupMismatches).some((n) => n !== 0)) failures.push(`rollups differ from their definitions: ${JSON.stringify(ingestion.rollupMismatches)}`);
      if (ingestion.outcome.serverErrors || ingestion.outcome.failed) failures.push(`ingestion: ${ingestion.outcome.serverErrors} 5xx, ${ingestion.outcome.failed} failed requests`);
    } finally {
      await server.stop();
    }
  } finally {
    await embedded.stop();
  }
  summary.loadAverageAfter = await loadAverages();
  summary.failures = failures;
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/reliability-load.json", JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
