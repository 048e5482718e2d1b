// Load (`npm run test:load`): the production server on a fresh demo database (DEMO_ORDERS, 6,000 by
// default), then
//  1. 200 concurrent signed-in dashboard users for 60 s, after they arrived evenly over
//     LOAD_RAMP_SECONDS (20; the ramp-up's page views are reported apart): each virtual user (one of seven demo
//     accounts' session cookies) uses the dashboard as a browser does (browser-visit.ts): it opens
//     its merchant's overview / attribution / orders pages in turn, reads each for a think time
//     (uniform 0.5–1.5 × LOAD_THINK_SECONDS, 5 s by default; 0 = back-to-back requests, a stress
//     test rather than users), and moves on by clicking the next section (a client-side
//     navigation: the page's RSC payload) or, with probability LOAD_DOCUMENT_SHARE (0.2; 1 = every
//     view a full page load), by loading it as a document; its first view is always a document,
//     followed by the page's scripts and styles. Reports p50/p95/p99 of the page responses
//     (overall, documents, navigations), the CPU each process spent per page, and every non-2xx,
//     wrong content type or error; target p95 < 1 s, no errors.
//  2. Ingestion under concurrent load: 8 clients send every batch of order events twice, shuffled,
//     while the dashboard is still being read; afterwards every event is stored exactly once and
//     every rollup equals its SQL definition.
// LOAD_USERS / LOAD_SECONDS / LOAD_RAMP_SECONDS / LOAD_THINK_SECONDS / LOAD_DOCUMENT_SHARE / LOAD_EVENTS / LOAD_TIMEOUT (s, 30) /
// LOAD_WARMUP_ROUNDS (3) change the sizes;
// LOAD_WEB_PROCESSES (default: one per core) sets the server's SKILLGATE_WEB_PROCESSES. Writes test-results/reliability-load.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { signIn } from "../bench/dashboard";
import { processTree } from "../bench/process-tree";
import { percentile } from "../bench/stats";
import { seedDemoData } from "../demo/seed";
import { documentAssets, documentRequest, get, navigationRequest } from "./browser-visit";
import { baseUrl, databasePid, freshDatabase, loadAverages, query, startDatabase, startServer } from "./harness";
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
const WARMUP_ROUNDS = Number(process.env.LOAD_WARMUP_ROUNDS ?? 3);
const DOCUMENT_SHARE = Number(process.env.LOAD_DOCUMENT_SHARE ?? 0.2);
/** Users arrive evenly over this many seconds before the measured window (LOAD_SECONDS) starts. */
const RAMP_SECONDS = Number(process.env.LOAD_RAMP_SECONDS ?? 20);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (ms) so far of the server's process tree, PostgreSQL's (every backend and helper), and this load generator. */
function cpuSnapshot(serverPid: number, postgresPid: number) {
  const treeMs = (pid: number) => processTree(pid).reduce((sum, p) => sum + p.cpuMs, 0);
  const own = process.cpuUsage();
  return { server: treeMs(serverPid), postgres: treeMs(postgresPid), loadGenerator: (own.user + own.system) / 1000 };
}

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

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? 0) };
}

