// The "why / what next" column of docs/performance.md's target table, for targets not met.
// Written by hand from the measurements (the figures themselves are generated); keep in step
// with scripts/bench/performance-template.md.
import type { VerdictNotes } from "./report";

export const verdictNotes: VerdictNotes = {
  attributionP95:
    "The API runs three rollup queries (series, totals, previous period) plus authentication and JSON; the rollup SQL column shows the database part. See Attribution reads.",
  attributionSpeedUp: "See Attribution reads: the speed-up grows with the data set, since the rollup read is bounded by dimension combinations per day, not by orders.",
  ingestion:
    "CPU-bound on 2 cores shared by the web process, PostgreSQL and the load generator; see Ingestion for the CPU per 1,000 events and what was changed. Tracked on issue 9.",
  policy: "Measured and explained in docs/policy-fast-path.md (the policy engineer's fast path).",
  overview: "See Dashboard pages.",
  firstLoadJs:
    "Shared framework and chart chunks (React, Next.js runtime, recharts) loaded by every merchant page; split the charts into a lazily loaded client chunk. Tracked on issue 9.",
};
