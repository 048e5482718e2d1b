// Review service levels: how long a submission has waited, and the median review time. Pure.

export const SLA_AMBER_MS = 24 * 3_600_000;
export const SLA_RED_MS = 72 * 3_600_000;

export type SlaLevel = "ok" | "amber" | "red";

/** > 24 h waiting is amber, > 72 h red. */
export function slaLevel(submittedAt: Date, now: Date): SlaLevel {
  const waited = now.getTime() - submittedAt.getTime();
  if (waited > SLA_RED_MS) return "red";
  if (waited > SLA_AMBER_MS) return "amber";
  return "ok";
}

/** Median of submitted → decided durations in ms (null without any). Pairs out of order are skipped. */
export function medianDurationMs(pairs: ReadonlyArray<{ submittedAt: Date | null; decidedAt: Date | null }>): number | null {
  const durations = pairs
    .flatMap(({ submittedAt, decidedAt }) => (submittedAt && decidedAt && decidedAt >= submittedAt ? [decidedAt.getTime() - submittedAt.getTime()] : []))
    .sort((a, b) => a - b);
  if (durations.length === 0) return null;
  const mid = Math.floor(durations.length / 2);
  return durations.length % 2 === 1 ? durations[mid]! : (durations[mid - 1]! + durations[mid]!) / 2;
}
