// When to try a webhook delivery again. Pure: the random source is a parameter.

/** Delay before attempt n+1 after attempt n failed (index 0 = after the first attempt). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  10_000, // 10 s
  60_000, // 1 min
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 60 * 60_000, // 2 h
];

/** ±20 % so endpoints that failed together are not retried together. */
export const JITTER_RATIO = 0.2;

/**
 * The delay before the next attempt, or null when `attemptsMade` attempts used up the schedule
 * (the delivery then fails). `random` returns [0, 1).
 */
export function nextRetryDelayMs(attemptsMade: number, random: () => number = Math.random, delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new RangeError("attemptsMade must be an integer >= 1");
  const base = delays[attemptsMade - 1];
  if (base === undefined) return null;
  const factor = 1 - JITTER_RATIO + 2 * JITTER_RATIO * random();
  return Math.round(base * factor);
}

/** Attempts a delivery gets in total: the first plus one per delay. */
export function maxAttempts(delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS): number {
  return delays.length + 1;
}

/** Reads a comma-separated list of milliseconds (e.g. a short schedule for e2e runs); falls back to the default. */
export function parseRetryDelays(raw: string | undefined): readonly number[] {
  if (!raw?.trim()) return DEFAULT_RETRY_DELAYS_MS;
  const values = raw.split(",").map((part) => Number(part.trim()));
  return values.every((v) => Number.isInteger(v) && v >= 0) ? values : DEFAULT_RETRY_DELAYS_MS;
}
