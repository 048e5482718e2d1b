// Policy decision benchmark: autocannon against the production server (scripts/runtime/server.ts),
// in alternating rounds of three targets, so one run compares like with like on a shared machine:
//   decision   GET /api/v1/policy/decision on the fast path (a mix of screen-read and skill-call
//              questions over the demo merchants, allowed and denied);
//   constant   GET /api/v1/health/fast: constant JSON from the SAME fast listener, the fair
//              baseline for "≥ 70 % of a trivial route" (ratio = decision / constant);
//   next       GET /api/v1/health: constant JSON through Next.js's request pipeline, the
//              framework baseline (nextRatio = decision / next).
// All three are sent the same requests, query string and agent key included, only the path
// differs: the client builds and the server parses the same bytes in every target.
//
//   npx tsx scripts/bench/policy.ts --base-url http://localhost:3300 --duration 10 \
//     [--connections 10] [--key sg_agent_...] [--rounds 3] [--server-pid PID]
//
// Server CPU time per request (Linux /proc) is much less sensitive than throughput to other load
// on a shared machine; without --server-pid the process listening on the base URL's port is
// found through /proc. The server must run the production build with the demo data and
// SKILLGATE_DEMO_MODE=1 for the demo agent key (`npm start` does all of that).
// Latency follows Little's law (latency ≈ connections / throughput), so the connection count is
// part of the result: 10 is autocannon's default and a realistic per-instance concurrency.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { demoApiKeys } from "../../lib/demo/catalogue";
import { DECISION_PATH, FAST_HEALTH_PATH } from "../../lib/fast-path/listener";
import { pidListeningOn } from "./listening-pid";

