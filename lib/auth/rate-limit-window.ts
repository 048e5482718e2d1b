// Fixed-window rate limiting, pure: the database layer stores {count, resetAt} per key and
// asks these functions what a new hit means.

export type RateLimitBucketState = { count: number; resetAt: Date };
export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitVerdict = { limited: boolean; remaining: number; retryAfterMs: number };

/** The bucket as it stands at `now` (an expired window counts as empty). */
export function currentWindow(bucket: RateLimitBucketState | null, now: Date, rule: RateLimitRule): RateLimitBucketState {
  if (!bucket || bucket.resetAt.getTime() <= now.getTime()) {
    return { count: 0, resetAt: new Date(now.getTime() + rule.windowMs) };
  }
  return bucket;
}

/** Whether one more attempt may go ahead, without recording anything. */
export function peek(bucket: RateLimitBucketState | null, now: Date, rule: RateLimitRule): RateLimitVerdict {
  const window = currentWindow(bucket, now, rule);
  const limited = window.count >= rule.limit;
  return {
    limited,
    remaining: Math.max(0, rule.limit - window.count),
    retryAfterMs: limited ? window.resetAt.getTime() - now.getTime() : 0,
  };
}

/** The bucket after recording one hit at `now`, and whether the limit is now reached. */
export function recordHit(
  bucket: RateLimitBucketState | null,
  now: Date,
  rule: RateLimitRule,
): { bucket: RateLimitBucketState; verdict: RateLimitVerdict } {
  const window = currentWindow(bucket, now, rule);
  const next = { count: window.count + 1, resetAt: window.resetAt };
  return { bucket: next, verdict: peek(next, now, rule) };
}
