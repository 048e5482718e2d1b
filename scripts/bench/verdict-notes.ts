// The "why / what next" column of docs/performance.md's target table, for targets not met.
// Written by hand from the measurements of the last runs (the figures themselves are generated);
// keep in step with scripts/bench/performance-template.md.
import type { VerdictNotes } from "./report";

export const verdictNotes: VerdictNotes = {
  attributionP95:
    "The API runs two daily-rollup queries in parallel (the series, which also gives the totals, and the previous period), authentication, labels and JSON through Next.js; its time should not grow with orders (see Growth). Met at 29 ms on the quiet machine (15:48 UTC); a miss here most likely means other load on the 2 cores: compare the rollup SQL column and re-run. Tracked on issue 9.",
  attributionSpeedUp: "",
  ingestion:
    "CPU-bound: 20,000 events/s on 2 cores needs ≤ 100 ms of CPU per 1,000 events for the web process, PostgreSQL, the WAL writer and the load generator together. Latest 10M run (19:05–19:11 UTC, after the round below, with the benchmark's client on node:http; load 0.8 at its start, nobody else working): live feed 13,839 events/s at 55 ms (web) + 69 ms (PostgreSQL backends) + 1 ms (PostgreSQL background) + 3 ms (load generator, was 9 with fetch) = 128 ms per 1,000 events, ≈ 15,700/s projected; backfill 10,206/s. The two 10M runs before it on the same server code: 18:56 gave 14,865 live at 47 + 63 + 1 + 9 = 120 ms, 18:41 gave 12,656 at 56 + 69 + 1 + 9 = 135 ms: runs spread by ≈ 15 %. Before the round (16:20, 10M): 11,514 live and 8,801 backfill at 55 + 84 ms. The 1M rows are from 16:28, before the round. See Ingestion for what each change measured (latest round: array parameters as literals and a cheaper canonical JSON in the web process, Order at fillfactor 85 so refunds update in place, OrderEvent keyed by the event identity without a surrogate id; two web processes measured and not kept) and the next levers (not storing CREATED bodies, monthly partitions, less allocation per event). Tracked on issue 5.",
  policy:
    "A miss on this 2-core machine means other load: autocannon shares the cores with the server. Read the same-run ratio to the constant route and the server CPU per request below the policy table; docs/policy-fast-path.md has the history. Tracked on issue 7.",
  overview:
    "The page reads rollups only and renders its charts in the browser, so its time should not grow with orders (see Growth); a miss most likely means other load. Tracked on issue 9.",
  firstLoadJs:
    "recharts is loaded with next/dynamic after first paint (components/charts/charts.tsx); a miss means a page imported a chart module directly instead of through charts.tsx. Tracked on issue 9.",
};
