// Small statistics for the benchmarks: nearest-rank percentiles and a latency summary.

/** Nearest-rank percentile of an ascending array (p in 0–100); 0 for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type LatencySummary = { n: number; p50: number; p95: number; max: number; mean: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** p50 / p95 / max / mean of latency samples in milliseconds, rounded to 0.1 ms. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : 0;
  return { n: sorted.length, p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)), max: round1(sorted.at(-1) ?? 0), mean: round1(mean) };
}

/** a / b rounded to 0.1 (speed-ups), or null when b is 0. */
export function ratio(a: number, b: number, digits = 1): number | null {
  if (!b) return null;
  const f = 10 ** digits;
  return Math.round((a / b) * f) / f;
}

/** Times `fn` n times in a row (after `warmup` untimed calls); milliseconds per call. */
export async function timeRepeated(n: number, fn: () => Promise<unknown>, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}
