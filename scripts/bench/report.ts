// docs/performance.md from the template (scripts/bench/performance-template.md: the narrative)
// and the measured results per data-set size (docs/performance.json). Pure: tested without a run.
import type { AttributionCase } from "./attribution";
import type { DashboardResult } from "./dashboard";
import type { BenchIngestResult } from "./ingest";

export type MachineInfo = { cores: number; memoryGb: number; loadBefore: number[]; loadAfter: number[]; node: string; postgres: string };

export type SizeResult = {
  orders: number;
  measuredAt: string;
  machine: MachineInfo;
  dataSet: { merchant: string; merchantOrders: number; totalOrders: number; orderEvents: number; dailyRollupRows: number; hourlyRollupRows: number; generatedSeconds: number | null };
  attribution: AttributionCase[];
  dashboard: DashboardResult[];
  /** The live feed (events that just happened); results recorded before feeds existed were backfills. */
  ingestion: BenchIngestResult | null;
  /** The same events with the generator's 90-day spread of times (a history import). */
  ingestionBackfill?: BenchIngestResult | null;
  /** Whatever scripts/bench/policy.ts's benchPolicy returns, or why it did not run. */
  policy: Record<string, unknown> | { error: string } | null;
  memory: { peakRssBytes: number; samples: number };
  durationSeconds: number;
};

export type Results = Record<string, SizeResult>;

export const TARGETS = {
  attributionP95Ms: 50,
  attributionSpeedUp: 20,
  attributionAtOrders: 10_000_000,
  ingestEventsPerSecond: 20_000,
  policyPerSecond: 5_000,
  policyP99Ms: 10,
  overviewP95Ms: 300,
  firstLoadJsGzipBytes: 250_000,
} as const;

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n >= 100 ? int(n) : n.toFixed(1));
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes: number) => `${int(bytes / 1_000_000)} MB`;
const x = (n: number | null) => (n === null ? "–" : `${n >= 100 ? int(n) : n.toFixed(1)}×`);
const sizeLabel = (orders: number) => (orders >= 1_000_000 ? `${orders / 1_000_000}M` : `${orders / 1_000}k`);
const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" / ");