async function dashboardLoad(serverPid: number, postgresPid: number) {
  const sessions: Array<{ cookie: string; merchant: string }> = [];
  for (const [email, merchant] of accounts) {
    const jar = await signIn(baseUrl, email);
    sessions.push({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), merchant });
  }
  // A server that users reach has been running: every page as a document and as a navigation,
  // WARMUP_ROUNDS times per session and web process, 21 at a time and unmeasured, so each
  // process's code is loaded and optimized before the clock starts.
  for (let round = 0; round < WARMUP_ROUNDS * WEB_PROCESSES; round++) {
    await Promise.all(
      sessions.flatMap((session) =>
        sections.map(async (section, i) => {
          const from = `/m/${session.merchant}/${sections[(i + 1) % sections.length]}`;
          const requests = [documentRequest(baseUrl, `/m/${session.merchant}/${section}`, session.cookie), await navigationRequest(baseUrl, session.merchant, section, from, session.cookie)];
          for (const request of requests) await get(request.url, request.headers, TIMEOUT_SECONDS * 1000);
        }),
      ),
    );
  }
  const views = { measured: [] as number[], document: [] as number[], navigation: [] as number[], rampUp: [] as number[] };
  const statuses = new Map<number, number>();
  let errors = 0;
  const errorKinds = new Map<string, number>();
  let timeouts = 0;
  let assets = 0;
  let retries = 0;
  const windowStart = performance.now() + RAMP_SECONDS * 1000;
  const deadline = windowStart + SECONDS * 1000;
  let cpuBefore = cpuSnapshot(serverPid, postgresPid);
  const measuring = setTimeout(() => (cpuBefore = cpuSnapshot(serverPid, postgresPid)), RAMP_SECONDS * 1000);
  // One virtual user, in the browser: opens a page (a document load, then the page's scripts and
  // styles once), reads it for a while (uniform 0.5–1.5 × THINK_SECONDS), then clicks to the next
  // section (a client-side navigation) or, with probability DOCUMENT_SHARE, loads it as a
  // document (reload, new tab, bookmark); repeat. Users arrive evenly over RAMP_SECONDS; the
  // measured window is the SECONDS that follow, with all of them signed in and active.
  async function user(u: number) {
    await sleep((u / USERS) * RAMP_SECONDS * 1000);
    const session = sessions[u % sessions.length]!;
    let current: string | undefined;
    let cached = false;
    let next = u; // each user goes round the sections in order, starting at a different one
    while (performance.now() < deadline) {
      const section = sections[next++ % sections.length]!;
      const path = `/m/${session.merchant}/${section}`;
      const kind = current === undefined || Math.random() < DOCUMENT_SHARE ? "document" : "navigation";
      const request = kind === "document" ? documentRequest(baseUrl, path, session.cookie) : await navigationRequest(baseUrl, session.merchant, section, current!, session.cookie);
      const started = performance.now();
      try {
        const response = await get(request.url, request.headers, TIMEOUT_SECONDS * 1000);
        const elapsed = performance.now() - started;
        if (response.retried) retries++;
        // A navigation must get the page's RSC payload, not HTML or a redirect to sign-in.
        const expected = kind === "document" ? "text/html" : "text/x-component";
        const status = response.status === 200 && !response.contentType.startsWith(expected) ? 0 : response.status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (started < windowStart) views.rampUp.push(elapsed);
        else {
          views.measured.push(elapsed);
          views[kind].push(elapsed);
        }
        if (kind === "document" && !cached && status === 200) {
          cached = true;
          const files = documentAssets(response.body.toString("utf8"));
          await Promise.all(files.map((file) => get(`${baseUrl}${file}`, {}, TIMEOUT_SECONDS * 1000)));
          assets += files.length;
        }
        current = path;
      } catch (error) {
        // node:http reports its AbortSignal.timeout as an abort (ABORT_ERR).
        if ((error as Error).name === "TimeoutError" || (error as NodeJS.ErrnoException).code === "ABORT_ERR") timeouts++;
        else {
          errors++;
          const kind = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
        }
      }
      await sleep(THINK_SECONDS * 1000 * (0.5 + Math.random()));
    }
  }
  await Promise.all(Array.from({ length: USERS }, (_, u) => user(u)));
  clearTimeout(measuring);
  const cpuAfter = cpuSnapshot(serverPid, postgresPid);
  // CPU per measured page view, by process: what the 2 cores are spent on, less sensitive to other load than latency.
  const perPage = (key: keyof typeof cpuAfter) => Math.round(((cpuAfter[key] - cpuBefore[key]) / Math.max(1, views.measured.length)) * 10) / 10;
  const result = { errors, timeouts };
  const non2xx = [...statuses].filter(([code]) => code < 200 || code >= 300).reduce((sum, [, count]) => sum + count, 0);
  return {
    users: USERS,
    seconds: SECONDS,
    thinkSeconds: THINK_SECONDS,
    rampUpSeconds: RAMP_SECONDS,
    documentShare: DOCUMENT_SHARE,
    requests: views.measured.length,
    requestsPerSecond: Math.round(views.measured.length / SECONDS),
    latencyMs: summary(views.measured),
    documents: { requests: views.document.length, latencyMs: summary(views.document) },
    navigations: { requests: views.navigation.length, latencyMs: summary(views.navigation) },
    rampUp: { requests: views.rampUp.length, latencyMs: summary(views.rampUp) },
    assetRequests: assets,
    cpuMsPerPage: { server: perPage("server"), postgres: perPage("postgres"), loadGenerator: perPage("loadGenerator") },
    statuses: Object.fromEntries(statuses),
    non2xx,
    errors: result.errors,
    errorKinds: Object.fromEntries(errorKinds),
    /** Requests sent again, as a browser does, because the server had just closed their idle connection. */
    keepAliveRetries: retries,
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
      const dashboard = await dashboardLoad(server.pid, databasePid());
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