export type BenchPolicyOptions = {
  baseUrl: string;
  agentKey: string;
  /** Seconds per measured run of each target. */
  durationSeconds: number;
  connections?: number;
  /** Alternating measured runs per target (constant, decision, next, constant, …); results are summed. */
  rounds?: number;
  warmupSeconds?: number;
  /** The server's process id, to measure its CPU time per request (Linux /proc); default: whoever listens on the port. */
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

export const POLICY_TARGETS = { decisionsPerSecond: 5000, p99Ms: 10, ratio: 0.7 } as const;

export type BenchPolicyResult = {
  connections: number;
  durationSeconds: number;
  rounds: number;
  /** The decision API (fast path). */
  decision: TargetResult;
  /** Constant JSON from the same fast listener: the baseline of `ratio`. */
  constant: TargetResult;
  /** Constant JSON through Next.js (GET /api/v1/health). */
  next: TargetResult;
  /** decision throughput / constant throughput (target ≥ 0.7). */
  ratio: number;
  /** constant CPU per request / decision CPU per request, when CPU was measured. */
  cpuRatio?: number;
  /** decision throughput / Next.js constant-route throughput. */
  nextRatio: number;
  targets: typeof POLICY_TARGETS & { met: { decisionsPerSecond: boolean; p99: boolean; ratio: boolean; all: boolean } };
  machine: { cores: number; loadAverageBefore: number[]; loadAverageAfter: number[]; node: string; at: string };
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
  const q = (params: Record<string, string>) => `${DECISION_PATH}?${new URLSearchParams({ agent: "aurora", ...params })}`;
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

const round2 = (n: number) => Math.round(n * 100) / 100;
const ratioOf = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

export async function benchPolicy(options: BenchPolicyOptions): Promise<BenchPolicyResult> {
  const connections = options.connections ?? 10;
  const rounds = options.rounds ?? 2;
  const warmup = options.warmupSeconds ?? 3;
  const base = options.baseUrl.replace(/\/$/, "");
  const serverPid = options.serverPid ?? pidListeningOn(Number(new URL(base).port || 80));
  const headers = { authorization: `Bearer ${options.agentKey}` };
  const requests = decisionPaths().map((path) => ({ method: "GET", path }));

  // Fail fast with a clear message rather than benchmarking 401s or the wrong server.
  const probe = await fetch(`${base}${requests[0]!.path}`, { headers });
  if (!probe.ok) throw new Error(`The decision API answered ${probe.status}: ${await probe.text()}`);
  const fast = await fetch(`${base}/api/v1/health/fast`);
  if (!fast.ok) throw new Error(`GET /api/v1/health/fast answered ${fast.status}: is the fast path off (SKILLGATE_FAST_PATH=0, or plain next start)?`);

  // The baselines get the same requests (query string and Authorization header included) with only
  // the path changed, so client and server parse the same bytes and the difference between the
  // targets is the handler's work alone. The constant routes ignore the query and the header.
  const sameRequestsTo = (path: string) => requests.map((request) => ({ ...request, path: path + request.path.slice(DECISION_PATH.length) }));
  const constantRequests = sameRequestsTo(FAST_HEALTH_PATH);
  const nextRequests = sameRequestsTo("/api/v1/health");

  const loadAverageBefore = os.loadavg().map(round2);
  const targets = {
    constant: () => run(base, connections, options.durationSeconds, constantRequests, headers, serverPid),
    decision: () => run(base, connections, options.durationSeconds, requests, headers, serverPid),
    next: () => run(base, connections, options.durationSeconds, nextRequests, headers, serverPid),
  };
  await run(base, connections, warmup, constantRequests, headers);
  await run(base, connections, warmup, requests, headers);
  await run(base, connections, warmup, nextRequests, headers);
  const measured: Record<keyof typeof targets, Measured[]> = { constant: [], decision: [], next: [] };
  for (let i = 0; i < rounds; i++) {
    for (const name of ["constant", "decision", "next"] as const) measured[name].push(await targets[name]());
  }
  const constant = add(measured.constant);
  const decision = add(measured.decision);
  const next = add(measured.next);
  const met = {
    decisionsPerSecond: decision.requestsPerSecond >= POLICY_TARGETS.decisionsPerSecond,
    p99: decision.latencyMs.p99 < POLICY_TARGETS.p99Ms,
    ratio: decision.requestsPerSecond / constant.requestsPerSecond >= POLICY_TARGETS.ratio,
  };
  return {
    connections,
    durationSeconds: options.durationSeconds,
    rounds,
    decision,
    constant,
    next,
    ratio: ratioOf(decision.requestsPerSecond, constant.requestsPerSecond),
    ...(constant.serverCpuMicrosPerRequest && decision.serverCpuMicrosPerRequest && {
      cpuRatio: ratioOf(constant.serverCpuMicrosPerRequest, decision.serverCpuMicrosPerRequest),
    }),
    nextRatio: ratioOf(decision.requestsPerSecond, next.requestsPerSecond),
    targets: { ...POLICY_TARGETS, met: { ...met, all: met.decisionsPerSecond && met.p99 && met.ratio } },
    machine: { cores: os.cpus().length, loadAverageBefore, loadAverageAfter: os.loadavg().map(round2), node: process.version, at: new Date().toISOString() },
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
  const { decision, constant, next } = result;
  const line = (name: string, t: TargetResult) =>
    `${name.padEnd(9)} ${String(t.requestsPerSecond).padStart(6)} req/s  p50 ${t.latencyMs.p50} ms  p99 ${t.latencyMs.p99} ms  ${t.serverCpuMicrosPerRequest ?? "?"} µs CPU/req  (${t.non2xx} non-2xx, ${t.errors} errors)`;
  console.log([line("decision", decision), line("constant", constant), line("next", next)].join("\n"));
  console.log(`ratio ${result.ratio} (CPU ${result.cpuRatio ?? "?"}), vs Next.js ${result.nextRatio}; targets (≥5,000/s, p99 < 10 ms, ≥70 % of constant): ${result.targets.met.all ? "met" : "missed"}`);
  console.log(`(${result.machine.cores} cores, load average ${result.machine.loadAverageBefore.join(" ")} → ${result.machine.loadAverageAfter.join(" ")}, node ${result.machine.node}, ${result.machine.at})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