function table(header: string[], rows: (string | number)[][], align?: ("l" | "r")[]): string {
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : "---"));
  return [`| ${header.join(" | ")} |`, `| ${sep.join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Sizes in ascending order of orders. */
export function sizesOf(results: Results): SizeResult[] {
  return Object.values(results).sort((a, b) => a.orders - b.orders);
}

export function machineSection(results: Results): string {
  return table(
    ["data set", "measured (UTC)", "cores", "memory", "load average before (1 / 5 / 15 min)", "after", "PostgreSQL", "Node.js", "run took"],
    sizesOf(results).map((r) => [
      `${sizeLabel(r.orders)} orders`,
      r.measuredAt.replace("T", " ").slice(0, 16),
      r.machine.cores,
      `${r.machine.memoryGb} GB`,
      load(r.machine.loadBefore),
      load(r.machine.loadAfter),
      r.machine.postgres,
      r.machine.node,
      `${int(r.durationSeconds)} s`,
    ]),
  );
}

export function dataSetSection(results: Results): string {
  return table(
    ["data set", "merchant", "its orders", "all orders", "order events", "daily rollup rows", "hourly rollup rows", "generated in"],
    sizesOf(results).map((r) => [
      sizeLabel(r.orders),
      r.dataSet.merchant,
      int(r.dataSet.merchantOrders),
      int(r.dataSet.totalOrders),
      int(r.dataSet.orderEvents),
      int(r.dataSet.dailyRollupRows),
      int(r.dataSet.hourlyRollupRows),
      r.dataSet.generatedSeconds === null ? "reused" : `${int(r.dataSet.generatedSeconds)} s`,
    ]),
  );
}

export function attributionSection(results: Results): string {
  const rows: (string | number)[][] = [];
  for (const r of sizesOf(results)) {
    for (const c of r.attribution) {
      rows.push([
        sizeLabel(r.orders),
        `${c.days} days by ${c.groupBy}`,
        `${ms(c.api.p50)} / ${ms(c.api.p95)}`,
        `${ms(c.rollupSql.p50)} / ${ms(c.rollupSql.p95)}`,
        `${ms(c.plainGroupBy.p50)} / ${ms(c.plainGroupBy.p95)}`,
        x(c.speedUpP50),
        x(c.speedUpP95),
        c.check.equal ? "equal" : `**differ** (${c.check.apiOrders} vs ${c.check.rawOrders})`,
      ]);
    }
  }
  return table(["data set", "view (daily buckets)", "API p50 / p95 ms", "rollup SQL p50 / p95 ms", "plain GROUP BY p50 / p95 ms", "speed-up p50", "speed-up p95", "totals API vs raw"], rows);
}

export function ingestionSection(results: Results): string {
  const rows = sizesOf(results)
    .flatMap((r) => [r.ingestion, r.ingestionBackfill].filter((i): i is BenchIngestResult => !!i).map((i) => [r, i] as const))
    .map(([r, i]) => {
      return [
        sizeLabel(r.orders),
        i.feed ?? "backfill",
        `${int(i.events)} in ${i.batches} batches`,
        int(i.eventsPerSecond),
        `${int(i.latencyMs.p50)} / ${int(i.latencyMs.p95)}`,
        `${i.serverMsPerBatch.validate} / ${i.serverMsPerBatch.store}`,
        i.copyRowsPerSecond === undefined ? "–" : int(i.copyRowsPerSecond),
        i.ratio === undefined ? "–" : i.ratio.toFixed(2),
        i.webProcesses ?? 1,
        i.cpu ? [i.cpu.serverMsPer1000, i.cpu.postgresMsPer1000, i.cpu.postgresBackgroundMsPer1000 ?? "–", i.cpu.loadGeneratorMsPer1000 ?? "–"].join(" / ") : "–",
        i.cpu ? int(i.cpu.projectedEventsPerSecondOn2Cores) : "–",
        `${i.accepted} / ${i.duplicates} / ${i.rejected} / ${i.conflicts}`,
      ];
    });
  return table(
    ["data set", "feed", "events", "events/s", "batch p50 / p95 ms", "server validate / store ms per batch", "COPY rows/s", "ratio to COPY", "web processes", "CPU ms per 1,000 events: web / PostgreSQL backends / PostgreSQL background / load generator", "CPU-projected events/s on 2 idle cores", "accepted / duplicate / rejected / conflict"],
    rows,
  );
}

export function dashboardSection(results: Results): string {
  const rows: (string | number)[][] = [];
  for (const r of sizesOf(results)) {
    for (const d of r.dashboard) rows.push([sizeLabel(r.orders), `${d.name} (\`${d.path}\`)`, `${ms(d.serverMs.p50)} / ${ms(d.serverMs.p95)}`, d.firstLoadJs.chunks, kb(d.firstLoadJs.bytes), kb(d.firstLoadJs.gzipBytes)]);
  }
  return table(["data set", "page", "server response p50 / p95 ms", "first-load chunks", "first-load JS raw", "first-load JS gzip"], rows);
}

type PolicyTarget = { requestsPerSecond?: number; latencyMs?: { p50?: number; p99?: number }; serverCpuMicrosPerRequest?: number };

function policyTargets(policy: Record<string, unknown>): [string, PolicyTarget][] {
  return Object.entries(policy).filter((e): e is [string, PolicyTarget] => typeof e[1] === "object" && e[1] !== null && "requestsPerSecond" in e[1]);
}

export function policySection(results: Results): string {
  const rows: (string | number)[][] = [];
  const ratios: string[] = [];
  for (const r of sizesOf(results)) {
    if (!r.policy) continue;
    if ("error" in r.policy && typeof r.policy.error === "string") {
      rows.push([sizeLabel(r.orders), `not measured: ${r.policy.error}`, "", "", "", ""]);
      continue;
    }
    for (const [name, t] of policyTargets(r.policy)) {
      rows.push([sizeLabel(r.orders), name, int(t.requestsPerSecond ?? 0), t.latencyMs?.p50 ?? "–", t.latencyMs?.p99 ?? "–", t.serverCpuMicrosPerRequest ?? "–"]);
    }
    // Fields named ratio, cpuRatio, nextRatio…, not durationSeconds.
    const numbers = Object.entries(r.policy).filter(([k, v]) => typeof v === "number" && /(^r|R)atio$/.test(k));
    if (numbers.length) ratios.push(`${sizeLabel(r.orders)}: ${numbers.map(([k, v]) => `${k} ${(v as number).toFixed(2)}`).join(", ")}`);
  }
  return [table(["data set", "target", "requests/s", "p50 ms", "p99 ms", "server CPU µs/request"], rows), ratios.length ? `\nRatios: ${ratios.join("; ")}.` : ""].join("\n");
}

