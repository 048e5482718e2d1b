import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

describe("TokenBuckets", () => {
  it("spends tokens per event, refills over time, and says when to retry", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1_000, burst: 2_000 });
    expect(buckets.take("k", 1_500, 0)).toEqual({ ok: true, remaining: 500 });
    expect(buckets.take("k", 1_000, 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take("other", 1_000, 0).ok).toBe(true); // per key
    expect(buckets.take("k", 1_000, 500).ok).toBe(true); // 500 + 500 refilled
    expect(buckets.take("k", 2_000, 600)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(buckets.take("k", 2_000, 100_000).ok).toBe(true); // refills up to the burst only
    expect(buckets.take("k", 1, 100_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
