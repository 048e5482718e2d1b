// The "why / what next" column of docs/performance.md's target table, for targets not met.
// Written by hand from the measurements of the last runs (the figures themselves are generated);
// keep in step with scripts/bench/performance-template.md.
import type { VerdictNotes } from "./report";

export const verdictNotes: VerdictNotes = {
  attributionP95:
    "The API runs two daily-rollup queries in parallel (the series, which also gives the totals, and the previous period), authentication, labels and JSON through Next.js; its time should not grow with orders (see Growth). Met at 29 ms on the quiet machine (15:48 UTC); a miss here most likely means other load on the 2 cores: compare the rollup SQL column and re-run. Tracked on issue 9.",
  attributionSpeedUp: "",
  ingestion:
    "CPU-bound: 20,000 events/s on 2 cores needs ≤ 100 ms of CPU per 1,000 events for the web process, PostgreSQL, the WAL writer and the load generator together. Latest 10M run (18:56–19:02 UTC, after the round below; load 2.4 at its start, nobody else working): live feed 14,865 events/s at 47 ms (web) + 63 ms (PostgreSQL backends) + 1 ms (PostgreSQL background) + 9 ms (load generator) = 120 ms per 1,000 events, ≈ 16,800/s projected; backfill 8,979/s (PostgreSQL 116 + 23 ms, a checkpoint fell in it). The 10M run just before it (18:41–18:49, load 2.6 from a CI run decaying) gave 12,656 live at 56 + 69 + 1 + 9 = 135 ms and 10,563 backfill: runs spread by ≈ 15 %. Before the round (16:20, 10M): 11,514 live and 8,801 backfill at 55 + 84 ms. The 1M rows are from 16:28, before the round. See Ingestion for what each change measured (latest round: array parameters as literals and a cheaper canonical JSON in the web process, Order at fillfactor 85 so refunds update in place, OrderEvent keyed by the event identity without a surrogate id; two web processes measured and not kept) and the next levers (not storing CREATED bodies, monthly partitions, less allocation per event). Tracked on issue 5.",
  policy:
    "A miss on this 2-core machine means other load: autocannon shares the cores with the server. Read the same-run ratio to the constant route and the server CPU per request below the policy table; docs/policy-fast-path.md has the history. Tracked on issue 7.",
  overview:
    "The page reads rollups only and renders its charts in the browser, so its time should not grow with orders (see Growth); a miss most likely means other load. Tracked on issue 9.",
  firstLoadJs:
    "recharts is loaded with next/dynamic after first paint (components/charts/charts.tsx); a miss means a page imported a chart module directly instead of through charts.tsx. Tracked on issue 9.",
};
