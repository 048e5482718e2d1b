// Policy decision benchmark: autocannon against GET /api/v1/policy/decision (a mix of
// screen-read and skill-call questions over the demo merchants) and, in the same run, against
// the constant-JSON GET /api/v1/health, so the decision API is measured relative to what this
// machine's Next.js server does for a route with no work at all.
//
//   npx tsx scripts/bench/policy.ts --base-url http://localhost:3300 --duration 20 \
//     [--connections 10] [--key sg_agent_...] [--rounds 2] [--server-pid PID]
//
// With --server-pid (Linux), it also reads the server's CPU time from /proc before and after
// each run: CPU microseconds per request are much less sensitive than throughput to other load
// on a shared machine, and 1e6 / that figure is the throughput one core could sustain.
//
// The server must run the production build (`next build` + `next start`) on a database with the
// demo data (npm run demo:generate) and SKILLGATE_DEMO_MODE=1 for the demo agent key.
// Latency follows Little's law (latency ≈ connections / throughput), so the connection count is
// part of the result: 10 is autocannon's default and a realistic per-instance concurrency.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { demoApiKeys } from "../../lib/demo/catalogue";

export type BenchPolicyOptions = {
  baseUrl: string;
  agentKey: string;
  /** Seconds per measured run of each target. */
  durationSeconds: number;
  connections?: number;
  /** Alternating measured runs per target (constant, decision, constant, …); results are summed. */
  rounds?: number;
  warmupSeconds?: number;
  /** The server's process id, to measure its CPU time per request (Linux /proc). */
  serverPid?: number;
};

export type TargetResult = {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  errors: number;
  non2xx: number;
  /** Server CPU time per request (user + system), when serverPid was given. */
  serverCpuMicrosPerRequest?: number;
};

export type BenchPolicyResult = {
  connections: number;
  durationSeconds: number;
  rounds: number;
  constant: TargetResult;
  decision: TargetResult;
  /** decision throughput / constant-route throughput. */
  ratio: number;
  /** constant-route CPU per request / decision CPU per request, when serverPid was given. */
  cpuRatio?: number;
};

type Histogram = { p50: number; p99: number; max: number };
type AutocannonResult = { requests: { total: number }; duration: number; latency: Histogram; errors: number; timeouts: number; non2xx: number };
type AutocannonRequest = { method?: string; path: string; headers?: Record<string, string> };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;

// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** What agent runtimes ask: pages and integrations of several merchants, allowed and denied. */
function decisionPaths(): string[] {
  const q = (params: Record<string, string>) => `/api/v1/policy/decision?${new URLSearchParams({ agent: "aurora", ...params })}`;
  return [
    q({ merchant: "lumen-coffee", action: "screen_read", path: "/menu/latte" }),
    q({ merchant: "lumen-coffee", action: "screen_read", path: "/checkout/pay" }),
    q({ merchant: "swiftride", action: "screen_read", path: "/wallet/top-up" }),
    q({ merchant: "daymart", action: "screen_read", path: "/shelf/drinks/42" }),
    q({ merchant: "daymart", action: "screen_read", path: "/checkout" }),
    q({ merchant: "railgo", action: "screen_read", path: "/search/shanghai/beijing" }),
    q({ merchant: "lumen-coffee", action: "skill_call", integration: "unknown-integration" }),
  ];
}

type Measured = AutocannonResult & { cpuMicros?: number };

/** user + system CPU time of a process, in microseconds (fields 14 and 15 of /proc/PID/stat, in clock ticks). */
function cpuMicrosOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / 100; // CLK_TCK is 100 on Linux
}

async function run(
  url: string,
  connections: number,
  duration: number,
  requests?: AutocannonRequest[],
  headers?: Record<string, string>,
  serverPid?: number,
): Promise<Measured> {
  const before = serverPid ? cpuMicrosOf(serverPid) : 0;
  const result = await autocannon({ url, connections, duration, headers, requests });
  return serverPid ? { ...result, cpuMicros: cpuMicrosOf(serverPid) - before } : result;
}

function add(results: Measured[]): TargetResult {
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const seconds = results.reduce((n, r) => n + r.duration, 0);
  return {
    requestsPerSecond: Math.round(requests / seconds),
    // The worst round's percentiles: a conservative summary of several rounds.
    latencyMs: {
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      max: Math.max(...results.map((r) => r.latency.max)),
    },
    requests,
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    ...(results.every((r) => r.cpuMicros !== undefined) && {
      serverCpuMicrosPerRequest: Math.round(results.reduce((n, r) => n + r.cpuMicros!, 0) / requests),
    }),
  };
}

export async function benchPolicy(options: BenchPolicyOptions): Promise<BenchPolicyResult> {
  const connections = options.connections ?? 10;
  const rounds = options.rounds ?? 2;
  const warmup = options.warmupSeconds ?? 3;
  const base = options.baseUrl.replace(/\/$/, "");
  const headers = { authorization: `Bearer ${options.agentKey}` };
  const requests = decisionPaths().map((path) => ({ method: "GET", path }));

  // Fail fast with a clear message rather than benchmarking 401s.
  const probe = await fetch(`${base}${requests[0]!.path}`, { headers });
  if (!probe.ok) throw new Error(`The decision API answered ${probe.status}: ${await probe.text()}`);

  await run(`${base}/api/v1/health`, connections, warmup);
  await run(base, connections, warmup, requests, headers);
  const constant: Measured[] = [];
  const decision: Measured[] = [];
  for (let i = 0; i < rounds; i++) {
    constant.push(await run(`${base}/api/v1/health`, connections, options.durationSeconds, undefined, undefined, options.serverPid));
    decision.push(await run(base, connections, options.durationSeconds, requests, headers, options.serverPid));
  }
  const c = add(constant);
  const d = add(decision);
  return {
    connections,
    durationSeconds: options.durationSeconds,
    rounds,
    constant: c,
    decision: d,
    ratio: Math.round((d.requestsPerSecond / c.requestsPerSecond) * 1000) / 1000,
    ...(c.serverCpuMicrosPerRequest && d.serverCpuMicrosPerRequest && {
      cpuRatio: Math.round((c.serverCpuMicrosPerRequest / d.serverCpuMicrosPerRequest) * 1000) / 1000,
    }),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main() {
  const result = await benchPolicy({
    baseUrl: arg("base-url") ?? "http://localhost:3300",
    agentKey: arg("key") ?? demoApiKeys.find((k) => k.kind === "AGENT")!.secret,
    durationSeconds: Number(arg("duration") ?? 20),
    connections: Number(arg("connections") ?? 10),
    rounds: Number(arg("rounds") ?? 2),
    serverPid: arg("server-pid") ? Number(arg("server-pid")) : undefined,
  });
  console.log(JSON.stringify(result, null, 2));
  const pass = result.decision.requestsPerSecond >= 5000 && result.decision.latencyMs.p99 < 10 && result.ratio >= 0.7;
  console.log(`targets (≥5,000/s, p99 < 10 ms, ≥70% of constant): ${pass ? "met" : "missed"}`);
  console.log(`(${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, node ${process.version}, ${new Date().toISOString()})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