export function memorySection(results: Results): string {
  return table(["data set", "peak RSS of the server process tree", "samples"], sizesOf(results).map((r) => [sizeLabel(r.orders), mb(r.memory.peakRssBytes), r.memory.samples]));
}

/** How each headline figure changes from the smallest to the largest data set measured. */
export function growthSection(results: Results): string {
  const sizes = sizesOf(results);
  if (sizes.length < 2) return `Only one data set measured so far (${sizes.map((s) => sizeLabel(s.orders)).join("")}); run \`npm run bench -- --orders 10000000\` as well to see growth.`;
  const figure = (r: SizeResult): [string, number | undefined][] => [
    ["attribution API p95, 90 days by channel (ms)", r.attribution.find((c) => c.days === 90 && c.groupBy === "channel")?.api.p95],
    ["attribution API p95, 365 days by agent (ms)", r.attribution.find((c) => c.days === 365 && c.groupBy === "agent")?.api.p95],
    ["plain GROUP BY p50, 90 days by channel (ms)", r.attribution.find((c) => c.days === 90 && c.groupBy === "channel")?.plainGroupBy.p50],
    ["overview page p95 (ms)", r.dashboard.find((d) => d.name === "overview")?.serverMs.p95],
    ["attribution page p95 (ms)", r.dashboard.find((d) => d.name === "attribution")?.serverMs.p95],
    ["ingestion events/s (live feed)", r.ingestion?.eventsPerSecond],
    ["ingestion CPU ms per 1,000 events, live feed (web + PostgreSQL)", r.ingestion?.cpu ? r.ingestion.cpu.serverMsPer1000 + r.ingestion.cpu.postgresMsPer1000 : undefined],
    ["peak RSS (MB)", r.memory.peakRssBytes / 1_000_000],
  ];
  const first = sizes[0]!;
  const last = sizes.at(-1)!;
  const a = figure(first);
  const b = figure(last);
  const rows = a.map(([name, v], i) => {
    const w = b[i]![1];
    return [name, v === undefined ? "–" : ms(v), w === undefined ? "–" : ms(w), v && w ? `${(w / v).toFixed(2)}×` : "–"];
  });
  return table(["figure", `${sizeLabel(first.orders)} orders`, `${sizeLabel(last.orders)} orders`, "change"], rows);
}

export type VerdictId = "attributionP95" | "attributionSpeedUp" | "ingestion" | "policy" | "overview" | "firstLoadJs";
export type Verdict = { id: VerdictId; target: string; measured: string; met: boolean | null };

