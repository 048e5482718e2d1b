// Token buckets per key (pure; time is passed in). Ingest keys spend one token per event: a
// bucket holds up to `burst` tokens and refills at `ratePerSecond`. Kept in memory per web
// instance: cheap enough for 20k+ events/s, and the limit it enforces is per instance (N
// instances behind a load balancer allow up to N × rate). A shared limit would need Redis or a
// database counter on every request.

export type BucketOptions = { ratePerSecond: number; burst: number };
export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly options: BucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst > 0)) throw new Error("rate and burst must be positive");
  }

  take(key: string, count: number, nowMs: number): TakeResult {
    const { ratePerSecond, burst } = this.options;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      bucket = { tokens: burst, at: nowMs };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.at) / 1000) * ratePerSecond);
    bucket.at = nowMs;
    if (count > burst) return { ok: false, retryAfterSeconds: Math.ceil(count / ratePerSecond) };
    if (bucket.tokens >= count) {
      bucket.tokens -= count;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((count - bucket.tokens) / ratePerSecond)) };
  }
}