/** Each target of the issue against the largest data set measured (attribution: at 10M when present). */
export function verdicts(results: Results): Verdict[] {
  const sizes = sizesOf(results);
  const largest = sizes.at(-1);
  if (!largest) return [];
  const out: Verdict[] = [];
  const view = largest.attribution.find((c) => c.days === 90 && c.groupBy === "channel");
  const at10M = largest.orders >= TARGETS.attributionAtOrders;
  if (view) {
    const where = `${sizeLabel(largest.orders)} orders${at10M ? "" : ` (the target is for ${sizeLabel(TARGETS.attributionAtOrders)}; not measured at that size)`}`;
    out.push({ id: "attributionP95", target: `attribution API p95 ≤ ${TARGETS.attributionP95Ms} ms (90-day daily view by channel, 10M orders)`, measured: `${ms(view.api.p95)} ms at ${where}`, met: at10M ? view.api.p95 <= TARGETS.attributionP95Ms : null });
    out.push({ id: "attributionSpeedUp", target: `≥ ${TARGETS.attributionSpeedUp}× the plain GROUP BY (same view, same run)`, measured: `${x(view.speedUpP95)} at p95, ${x(view.speedUpP50)} at p50 (${where})`, met: at10M ? (view.speedUpP95 ?? 0) >= TARGETS.attributionSpeedUp : null });
  }
  const ingestSize = sizes.filter((s) => s.ingestion).at(-1);
  const ingest = ingestSize?.ingestion;
  if (ingestSize && ingest) {
    const backfill = ingestSize.ingestionBackfill;
    out.push({
      id: "ingestion",
      target: `ingestion ≥ ${int(TARGETS.ingestEventsPerSecond)} events/s (HTTP, batches of 1,000)`,
      measured:
        `${int(ingest.eventsPerSecond)} events/s, ${ingest.feed ?? "backfill"} feed at ${sizeLabel(ingestSize.orders)} orders` +
        `${ingest.ratio === undefined ? "" : `, ratio to COPY ${ingest.ratio.toFixed(2)}`}` +
        `${ingest.cpu ? `; CPU-projected ${int(ingest.cpu.projectedEventsPerSecondOn2Cores)}/s on 2 idle cores` : ""}` +
        `${backfill ? `; backfill feed ${int(backfill.eventsPerSecond)} events/s` : ""}`,
      met: ingest.eventsPerSecond >= TARGETS.ingestEventsPerSecond,
    });
  }
  const policy = largest.policy && !("error" in largest.policy) ? (largest.policy.decision as PolicyTarget | undefined) : undefined;
  if (policy?.requestsPerSecond !== undefined) {
    const p99 = policy.latencyMs?.p99 ?? Number.POSITIVE_INFINITY;
    out.push({ id: "policy", target: `policy ≥ ${int(TARGETS.policyPerSecond)} decisions/s at p99 < ${TARGETS.policyP99Ms} ms`, measured: `${int(policy.requestsPerSecond)}/s, p99 ${p99} ms`, met: policy.requestsPerSecond >= TARGETS.policyPerSecond && p99 < TARGETS.policyP99Ms });
  }
  const overview = largest.dashboard.find((d) => d.name === "overview");
  if (overview) out.push({ id: "overview", target: `overview page p95 ≤ ${TARGETS.overviewP95Ms} ms`, measured: `${ms(overview.serverMs.p95)} ms`, met: overview.serverMs.p95 <= TARGETS.overviewP95Ms });
  for (const d of largest.dashboard) {
    out.push({ id: "firstLoadJs", target: `first-load JS of ${d.name} ≤ ${kb(TARGETS.firstLoadJsGzipBytes)} gzip`, measured: kb(d.firstLoadJs.gzipBytes), met: d.firstLoadJs.gzipBytes <= TARGETS.firstLoadJsGzipBytes });
  }
  return out;
}

/** Why a target was missed, or what limits it: a sentence per target, from the template. */
export type VerdictNotes = Partial<Record<VerdictId, string>>;

export function verdictSection(results: Results, notes: VerdictNotes = {}): string {
  return table(
    ["target", "measured", "verdict", "why / what next"],
    verdicts(results).map((v) => [v.target, v.measured, v.met === null ? "not measured at the target size" : v.met ? "**met**" : "**missed**", v.met === true ? "" : (notes[v.id] ?? "")]),
    ["l", "l", "l", "l"],
  );
}

/** Fills `{{name}}` placeholders of the template. Unknown placeholders are an error. */
export function renderReport(template: string, results: Results, notes: VerdictNotes = {}): string {
  const sections: Record<string, () => string> = {
    machine: () => machineSection(results),
    dataSets: () => dataSetSection(results),
    attribution: () => attributionSection(results),
    ingestion: () => ingestionSection(results),
    dashboard: () => dashboardSection(results),
    policy: () => policySection(results),
    memory: () => memorySection(results),
    growth: () => growthSection(results),
    verdicts: () => verdictSection(results, notes),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const section = sections[name];
    if (!section) throw new Error(`Unknown placeholder {{${name}}} in the performance template.`);
    return section();
  });
}
